import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { intakeFormVersions, intakes } from '../../../db/schema';
import { AppError } from '../../api/errors';
import { now } from '../../shared/clock';
import { deleteAttachmentsOf } from '../files/store';
import { mayName, rewriteJson, type StudentEraser } from '../people/erasure';
import { standardQuestions, type IntakeQuestion } from './form';

/** The intake domain's rows: forms and intakes. Handlers never write SQL themselves. */

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

/** Erasure of the file only: what retention keeps of their intakes (the absence answers) is read first. */
export function intakeAnswersOf(db: VaultDb, studentId: string): Pick<IntakeRow, 'referredOn' | 'answers'>[] {
  return db
    .select({ referredOn: intakes.referredOn, answers: intakes.answers })
    .from(intakes)
    .where(eq(intakes.studentId, studentId))
    .all();
}

/**
 * Erasure (people/erasure.ts): their intakes and the files on them go; another student's intake
 * (a sibling, a classmate in the same fight) loses their full names in its answers, in a reason
 * for sending it back and in its anonymous label.
 */
export const intakeEraser: StudentEraser = {
  theirs: (db, { studentId, counts }) => {
    const intakeIds = db
      .select({ id: intakes.id })
      .from(intakes)
      .where(eq(intakes.studentId, studentId))
      .all()
      .map((r) => r.id);
    counts.attachments += deleteAttachmentsOf(db, { intakeIds });
    counts.intakes += db.delete(intakes).where(eq(intakes.studentId, studentId)).run().changes;
  },
  elsewhere: (db, { terms, elsewhere, counts }) => {
    const found = db
      .select({ id: intakes.id, answers: intakes.answers, returnReason: intakes.returnReason, anonymousLabel: intakes.anonymousLabel })
      .from(intakes)
      .where(or(mayName(intakes.answers, terms), mayName(intakes.returnReason, terms), mayName(intakes.anonymousLabel, terms)))
      .all();
    for (const i of found) {
      const next = {
        answers: rewriteJson(i.answers, elsewhere),
        returnReason: i.returnReason === null ? null : elsewhere(i.returnReason),
        anonymousLabel: i.anonymousLabel === null ? null : elsewhere(i.anonymousLabel),
      };
      const same = next.answers === i.answers && next.returnReason === i.returnReason && next.anonymousLabel === i.anonymousLabel;
      if (same) continue;
      db.update(intakes).set(next).where(eq(intakes.id, i.id)).run();
      counts.otherTexts++;
    }
  },
};
