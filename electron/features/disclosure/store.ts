import { sql } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { guardians, partners, staff, students } from '../../../db/schema';
import { buildNameIndex, type IndexedPerson, type NameIndex, type Professional } from './scrubber';

/**
 * The vault-wide name index, read once and kept while the names it was built from are unchanged:
 * a projector answer or a Word document asks a cheap question — has this connection written
 * anything at all; if so, how many rows and the newest change per table — instead of reading
 * 6,000 names again. The cache belongs to the open database object, so a lock
 * (which closes it) drops it with the key.
 */

const cache = new WeakMap<VaultDb, { changes: number; signature: string; index: NameIndex }>();

/** Rows this connection changed since it opened, in any table: while it stands still, nothing changed. */
const changesSoFar = (db: VaultDb) => db.get<{ n: number }>(sql`SELECT total_changes() AS n`)?.n ?? -1;

function signatureOf(db: VaultDb): string {
  const row = (table: typeof students | typeof guardians | typeof staff | typeof partners) =>
    db
      .select({ n: sql<number>`count(*)`, at: sql<string | null>`max(${table.updatedAt})` })
      .from(table)
      .get();
  return JSON.stringify([row(students), row(guardians), row(staff), row(partners)]);
}

export function peopleOfVault(db: VaultDb): IndexedPerson[] {
  const pupils = db
    .select({
      studentId: students.id,
      givenName: students.givenName,
      infix: students.infix,
      familyName: students.familyName,
      studentNumber: students.studentNumber,
      className: students.className,
    })
    .from(students)
    .all()
    .map((s) => ({ ...s, kind: 'student' as const }));
  const parents = db
    .select({
      studentId: guardians.studentId,
      givenName: guardians.givenName,
      infix: guardians.infix,
      familyName: guardians.familyName,
    })
    .from(guardians)
    .all()
    .map((g) => ({ ...g, kind: 'guardian' as const }));
  return [...pupils, ...parents];
}

export function professionalsOfVault(db: VaultDb): Professional[] {
  const team = db.select({ name: staff.name, code: staff.code }).from(staff).all();
  const external = db.select({ organisation: partners.organisation, contactName: partners.contactName }).from(partners).all();
  return [...team, ...external.flatMap((p) => [{ name: p.organisation }, { name: p.contactName }])].filter((p) => p.name.trim() !== '');
}

/** Every student and guardian of the vault, with the team and partners whose names stay. */
export function nameIndexOf(db: VaultDb): NameIndex {
  const changes = changesSoFar(db);
  const cached = cache.get(db);
  // No write at all since (a key on the projector): no question to the tables either.
  if (cached && cached.changes === changes) return cached.index;
  const signature = signatureOf(db);
  if (cached && cached.signature === signature) {
    cached.changes = changes;
    return cached.index;
  }
  const index = buildNameIndex(peopleOfVault(db), professionalsOfVault(db));
  cache.set(db, { changes, signature, index });
  return index;
}
