import type { IsoDate } from '../schedule/types';
import { longDate } from '../../shared/dutch-dates';
import type { LeavingDestination } from './vocabulary';

/**
 * The retention rule (bewaartermijnen), pure: which left students' data may go on a given day, and
 * why. domain.md: the student file is kept until 2 years after leaving, absence data 5 years, the
 * file of a student referred to special education (VSO) 3 years; the school sets its own periods.
 *
 * Absence data (verzuimgegevens) are the intake answers about verzuim: the question "Verzuim en
 * resultaten" and the concern area "Verzuim". When the file's period passes before the absence
 * period, the file goes and those answers stay (with the student's identity) until theirs passes.
 */

export interface RetentionPeriods {
  studentFileYears: number;
  absenceYears: number;
  specialEducationYears: number;
}

export const defaultRetentionPeriods: RetentionPeriods = {
  studentFileYears: 2,
  absenceYears: 5,
  specialEducationYears: 3,
};

/**
 * The day `years` after `date`: its anniversary. A 29 February without one that year counts to
 * 1 March, so a period never ends before it has fully run.
 */
export function yearsAfter(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (m === 2 && d === 29 && !leap) return `${year}-03-01`;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface LeftStudent {
  leftOn: IsoDate;
  destination: LeavingDestination | null;
  /** Whether the vault holds absence data about them (intake answers, or what was kept of them). */
  hasAbsenceData: boolean;
  /** The file already went; identity and absence data remain. */
  fileErasedOn: IsoDate | null;
  /** The coordinator kept the data: back on the list from this day. */
  keptUntil: IsoDate | null;
}

/** 'dossier': the file goes, the absence data stay; 'alles': nothing of the student remains but minutes without identity. */
export type RetentionStep = 'dossier' | 'alles';

export interface RetentionDue {
  step: RetentionStep;
  /** The period that decides: the file's (VSO or not) or the absence data's. */
  period: 'dossier' | 'dossier-vso' | 'verzuim';
  years: number;
  /** The day the deciding period passed. */
  passedOn: IsoDate;
  /** For 'dossier': until when the absence data stay. */
  absenceUntil: IsoDate | null;
}

export type RetentionState =
  | { state: 'loopt'; nextOn: IsoDate }
  | ({ state: 'voorgesteld' } & RetentionDue)
  | ({ state: 'bewaard'; keptUntil: IsoDate } & RetentionDue);

function due(student: LeftStudent, periods: RetentionPeriods, on: IsoDate): RetentionDue | { nextOn: IsoDate } {
  const vso = student.destination === 'vso';
  const fileYears = vso ? periods.specialEducationYears : periods.studentFileYears;
  const fileDue = yearsAfter(student.leftOn, fileYears);
  const absenceDue = yearsAfter(student.leftOn, periods.absenceYears);
  const absence = { period: 'verzuim' as const, years: periods.absenceYears, passedOn: absenceDue, absenceUntil: null };
  if (student.fileErasedOn !== null) return on >= absenceDue ? { step: 'alles', ...absence } : { nextOn: absenceDue };
  if (on < fileDue) return { nextOn: fileDue };
  const file = { period: vso ? ('dossier-vso' as const) : ('dossier' as const), years: fileYears, passedOn: fileDue };
  if (!student.hasAbsenceData) return { step: 'alles', ...file, absenceUntil: null };
  // Absence data outlive the file: the file goes now, they go at their own time.
  if (on < absenceDue) return { step: 'dossier', ...file, absenceUntil: absenceDue };
  return { step: 'alles', ...(absenceDue > fileDue ? absence : { ...file, absenceUntil: null }) };
}

/** Where one left student stands on `on`: period still running, proposed for deletion, or kept by decision. */
export function retentionState(student: LeftStudent, periods: RetentionPeriods, on: IsoDate): RetentionState {
  const found = due(student, periods, on);
  if ('nextOn' in found) return { state: 'loopt', nextOn: found.nextOn };
  // Stryker disable next-line ConditionalExpression: no date compares as before null
  if (student.keptUntil !== null && on < student.keptUntil) return { state: 'bewaard', keptUntil: student.keptUntil, ...found };
  return { state: 'voorgesteld', ...found };
}

const periodNames: Record<RetentionDue['period'], string> = {
  dossier: 'leerlingdossier',
  'dossier-vso': 'leerlingdossier bij uitstroom naar het VSO',
  verzuim: 'verzuimgegevens',
};
// Stryker disable next-line ConditionalExpression: "1 jaar" either way; the branch keeps the rule visible should the unit ever differ
const yearsText = (n: number) => (n === 1 ? '1 jaar' : `${n} jaar`);

/** "Uitgeschreven op 15 juli 2023; bewaartermijn leerlingdossier 2 jaar, verstreken op 15 juli 2025." */
export function retentionReason(leftOn: IsoDate, d: RetentionDue): string {
  return (
    `Uitgeschreven op ${longDate(leftOn)}; bewaartermijn ${periodNames[d.period]} ` +
    `${yearsText(d.years)}, verstreken op ${longDate(d.passedOn)}.`
  );
}

/** What confirming does, in the coordinator's words. */
export function retentionOutcome(d: RetentionDue): string {
  return d.step === 'dossier'
    ? `Het dossier wordt verwijderd; de verzuimgegevens blijven bewaard tot ${longDate(d.absenceUntil!)}.`
    : 'Alle gegevens van de leerling worden verwijderd.';
}

/** The monthly review: the first day of the month after `on` is the next one. */
export function nextReviewOn(on: IsoDate): IsoDate {
  const [y, m] = on.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** A review is due when none was done in the month of `on`. */
export function reviewDue(lastReviewedOn: IsoDate | null, on: IsoDate): boolean {
  // Stryker disable next-line MethodExpression: a whole date sorts like its month against a month
  return lastReviewedOn === null || lastReviewedOn.slice(0, 7) < on.slice(0, 7);
}
