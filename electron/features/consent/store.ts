import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { appUsers, consents, guardians, meldcodeTracks, partners, students } from '../../../db/schema';
import { AppError } from '../../api/errors';
import { fullName } from '../people/names';
import type { ConsentGuardian, ConsentPartner, ConsentPurpose, ConsentRecord, ConsentStudent } from './rules';

/** The consent register's rows: the records, the people who sign them, and the Meldcode tracks. */

export type ConsentRow = typeof consents.$inferSelect;

export function toConsentRecord(row: ConsentRow): ConsentRecord {
  return {
    id: row.id,
    studentId: row.studentId,
    signer: row.signerKind === 'student' ? { kind: 'student' } : { kind: 'guardian', guardianId: row.guardianId ?? '' },
    decision: row.decision,
    purposes: row.purposes as ConsentPurpose[],
    partnerIds: row.partnerIds,
    givenOn: row.givenOn,
    validUntil: row.validUntil,
    withdrawnOn: row.withdrawnOn,
  };
}

export function consentRows(db: VaultDb, studentIds: string[]): ConsentRow[] {
  const rows: ConsentRow[] = [];
  for (let i = 0; i < studentIds.length; i += 500) {
    rows.push(
      ...db
        .select()
        .from(consents)
        .where(inArray(consents.studentId, studentIds.slice(i, i + 500)))
        .orderBy(desc(consents.givenOn), desc(consents.recordedAt))
        .all(),
    );
  }
  return rows;
}

export interface ConsentCase {
  student: ConsentStudent;
  guardians: ConsentGuardian[];
}

/** Students and their guardians as the consent rules see them, for many students in one go. */
export function consentCases(db: VaultDb, studentIds: string[]): Map<string, ConsentCase> {
  const cases = new Map<string, ConsentCase>();
  for (let i = 0; i < studentIds.length; i += 500) {
    const ids = studentIds.slice(i, i + 500);
    for (const s of db.select().from(students).where(inArray(students.id, ids)).all()) {
      cases.set(s.id, { student: { id: s.id, name: fullName(s), birthDate: s.birthDate }, guardians: [] });
    }
    for (const g of db.select().from(guardians).where(inArray(guardians.studentId, ids)).orderBy(asc(guardians.familyName)).all()) {
      cases.get(g.studentId)?.guardians.push({
        id: g.id,
        name: fullName(g),
        parentalAuthority: g.parentalAuthority,
        authoritySince: g.authoritySince,
      });
    }
  }
  return cases;
}

export function consentCase(db: VaultDb, studentId: string): ConsentCase {
  const found = consentCases(db, [studentId]).get(studentId);
  if (!found) throw new AppError('NOT_FOUND', 'Deze leerling bestaat niet (meer).');
  return found;
}

export function partnerNames(db: VaultDb): Map<string, string> {
  return new Map(
    db
      .select({ id: partners.id, name: partners.organisation })
      .from(partners)
      .all()
      .map((p) => [p.id, p.name]),
  );
}

/** The school's active external partners, as the consent rules see them. */
export function activePartners(db: VaultDb): ConsentPartner[] {
  return db
    .select({ id: partners.id, name: partners.organisation, kind: partners.kind })
    .from(partners)
    .where(eq(partners.active, true))
    .all();
}

export function userNames(db: VaultDb): Map<string, string> {
  return new Map(
    db
      .select({ id: appUsers.id, name: appUsers.name })
      .from(appUsers)
      .all()
      .map((u) => [u.id, u.name]),
  );
}

export function insertConsent(db: VaultDb, values: Omit<typeof consents.$inferInsert, 'id'>): string {
  const id = randomUUID();
  db.insert(consents)
    .values({ id, ...values })
    .run();
  return id;
}

/** Closing a student's case ends the consents given "until the case is closed". */
export function endConsentsUntilCaseClosed(db: VaultDb, studentId: string, on: string): void {
  db.update(consents)
    .set({ validUntil: on })
    .where(and(eq(consents.studentId, studentId), eq(consents.untilCaseClosed, true), isNull(consents.validUntil)))
    .run();
}

export function guardianConsentCount(db: VaultDb, guardianId: string): number {
  return db.select({ id: consents.id }).from(consents).where(eq(consents.guardianId, guardianId)).all().length;
}

export function getConsent(db: VaultDb, id: string): ConsentRow {
  const row = db.select().from(consents).where(eq(consents.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Deze toestemming bestaat niet (meer).');
  return row;
}

export function recordWithdrawal(
  db: VaultDb,
  id: string,
  values: {
    withdrawnOn: string;
    withdrawnBy: string;
    withdrawalNote: string;
    withdrawalRecordedBy: string;
    withdrawalRecordedAt: string;
  },
) {
  db.update(consents).set(values).where(eq(consents.id, id)).run();
}

/** Every Meldcode track in the vault, open or closed: an aandachtsfunctionaris must stay while there is one. */
export function meldcodeTrackCount(db: VaultDb): number {
  return db.select({ n: count() }).from(meldcodeTracks).get()?.n ?? 0;
}

export function meldcodeTrackOf(db: VaultDb, studentId: string) {
  return (
    db.select().from(meldcodeTracks).where(eq(meldcodeTracks.studentId, studentId)).orderBy(desc(meldcodeTracks.openedOn)).get() ?? null
  );
}

/** `createdBy` is written once, when the track is opened; later saves keep who started it. */
export function saveMeldcodeTrack(db: VaultDb, id: string | null, values: Omit<typeof meldcodeTracks.$inferInsert, 'id'>): string {
  if (id) {
    const { createdBy: _startedBy, ...changes } = values;
    const result = db
      .update(meldcodeTracks)
      .set(changes)
      .where(and(eq(meldcodeTracks.id, id), eq(meldcodeTracks.studentId, values.studentId)))
      .run();
    if (result.changes === 0) throw new AppError('NOT_FOUND', 'Dit Meldcode-traject bestaat niet (meer).');
    return id;
  }
  const newId = randomUUID();
  db.insert(meldcodeTracks)
    .values({ id: newId, ...values })
    .run();
  return newId;
}
