import { asc, eq, inArray } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { guardians, partners, staff, students } from '../../../db/schema';
import { AppError } from '../../api/errors';

/** The people domain's rows as later domains (letters, documents) read them. */

export type StudentRow = typeof students.$inferSelect;
export type GuardianRow = typeof guardians.$inferSelect;

export function studentRow(db: VaultDb, id: string): StudentRow {
  const row = db.select().from(students).where(eq(students.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Deze leerling bestaat niet (meer).');
  return row;
}

/** NOT_FOUND saying what is missing; with the form field it belongs to, when there is one. */
function missing(what: string, field?: string): AppError {
  const message = `${what} bestaat niet (meer).`;
  return new AppError('NOT_FOUND', message, field ? { [field]: message } : undefined);
}

/** The distinct ids asked for, nulls left out (an empty choice is not an unknown one). */
const given = (ids: readonly (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))];

/**
 * Every id is a staff member (chair, mentor, attendee…), or NOT_FOUND naming `what`: a foreign key
 * would fail later as an internal error, and a filter would silently find nothing.
 */
export function requireStaff(db: VaultDb, ids: readonly (string | null)[], what = 'Deze medewerker', field?: string): void {
  const wanted = given(ids);
  if (wanted.length === 0) return;
  const found = db.select({ id: staff.id }).from(staff).where(inArray(staff.id, wanted)).all().length;
  if (found < wanted.length) throw missing(what, field);
}

/** Every id is an external partner, or NOT_FOUND naming `what`. */
export function requirePartners(db: VaultDb, ids: readonly (string | null)[], what = 'Deze partner', field?: string): void {
  const wanted = given(ids);
  if (wanted.length === 0) return;
  const found = db.select({ id: partners.id }).from(partners).where(inArray(partners.id, wanted)).all().length;
  if (found < wanted.length) throw missing(what, field);
}

/** Every id is a student, or NOT_FOUND. */
export function requireStudents(db: VaultDb, ids: readonly (string | null)[], what = 'Deze leerling', field?: string): void {
  const wanted = given(ids);
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500);
    if (db.select({ id: students.id }).from(students).where(inArray(students.id, chunk)).all().length < chunk.length) throw missing(what, field);
  }
}

export function guardianRow(db: VaultDb, id: string): GuardianRow {
  const row = db.select().from(guardians).where(eq(guardians.id, id)).get();
  if (!row) throw missing('Deze ouder/verzorger');
  return row;
}

/** Every id is a guardian, or NOT_FOUND. */
export function requireGuardians(db: VaultDb, ids: readonly (string | null)[], what = 'Deze ouder/verzorger', field?: string): void {
  const wanted = given(ids);
  if (wanted.length === 0) return;
  const found = db.select({ id: guardians.id }).from(guardians).where(inArray(guardians.id, wanted)).all().length;
  if (found < wanted.length) throw missing(what, field);
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
