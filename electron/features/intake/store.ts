import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { appUsers, intakeFormVersions, intakes, staff, students } from '../../../db/schema';
import { AppError } from '../../api/errors';
import { now } from '../../shared/clock';
import { fullName } from '../people/names';
import { standardQuestions, type IntakeQuestion } from './form';

/** The intake domain's rows: forms, intakes, and who is who. Handlers never write SQL themselves. */

export type IntakeRow = typeof intakes.$inferSelect;
export type IntakeStatus = IntakeRow['status'];

/** The form in use now; a new school gets the standard form as version 1 on first use. */
export function currentForm(db: VaultDb, userId: string): { version: number; questions: IntakeQuestion[] } {
  const row = db.select().from(intakeFormVersions).orderBy(desc(intakeFormVersions.id)).limit(1).get();
  if (row) return { version: row.id, questions: row.questions as IntakeQuestion[] };
  return { version: saveFormVersion(db, standardQuestions, userId), questions: standardQuestions };
}

export function formVersion(db: VaultDb, id: number): IntakeQuestion[] {
  const row = db.select().from(intakeFormVersions).where(eq(intakeFormVersions.id, id)).get();
  if (!row) throw new AppError('INTERNAL');
  return row.questions as IntakeQuestion[];
}

export function saveFormVersion(db: VaultDb, questions: IntakeQuestion[], userId: string): number {
  const result = db
    .insert(intakeFormVersions)
    .values({ questions, createdBy: userId, createdAt: now() })
    .returning({ id: intakeFormVersions.id })
    .get();
  return result.id;
}

export function getIntake(db: VaultDb, id: string): IntakeRow {
  const row = db.select().from(intakes).where(eq(intakes.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Deze aanmelding bestaat niet (meer).');
  return row;
}

/** Several intakes in one query (an agenda reads the gate routes of all its cases at once). */
export function intakesById(db: VaultDb, ids: string[]): Map<string, IntakeRow> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map(
    db
      .select()
      .from(intakes)
      .where(inArray(intakes.id, unique))
      .all()
      .map((r) => [r.id, r]),
  );
}

export function insertIntake(db: VaultDb, values: Omit<typeof intakes.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>): string {
  const id = randomUUID();
  db.insert(intakes)
    .values({ id, ...values, createdAt: now(), updatedAt: now() })
    .run();
  return id;
}

/**
 * Saves what the aanmelder typed when nobody saved in between (the revision the editor started
 * from is still current), in one statement; returns the new revision, or null when someone else
 * was first.
 */
export function saveIntakeDraft(
  db: VaultDb,
  id: string,
  fromRevision: number,
  values: Partial<typeof intakes.$inferInsert>,
): number | null {
  const saved = db
    .update(intakes)
    .set({ ...values, revision: sql`${intakes.revision} + 1`, updatedAt: now() })
    .where(and(eq(intakes.id, id), eq(intakes.revision, fromRevision)))
    .returning({ revision: intakes.revision })
    .get();
  return saved?.revision ?? null;
}

/**
 * The coordinator's changes (status, gate routes, linking a student) leave the revision alone:
 * they touch nothing the aanmelder types, so an open form does not see a colleague's save.
 */
export function updateIntakeCase(db: VaultDb, id: string, values: Partial<typeof intakes.$inferInsert>): void {
  db.update(intakes)
    .set({ ...values, updatedAt: now() })
    .where(eq(intakes.id, id))
    .run();
}

/** A status change, with who made it and when: the student's timeline names that user. */
export function setIntakeStatus(
  db: VaultDb,
  id: string,
  status: IntakeRow['status'],
  userId: string,
  values: Partial<typeof intakes.$inferInsert> = {},
): void {
  const at = now();
  db.update(intakes)
    .set({ ...values, status, statusChangedBy: userId, statusChangedAt: at, updatedAt: at })
    .where(eq(intakes.id, id))
    .run();
}

export function removeIntake(db: VaultDb, id: string): void {
  db.delete(intakes).where(eq(intakes.id, id)).run();
}

export interface IntakeFilter {
  status: IntakeStatus | null;
  meetingId: string | null;
  studentId: string | null;
  createdBy: string | null;
}

export function intakeRows(db: VaultDb, filter: IntakeFilter): IntakeRow[] {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(intakes.status, filter.status));
  if (filter.meetingId) conditions.push(eq(intakes.meetingId, filter.meetingId));
  if (filter.studentId) conditions.push(eq(intakes.studentId, filter.studentId));
  if (filter.createdBy) conditions.push(eq(intakes.createdBy, filter.createdBy));
  return db
    .select()
    .from(intakes)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(intakes.updatedAt))
    .all();
}

export function intakeCountOfMeeting(db: VaultDb, meetingId: string): number {
  return db.select({ id: intakes.id }).from(intakes).where(eq(intakes.meetingId, meetingId)).all().length;
}

export function studentsById(db: VaultDb, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = new Map<
    string,
    {
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
  >();
  for (let i = 0; i < unique.length; i += 500) {
    for (const s of db
      .select()
      .from(students)
      .where(inArray(students.id, unique.slice(i, i + 500)))
      .all()) {
      found.set(s.id, {
        id: s.id,
        name: fullName(s),
        givenName: s.givenName,
        infix: s.infix,
        familyName: s.familyName,
        className: s.className,
        studentNumber: s.studentNumber,
        birthDate: s.birthDate,
        yearLevel: s.yearLevel,
      });
    }
  }
  return found;
}

export function staffById(db: VaultDb): Map<string, { id: string; name: string; code: string }> {
  return new Map(
    db
      .select({ id: staff.id, name: staff.name, code: staff.code })
      .from(staff)
      .all()
      .map((s) => [s.id, s]),
  );
}

/** The staff member a user is (agendas and forms name staff, not app users). */
export function staffIdOfUser(db: VaultDb, userId: string): string | null {
  return db.select({ staffId: appUsers.staffId }).from(appUsers).where(eq(appUsers.id, userId)).get()?.staffId ?? null;
}

export function studentExists(db: VaultDb, id: string): boolean {
  return db.select({ id: students.id }).from(students).where(eq(students.id, id)).get() !== undefined;
}
