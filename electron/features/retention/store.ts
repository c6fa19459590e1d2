import { createHmac } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { VaultDb } from '../../../db/open';
import {
  actions,
  agendaItems,
  appUsers,
  consents,
  erasureLedger,
  guardians,
  intakes,
  lettersSent,
  retainedAbsence,
  retentionReviews,
  retentionSettings,
  retentionStudents,
  students,
  vaultMeta,
} from '../../../db/schema';
import { now } from '../../shared/clock';
import { mayName, rewrite } from '../people/erasure';
import type { IsoDate } from '../schedule/types';
import { absenceText } from './absence';
import { defaultRetentionPeriods, type RetentionPeriods, type RetentionStep } from './rules';
import type { LeavingDestination } from './vocabulary';

/** The retention domain's own rows: the school's periods, per left student what retention knows, the reviews. */

export function readPeriods(db: VaultDb): RetentionPeriods & { updatedBy: string | null; updatedAt: string | null } {
  const row = db
    .select({ s: retentionSettings, name: appUsers.name })
    .from(retentionSettings)
    .leftJoin(appUsers, eq(appUsers.id, retentionSettings.updatedBy))
    .where(eq(retentionSettings.id, 1))
    .get();
  if (!row) return { ...defaultRetentionPeriods, updatedBy: null, updatedAt: null };
  const { studentFileYears, absenceYears, specialEducationYears, updatedAt } = row.s;
  return { studentFileYears, absenceYears, specialEducationYears, updatedBy: row.name ?? null, updatedAt };
}

export function writePeriods(db: VaultDb, periods: RetentionPeriods, userId: string): void {
  const values = { ...periods, updatedBy: userId, updatedAt: now() };
  db.insert(retentionSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: retentionSettings.id, set: values })
    .run();
}

function upsertRetention(db: VaultDb, studentId: string, values: Partial<typeof retentionStudents.$inferInsert>): void {
  const set = { ...values, updatedAt: now() };
  db.insert(retentionStudents)
    .values({ studentId, ...set })
    .onConflictDoUpdate({ target: retentionStudents.studentId, set })
    .run();
}

export function writeDestination(db: VaultDb, studentId: string, destination: LeavingDestination | null): void {
  upsertRetention(db, studentId, { destination });
}

export function destinationOf(db: VaultDb, studentId: string): LeavingDestination | null {
  return (
    db.select({ d: retentionStudents.destination }).from(retentionStudents).where(eq(retentionStudents.studentId, studentId)).get()?.d ??
    null
  );
}

export function writeKeep(db: VaultDb, studentIds: string[], keep: { until: IsoDate; reason: string; userId: string }): void {
  for (const studentId of studentIds)
    upsertRetention(db, studentId, {
      keptUntil: keep.until,
      keepReason: keep.reason,
      keptBy: keep.userId,
      keptAt: now(),
    });
}

/** After the file went: the identity and the absence data stay, the keep decision is spent. */
export function markFileErased(db: VaultDb, studentId: string, on: IsoDate): void {
  upsertRetention(db, studentId, { fileErasedOn: on, keptUntil: null, keepReason: null, keptBy: null, keptAt: null });
}

export function keepAbsence(db: VaultDb, rows: { id: string; studentId: string; referredOn: string; text: string }[]): void {
  if (rows.length > 0) db.insert(retainedAbsence).values(rows).run();
}

export function deleteKeptAbsence(db: VaultDb, studentId: string): number {
  return db.delete(retainedAbsence).where(eq(retainedAbsence.studentId, studentId)).run().changes;
}

/** Kept absence data naming an erased student loses their full names; returns how many texts changed. */
export function scrubKeptAbsence(db: VaultDb, terms: string[], replace: (t: string) => string): number {
  const absence = db
    .select({ id: retainedAbsence.id, text: retainedAbsence.text })
    .from(retainedAbsence)
    .where(mayName(retainedAbsence.text, terms))
    .all();
  return rewrite(absence, replace, (a, text) => db.update(retainedAbsence).set({ text }).where(eq(retainedAbsence.id, a.id)).run());
}

/** Every student who left, with what retention knows of them and whether the vault holds absence data about them. */
export function leftStudents(db: VaultDb) {
  const rows = db
    .select({ student: students, retention: retentionStudents, keptByName: appUsers.name })
    .from(students)
    .leftJoin(retentionStudents, eq(retentionStudents.studentId, students.id))
    .leftJoin(appUsers, eq(appUsers.id, retentionStudents.keptBy))
    .where(and(eq(students.status, 'left'), sql`${students.leftOn} is not null`))
    .all();
  const ids = rows.map((r) => r.student.id);
  const withAbsence = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const intake of db
      .select({ studentId: intakes.studentId, answers: intakes.answers })
      .from(intakes)
      .where(inArray(intakes.studentId, chunk))
      .all()) {
      if (intake.studentId && absenceText(intake.answers) !== null) withAbsence.add(intake.studentId);
    }
    for (const kept of db
      .selectDistinct({ studentId: retainedAbsence.studentId })
      .from(retainedAbsence)
      .where(inArray(retainedAbsence.studentId, chunk))
      .all())
      withAbsence.add(kept.studentId);
  }
  return rows.map((r) => ({ ...r, hasAbsenceData: withAbsence.has(r.student.id) }));
}

