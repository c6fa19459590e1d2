import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { guardians, partners, staff, students } from '../../../db/schema';
import { AppError } from '../../api/errors';
import { now } from '../../shared/clock';
import { fullName } from './names';
import type { PartnerKind } from './vocabulary';

/**
 * The people domain's rows: students, guardians, staff and partners, for its handlers and the later
 * domains. The students' type-ahead search is in search-store.ts.
 */

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
    if (db.select({ id: students.id }).from(students).where(inArray(students.id, chunk)).all().length < chunk.length)
      throw missing(what, field);
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
    for (const g of db
      .select()
      .from(guardians)
      .where(inArray(guardians.studentId, unique.slice(i, i + 500)))
      .orderBy(asc(guardians.familyName))
      .all()) {
      result.set(g.studentId, [...(result.get(g.studentId) ?? []), g]);
    }
  }
  return result;
}

/**
 * Merges the search index's segments, so the words of deleted students are gone from it and not
 * only marked deleted (FTS5 keeps them until a merge): after a retention erasure.
 */
export function purgeDeletedFromSearchIndex(db: VaultDb): void {
  db.run(sql`INSERT INTO students_fts (students_fts) VALUES ('optimize')`);
}

/** A student as later domains name them: the fields a view shows, never the whole row. */
export interface StudentSummary {
  id: string;
  name: string;
  givenName: string;
  infix: string;
  familyName: string;
  className: string;
  studentNumber: string;
  birthDate: string | null;
  yearLevel: number | null;
}

/** Several students in few queries (an agenda, a list of cases), by id; unknown ids are left out. */
export function studentsById(db: VaultDb, ids: string[]): Map<string, StudentSummary> {
  const unique = [...new Set(ids)];
  const found = new Map<string, StudentSummary>();
  for (let i = 0; i < unique.length; i += 500) {
    for (const s of db
      .select()
      .from(students)
      .where(inArray(students.id, unique.slice(i, i + 500)))
      .all()) {
      const { id, givenName, infix, familyName, className, studentNumber, birthDate, yearLevel } = s;
      found.set(id, { id, name: fullName(s), givenName, infix, familyName, className, studentNumber, birthDate, yearLevel });
    }
  }
  return found;
}

export function studentExists(db: VaultDb, id: string): boolean {
  return db.select({ id: students.id }).from(students).where(eq(students.id, id)).get() !== undefined;
}

/** The classes and year levels in use, for the student list's filters. */
export function studentFilterOptions(db: VaultDb): { classes: string[]; yearLevels: number[] } {
  const classes = db
    .selectDistinct({ c: students.className })
    .from(students)
    .where(sql`${students.className} <> ''`)
    .orderBy(asc(students.className))
    .all();
  const yearLevels = db
    .selectDistinct({ y: students.yearLevel })
    .from(students)
    .where(isNotNull(students.yearLevel))
    .orderBy(asc(students.yearLevel))
    .all();
  return { classes: classes.map((r) => r.c), yearLevels: yearLevels.flatMap((r) => (r.y === null ? [] : [r.y])) };
}

const uniqueViolation = (err: unknown) => err instanceof Error && /UNIQUE constraint failed/.test(err.message);

/** Stores a new student (id null) or changes one; a leerlingnummer in use is refused by name. */
export function saveStudent(db: VaultDb, id: string | null, values: Omit<typeof students.$inferInsert, 'id'>): string {
  try {
    if (id) {
      if (db.update(students).set(values).where(eq(students.id, id)).run().changes === 0) throw missing('Deze leerling');
      return id;
    }
    const newId = randomUUID();
    db.insert(students)
      .values({ id: newId, ...values })
      .run();
    return newId;
  } catch (err) {
    if (uniqueViolation(err)) throw new AppError('DUPLICATE', `Leerlingnummer ${values.studentNumber} is al in gebruik.`);
    throw err;
  }
}

export function setStudentStatus(db: VaultDb, id: string, status: StudentRow['status'], leftOn: string | null): void {
  const result = db.update(students).set({ status, leftOn, updatedAt: now() }).where(eq(students.id, id)).run();
  if (result.changes === 0) throw missing('Deze leerling');
}

export function findGuardian(db: VaultDb, id: string): GuardianRow | undefined {
  return db.select().from(guardians).where(eq(guardians.id, id)).get();
}

type GuardianValues = Omit<typeof guardians.$inferInsert, 'id' | 'studentId' | 'updatedAt'>;

