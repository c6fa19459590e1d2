import type { OpenedVault, VaultDb } from '../../../../db/open';
import { registry } from '../../../shared/registry';
import { guardiansOfStudents, staffById } from '../store';
import { checkPlan, type ImportCheck } from './check';
import type { ImportPlan, RowProblem } from './plan';
import { studentsByNumber, writeImport } from './store';

/** Checking an import plan against the vault (check.ts) and applying the rows chosen (store.ts). */

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  /** Updates offered and not chosen: those students were left as they were. */
  notUpdated: number;
  skipped: number;
  guardiansAdded: number;
  guardiansUpdated: number;
  errors: RowProblem[];
  warnings: RowProblem[];
}

/**
 * Stored students an import must leave alone, with the reason shown for their row: a domain built
 * on people (retention: a file erased after its period) registers one, so people imports none of them.
 */
export type ImportHold = (db: VaultDb, studentIds: string[]) => Map<string, string>;
const importHolds = registry<ImportHold>();
export function registerImportHold(domain: string, hold: ImportHold): void {
  importHolds.register(domain, hold);
}

/**
 * Checks a plan against the vault without writing: what would be added, what differs from what is
 * stored (per field, old → new), what is already there as it is, and what is refused.
 */
export function checkImport(db: VaultDb, plan: ImportPlan, today: string, now: string): ImportCheck {
  const existing = studentsByNumber(
    db,
    plan.students.map((s) => s.studentNumber),
  );
  const ids = [...existing.values()].map((s) => s.id);
  const held = new Map(importHolds.entries().flatMap((hold) => [...hold(db, ids)]));
  const staffRows = [...staffById(db).values()];
  return checkPlan(plan, { existing, known: guardiansOfStudents(db, ids), held, staffRows }, today, now);
}

/** Writes the new rows and the chosen updates, all or nothing (store.ts), and says what it did. */
export function applyImport(
  vault: OpenedVault,
  check: ImportCheck,
  chosen: (studentNumber: string) => boolean,
  onProgress: (done: number, total: number) => void,
): ImportReport {
  const writes = check.writes.filter((w) => w.studentId === null || chosen(w.studentNumber));
  const written = writeImport(vault, writes);
  onProgress(writes.length, writes.length);
  return {
    ...written,
    unchanged: check.unchanged,
    notUpdated: check.writes.length - writes.length,
    skipped: check.errors.length,
    errors: check.errors,
    warnings: check.warnings,
  };
}
