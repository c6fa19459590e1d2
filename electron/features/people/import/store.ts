import { randomUUID } from 'node:crypto';
import { eq, inArray, Placeholder, sql, type SQL } from 'drizzle-orm';
import type { OpenedVault, VaultDb } from '../../../../db/open';
import { guardians, importMappings, students } from '../../../../db/schema';
import type { StudentRow } from '../store';
import type { GuardianValues, RowWrite } from './check';

/**
 * The import's reads and writes: the students a file names in one query, its rows in one
 * transaction, and the column mappings remembered per source.
 */

export function studentsByNumber(db: VaultDb, numbers: string[]): Map<string, StudentRow> {
  // One query with the numbers as one JSON value, not thousands of bound parameters.
  const rows = db
    .select()
    .from(students)
    .where(sql`${students.studentNumber} IN (SELECT value FROM json_each(${JSON.stringify(numbers)}))`)
    .all();
  return new Map(rows.map((row) => [row.studentNumber, row]));
}

/**
 * Statements built by drizzle from the schema, prepared once per import and run with positional
 * values: building, preparing and filling a query per row was most of an import's time.
 */
function preparedWrites(db: VaultDb, sqlite: OpenedVault['sqlite']) {
  const p = <K extends string>(...names: K[]) => Object.fromEntries(names.map((n) => [n, sql`${sql.placeholder(n)}`])) as Record<K, SQL>;
  const prepare = (query: { toSQL(): { sql: string; params: unknown[] } }) => {
    const { sql: text, params } = query.toSQL();
    // A placeholder takes the row's value; anything else is fixed (a column's default, as drizzle fills it in).
    const fill = params.map((param) =>
      param instanceof Placeholder ? (values: Record<string, unknown>) => values[param.name] : () => param,
    );
    const statement = sqlite.prepare(text);
    return (values: Record<string, unknown>) => statement.run(...fill.map((f) => f(values)));
  };
  const studentColumns = p(
    'givenName',
    'infix',
    'familyName',
    'birthDate',
    'className',
    'yearLevel',
    'level',
    'mentorId',
    'searchText',
    'updatedAt',
  );
  const guardianColumns = p(
    'givenName',
    'infix',
    'familyName',
    'relation',
    'parentalAuthority',
    'authoritySince',
    'street',
    'houseNumber',
    'postalCode',
    'city',
    'email',
    'phone',
    'salutation',
    'updatedAt',
  );
  const byId = <T extends typeof students | typeof guardians>(table: T) => eq(table.id, sql.placeholder('id'));
  return {
    insertStudent: prepare(db.insert(students).values({ ...p('id', 'studentNumber'), ...studentColumns })),
    updateStudent: prepare(db.update(students).set(studentColumns).where(byId(students))),
    insertGuardian: prepare(db.insert(guardians).values({ ...p('id', 'studentId'), ...guardianColumns })),
    updateGuardian: prepare(db.update(guardians).set(guardianColumns).where(byId(guardians))),
  };
}

/** SQLite stores a boolean as 0 or 1; a bare placeholder is bound as it is given. */
const guardianParams = (g: GuardianValues) => ({ ...g, parentalAuthority: g.parentalAuthority ? 1 : 0 });

/** What a transaction wrote. */
export interface ImportWritten {
  added: number;
  updated: number;
  guardiansAdded: number;
  guardiansUpdated: number;
}

/**
 * Writes these rows in one transaction that awaits nothing: no other call can write into it, so a
 * save another window was told is stored can never be rolled back with the import. Calls that come
 * meanwhile wait the second an import of a whole school takes (see `npm run bench`). Any failure
 * rolls everything back.
 */
export function writeImport(vault: OpenedVault, writes: RowWrite[]): ImportWritten {
  const { db, sqlite } = vault;
  const written: ImportWritten = { added: 0, updated: 0, guardiansAdded: 0, guardiansUpdated: 0 };
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const q = preparedWrites(db, sqlite);
    for (const w of writes) {
      let studentId = w.studentId;
      if (!studentId) {
        studentId = randomUUID();
        q.insertStudent({ id: studentId, ...w.student });
        written.added++;
      } else {
        if (w.student) q.updateStudent({ id: studentId, ...w.student });
        written.updated++;
      }
      for (const g of w.guardianInserts) q.insertGuardian({ id: randomUUID(), studentId, ...guardianParams(g) });
      for (const g of w.guardianUpdates) q.updateGuardian({ id: g.id, ...guardianParams(g.values) });
      written.guardiansAdded += w.guardianInserts.length;
      written.guardiansUpdated += w.guardianUpdates.length;
    }
    sqlite.exec('COMMIT');
  } catch (err) {
    if (sqlite.open && sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw err;
  }
  return written;
}

/** The remembered mappings under these keys (a source, or an exact header row from older vaults). */
export function mappingRows(db: VaultDb, keys: string[]) {
  return db.select().from(importMappings).where(inArray(importMappings.headerSignature, keys)).all();
}

export function saveMappingRow(db: VaultDb, key: string, mapping: Record<string, string>, now: string): void {
  db.insert(importMappings)
    .values({ headerSignature: key, mapping, updatedAt: now })
    .onConflictDoUpdate({ target: importMappings.headerSignature, set: { mapping, updatedAt: now } })
    .run();
}
