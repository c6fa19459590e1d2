import { or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { VaultDb } from '../../../db/open';
import { registry } from '../../shared/registry';

/**
 * Erasing one student once their period passed (retention/erase.ts asks): every domain built on
 * people erases its own rows about them, registered at start-up, so the SQL stays in the store of
 * the domain that owns the table. Retention decides the order and erases people's and audit's
 * rows itself; what each part deleted or kept without a name is counted for the logboek.
 */

export interface ErasureCounts {
  students: number;
  guardians: number;
  intakes: number;
  attachments: number;
  consents: number;
  meldcodeTracks: number;
  letters: number;
  chairNotes: number;
  absenceRecords: number;
  agendaItems: number;
  minuteTexts: number;
  actions: number;
  auditLines: number;
  absenceKept: number;
  /** Other students' intakes, consents, Meldcode notes and kept absence that named them. */
  otherTexts: number;
}

export const noErasure = (): ErasureCounts => ({
  students: 0,
  guardians: 0,
  intakes: 0,
  attachments: 0,
  consents: 0,
  meldcodeTracks: 0,
  letters: 0,
  chairNotes: 0,
  absenceRecords: 0,
  agendaItems: 0,
  minuteTexts: 0,
  actions: 0,
  auditLines: 0,
  absenceKept: 0,
  otherTexts: 0,
});

/** One student being erased, as every domain's part sees it. */
export interface StudentErasure {
  studentId: string;
  /** Their guardians' ids, read before any part runs (people deletes the guardians last). */
  guardianIds: string[];
  /** Replaces their names in the text of their own case: [leerling], [ouder]. */
  own: (text: string) => string;
  /** Replaces only what cannot be someone else's (full names, the leerlingnummer) in other texts. */
  elsewhere: (text: string) => string;
  /** What retention writes in their place: [leerling], [ouder], and the label of a case kept without a name. */
  placeholders: { student: string; guardian: string; caseLabel: string };
  /** Family names and the leerlingnummer: a cheap pre-filter for `elsewhere`, never empty there. */
  terms: string[];
  counts: ErasureCounts;
}

export interface StudentEraser {
  /** Their own rows: deleted, or kept without identity. */
  theirs?: (db: VaultDb, erasure: StudentErasure) => void;
  /** Their full names and number in everyone else's rows; runs after every domain's `theirs`. */
  elsewhere?: (db: VaultDb, erasure: StudentErasure) => void;
}

const erasers = registry<StudentEraser & { domain: string }>();

export function registerStudentEraser(domain: string, eraser: StudentEraser): void {
  erasers.register(domain, { ...eraser, domain });
}

export function studentErasers(): (StudentEraser & { domain: string })[] {
  return erasers.entries();
}

/** Rewrites each text with `replace`, storing and counting those that changed. */
export function rewrite<T extends { text: string }>(
  rows: T[],
  replace: (t: string) => string,
  store: (row: T, text: string) => void,
): number {
  let changed = 0;
  for (const row of rows) {
    const text = replace(row.text);
    if (text === row.text) continue;
    store(row, text);
    changed++;
  }
  return changed;
}

/** Rows whose column may hold one of these family names or numbers: a cheap filter before the exact replacing. */
export function mayName(column: SQLiteColumn, terms: string[]): SQL {
  const pattern = (name: string) => `%${name.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return or(...terms.map((name) => sql`${column} LIKE ${pattern(name)} ESCAPE '\\'`))!;
}

/** A stored JSON value with every string in it rewritten; the same value when nothing changed. */
export function rewriteJson<T>(value: T, replace: (t: string) => string): T {
  const before = JSON.stringify(value);
  const after = JSON.parse(before, (_key, v: unknown) => (typeof v === 'string' ? replace(v) : v)) as T;
  return JSON.stringify(after) === before ? value : after;
}