/** Stores a new guardian of this student (id null) or changes one of theirs. */
export function saveGuardian(db: VaultDb, id: string | null, studentId: string, values: GuardianValues): string {
  if (id) {
    const result = db
      .update(guardians)
      .set({ ...values, updatedAt: now() })
      .where(and(eq(guardians.id, id), eq(guardians.studentId, studentId)))
      .run();
    if (result.changes === 0) throw new AppError('NOT_FOUND', 'Deze ouder/verzorger bestaat niet (meer) bij deze leerling.');
    return id;
  }
  const newId = randomUUID();
  db.insert(guardians)
    .values({ id: newId, studentId, ...values, updatedAt: now() })
    .run();
  return newId;
}

export function removeGuardian(db: VaultDb, id: string): void {
  db.delete(guardians).where(eq(guardians.id, id)).run();
}

/** Erasure (retention/erase.ts): one student's guardians, read before and deleted after the other domains' parts. */
export function guardiansOf(db: VaultDb, studentId: string): GuardianRow[] {
  return db.select().from(guardians).where(eq(guardians.studentId, studentId)).all();
}

export function deleteGuardiansOf(db: VaultDb, studentId: string): number {
  return db.delete(guardians).where(eq(guardians.studentId, studentId)).run().changes;
}

/** Erasure of the file only: who they are stays (for the kept absence data), no mentor, no level. */
export function keepOnlyIdentity(db: VaultDb, studentId: string): void {
  db.update(students).set({ mentorId: null, level: '' }).where(eq(students.id, studentId)).run();
}

/** Erasure of everything: the student row, and with it (cascade) what retention kept about them. */
export function deleteStudent(db: VaultDb, studentId: string): number {
  return db.delete(students).where(eq(students.id, studentId)).run().changes;
}

export type StaffMember = { id: string; name: string; code: string };

/** Every staff member by id: agendas, minutes and letters name staff, not app users. */
export function staffById(db: VaultDb): Map<string, StaffMember> {
  const rows = db.select({ id: staff.id, name: staff.name, code: staff.code }).from(staff).all();
  return new Map(rows.map((s) => [s.id, s]));
}

export function staffMember(db: VaultDb, id: string): StaffMember | null {
  return db.select({ id: staff.id, name: staff.name, code: staff.code }).from(staff).where(eq(staff.id, id)).get() ?? null;
}

export function staffList(db: VaultDb) {
  return db.select().from(staff).orderBy(asc(staff.name)).all();
}

/** Stores a new staff member (id null) or changes one; a code in use is refused on its field. */
export function saveStaff(db: VaultDb, id: string | null, values: Omit<typeof staff.$inferInsert, 'id' | 'updatedAt'>): string {
  try {
    if (id) {
      const result = db
        .update(staff)
        .set({ ...values, updatedAt: now() })
        .where(eq(staff.id, id))
        .run();
      if (result.changes === 0) throw missing('Deze medewerker');
      return id;
    }
    const newId = randomUUID();
    db.insert(staff)
      .values({ id: newId, ...values, updatedAt: now() })
      .run();
    return newId;
  } catch (err) {
    if (!uniqueViolation(err)) throw err;
    const message = `De code "${values.code}" is al in gebruik.`;
    throw new AppError('DUPLICATE', message, { code: message });
  }
}

/** Every external partner's organisation by id, active or not (old records still name them). */
export function partnerNames(db: VaultDb): Map<string, string> {
  const rows = db.select({ id: partners.id, name: partners.organisation }).from(partners).all();
  return new Map(rows.map((p) => [p.id, p.name]));
}

/** The school's active external partners: who may be at the table and be asked for consent. */
export function activePartners(db: VaultDb): { id: string; name: string; kind: PartnerKind }[] {
  return db
    .select({ id: partners.id, name: partners.organisation, kind: partners.kind })
    .from(partners)
    .where(eq(partners.active, true))
    .all();
}

export function partnerList(db: VaultDb) {
  return db.select().from(partners).orderBy(asc(partners.organisation)).all();
}

export function savePartner(db: VaultDb, id: string | null, values: Omit<typeof partners.$inferInsert, 'id' | 'updatedAt'>): string {
  if (id) {
    const result = db
      .update(partners)
      .set({ ...values, updatedAt: now() })
      .where(eq(partners.id, id))
      .run();
    if (result.changes === 0) throw missing('Deze partner');
    return id;
  }
  const newId = randomUUID();
  db.insert(partners)
    .values({ id: newId, ...values, updatedAt: now() })
    .run();
  return newId;
}