export function lastReview(db: VaultDb): { on: IsoDate; by: string | null } | null {
  const row = db
    .select({ on: retentionReviews.reviewedOn, by: appUsers.name })
    .from(retentionReviews)
    .leftJoin(appUsers, eq(appUsers.id, retentionReviews.reviewedBy))
    .orderBy(desc(retentionReviews.id))
    .limit(1)
    .get();
  return row ? { on: row.on, by: row.by ?? null } : null;
}

export function insertReview(db: VaultDb, on: IsoDate, userId: string): void {
  db.insert(retentionReviews).values({ reviewedOn: on, reviewedBy: userId, reviewedAt: now() }).run();
}

const countWhere = (db: VaultDb, table: SQLiteTable, where: SQL) =>
  Number(
    db
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .where(where)
      .get()?.n ?? 0,
  );

/** How many rows each domain holds about one student. */
export function recordsAbout(db: VaultDb, studentId: string) {
  return {
    guardians: countWhere(db, guardians, eq(guardians.studentId, studentId)),
    intakes: countWhere(db, intakes, eq(intakes.studentId, studentId)),
    consents: countWhere(db, consents, eq(consents.studentId, studentId)),
    letters: countWhere(db, lettersSent, eq(lettersSent.studentId, studentId)),
    agendaItems: countWhere(db, agendaItems, eq(agendaItems.studentId, studentId)),
    actions: countWhere(db, actions, eq(actions.studentId, studentId)),
    absence: countWhere(db, retainedAbsence, eq(retainedAbsence.studentId, studentId)),
  };
}

/**
 * What retention knows of one student, for their inzage: the row (none before they left), the
 * absence data kept after the file went, and whether the vault holds absence data at all (as
 * `leftStudents` counts it), which decides their period.
 */
export function retentionOfStudent(db: VaultDb, studentId: string) {
  const retention = db.select().from(retentionStudents).where(eq(retentionStudents.studentId, studentId)).get() ?? null;
  const keptAbsence = db
    .select()
    .from(retainedAbsence)
    .where(eq(retainedAbsence.studentId, studentId))
    .orderBy(retainedAbsence.referredOn)
    .all();
  const hasAbsenceData =
    keptAbsence.length > 0 ||
    db
      .select({ answers: intakes.answers })
      .from(intakes)
      .where(eq(intakes.studentId, studentId))
      .all()
      .some((i) => absenceText(i.answers) !== null);
  return { retention, keptAbsence, hasAbsenceData };
}

/** Of these students, those whose file was erased after its period (only identity and absence data remain). */
export function erasedFiles(db: VaultDb, studentIds: string[]): string[] {
  const erased: string[] = [];
  for (let i = 0; i < studentIds.length; i += 500) {
    const chunk = studentIds.slice(i, i + 500);
    erased.push(
      ...db
        .select({ id: retentionStudents.studentId })
        .from(retentionStudents)
        .where(and(inArray(retentionStudents.studentId, chunk), isNotNull(retentionStudents.fileErasedOn)))
        .all()
        .map((r) => r.id),
    );
  }
  return erased;
}

export type LedgerEntry = typeof erasureLedger.$inferSelect;

/** The vault's id, the same in every backup of it: the key of the ledger's hashes. */
export function vaultIdOf(db: VaultDb): string {
  const row = db.select({ value: vaultMeta.value }).from(vaultMeta).where(eq(vaultMeta.key, 'vault_id')).get();
  if (!row) throw new Error('vault_meta has no vault_id');
  return row.value;
}

/** A keyed hash of the student's id (retention/ledger.ts); the key is the vault's id, the same in every backup of it. */
export function ledgerTag(vaultId: string, studentId: string): string {
  return createHmac('sha256', `zorgoverleg-erasure-ledger:${vaultId}`).update(studentId).digest('hex');
}

/** Every erasure notes itself, in its own transaction. */
export function noteInLedger(db: VaultDb, studentId: string, step: RetentionStep, on: IsoDate): void {
  addLedgerEntries(db, [{ tag: ledgerTag(vaultIdOf(db), studentId), step, erasedOn: on }]);
}

export function ledgerEntries(db: VaultDb): LedgerEntry[] {
  return db.select().from(erasureLedger).orderBy(erasureLedger.erasedOn).all();
}

export function addLedgerEntries(db: VaultDb, entries: LedgerEntry[]): void {
  for (const entry of entries) db.insert(erasureLedger).values(entry).onConflictDoNothing().run();
}

/** Every student's id: a restore looks the ledger's hashes up among them. */
export function allStudentIds(db: VaultDb): string[] {
  return db
    .select({ id: students.id })
    .from(students)
    .all()
    .map((r) => r.id);
}
