import { asc, eq, inArray } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { guardians, students } from '../../../db/schema';
import { AppError } from '../../api/errors';

/** The people domain's rows as later domains (letters, documents) read them. */

export type StudentRow = typeof students.$inferSelect;
export type GuardianRow = typeof guardians.$inferSelect;

export function studentRow(db: VaultDb, id: string): StudentRow {
  const row = db.select().from(students).where(eq(students.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Deze leerling bestaat niet (meer).');
  return row;
}

/** Guardians of many students in one query, by student. */
export function guardiansOfStudents(db: VaultDb, studentIds: string[]): Map<string, GuardianRow[]> {
  const result = new Map<string, GuardianRow[]>();
  const unique = [...new Set(studentIds)];
  for (let i = 0; i < unique.length; i += 500) {
    for (const g of db.select().from(guardians).where(inArray(guardians.studentId, unique.slice(i, i + 500))).orderBy(asc(guardians.familyName)).all()) {
      result.set(g.studentId, [...(result.get(g.studentId) ?? []), g]);
    }
  }
  return result;
}
