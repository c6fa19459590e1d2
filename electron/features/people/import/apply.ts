import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { OpenedVault, VaultDb } from '../../../../db/open';
import { guardians, staff, students } from '../../../../db/schema';
import { AppError } from '../../../api/errors';
import { defaultSalutation, normalizeForSearch, studentSearchText } from '../names';
import type { ImportPlan, ImportedGuardian, PlannedStudent, RowProblem } from './plan';

export interface ImportCheck {
  toAdd: number;
  toUpdate: number;
  /** Plan errors plus those only the vault can tell (a guardian row for an unknown student). */
  errors: RowProblem[];
  warnings: RowProblem[];
  /** What will be written: plan rows without errors. */
  accepted: PlannedStudent[];
}

export interface ImportReport {
  added: number;
  updated: number;
  skipped: number;
  guardiansAdded: number;
  guardiansUpdated: number;
  errors: RowProblem[];
  warnings: RowProblem[];
}

function existingIds(db: VaultDb, numbers: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = db
      .select({ id: students.id, studentNumber: students.studentNumber })
      .from(students)
      .where(inArray(students.studentNumber, numbers.slice(i, i + 500)))
      .all();
    for (const r of rows) found.set(r.studentNumber, r.id);
  }
  return found;
}

/** Checks a plan against the vault without writing: what would be added, updated and refused. */
export function checkImport(db: VaultDb, plan: ImportPlan): ImportCheck {
  const existing = existingIds(db, plan.students.map((s) => s.studentNumber));
  const mentorCodes = new Set(db.select({ code: staff.code }).from(staff).all().map((s) => s.code));
  const errors = [...plan.errors];
  const warnings: RowProblem[] = [];
  const accepted: PlannedStudent[] = [];
  for (const planned of plan.students) {
    if (!planned.student && !existing.has(planned.studentNumber)) {
      errors.push({
        line: planned.line,
        studentNumber: planned.studentNumber,
        message: `Leerling ${planned.studentNumber} staat nog niet in Zorgoverleg; importeer eerst het leerlingenbestand.`,
      });
      continue;
    }
    const mentor = planned.student?.mentorCode;
    if (mentor && !mentorCodes.has(mentor)) {
      warnings.push({
        line: planned.line,
        studentNumber: planned.studentNumber,
        message: `Mentor "${mentor}" is onbekend; de leerling wordt zonder mentor opgeslagen.`,
      });
    }
    accepted.push(planned);
  }
  errors.sort((a, b) => a.line - b.line);
  const toUpdate = accepted.filter((p) => existing.has(p.studentNumber)).length;
  return { toAdd: accepted.length - toUpdate, toUpdate, errors, warnings, accepted };
}

const sameGuardian = (a: { givenName: string; familyName: string }, b: ImportedGuardian) =>
  normalizeForSearch(a.familyName) === normalizeForSearch(b.familyName) &&
  normalizeForSearch(a.givenName) === normalizeForSearch(b.givenName);

function writeStudent(db: VaultDb, planned: PlannedStudent, mentorIds: Map<string, string>, report: ImportReport): void {
  const now = new Date().toISOString();
  const current = db.select({ id: students.id }).from(students).where(eq(students.studentNumber, planned.studentNumber)).get();
  let studentId = current?.id;
  const s = planned.student;
  if (s) {
    const values = {
      givenName: s.givenName,
      infix: s.infix,
      familyName: s.familyName,
      birthDate: s.birthDate,
      className: s.className,
      yearLevel: s.yearLevel,
      level: s.level,
      mentorId: s.mentorCode ? (mentorIds.get(s.mentorCode) ?? null) : null,
      searchText: studentSearchText(s),
      updatedAt: now,
    };
    if (studentId) {
      db.update(students).set(values).where(eq(students.id, studentId)).run();
      report.updated++;
    } else {
      studentId = randomUUID();
      db.insert(students).values({ id: studentId, studentNumber: s.studentNumber, ...values }).run();
      report.added++;
    }
  } else if (studentId) {
    report.updated++;
  }
  if (!studentId) return;

  const known = db.select().from(guardians).where(eq(guardians.studentId, studentId)).all();
  for (const g of planned.guardians) {
    const match = known.find((k) => sameGuardian(k, g));
    if (match) {
      // A salutation someone edited by hand is kept; a generated one follows the new data.
      const salutation = match.salutation === defaultSalutation(match) ? defaultSalutation(g) : match.salutation;
      db.update(guardians).set({ ...g, salutation, updatedAt: now }).where(eq(guardians.id, match.id)).run();
      report.guardiansUpdated++;
    } else {
      db.insert(guardians)
        .values({ id: randomUUID(), studentId, ...g, salutation: defaultSalutation(g), updatedAt: now })
        .run();
      report.guardiansAdded++;
    }
  }
}

const CHUNK = 250;

/**
 * Writes the accepted rows in one transaction, yielding to the event loop between chunks so
 * progress can be reported and the app stays responsive. Any failure rolls everything back.
 */
export async function applyImport(
  vault: OpenedVault,
  check: ImportCheck,
  onProgress: (done: number, total: number) => void,
): Promise<ImportReport> {
  const { db, sqlite } = vault;
  const mentorIds = new Map(db.select({ id: staff.id, code: staff.code }).from(staff).all().map((s) => [s.code, s.id]));
  const report: ImportReport = {
    added: 0,
    updated: 0,
    skipped: check.errors.length,
    guardiansAdded: 0,
    guardiansUpdated: 0,
    errors: check.errors,
    warnings: check.warnings,
  };
  const total = check.accepted.length;
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    for (let i = 0; i < total; i += CHUNK) {
      for (const planned of check.accepted.slice(i, i + CHUNK)) writeStudent(db, planned, mentorIds, report);
      onProgress(Math.min(i + CHUNK, total), total);
      await new Promise((resolve) => setImmediate(resolve));
      // Locked meanwhile: closing the vault rolled the transaction back.
      if (!sqlite.open) throw new AppError('IMPORT_INTERRUPTED');
    }
    sqlite.exec('COMMIT');
  } catch (err) {
    if (sqlite.open && sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw err;
  }
  return report;
}
