import { differenceInYears } from 'date-fns';
import { parseIsoDate } from '../../shared/dutch-dates';
import { dutchNumericDate, PLAUSIBLE_YEARS } from '../../shared/date-rules';

/**
 * The people domain's rules for what a value may look like, written once: the contract's schemas,
 * the import and the renderer's forms all ask these, so a leerlingnummer the form refuses is
 * refused by the import with the same words.
 */

/** A problem with a value; a warning lets the value through but is shown to the user. */
export interface ValueProblem {
  level: 'error' | 'warning';
  message: string;
}

/** Leerlingnummers (stamnummers) in Magister and Somtoday are whole numbers; up to 10 digits. */
export const STUDENT_NUMBER_MAX_DIGITS = 10;

/** Why this is not a leerlingnummer, or null when it is one. `value` is trimmed by the caller. */
export function studentNumberProblem(value: string): string | null {
  if (value === '') return 'Vul het leerlingnummer in.';
  if (!/^\d+$/.test(value)) return `Het leerlingnummer bestaat alleen uit cijfers; "${value}" is geen leerlingnummer.`;
  if (value.length > STUDENT_NUMBER_MAX_DIGITS) return `Een leerlingnummer heeft hoogstens ${STUDENT_NUMBER_MAX_DIGITS} cijfers.`;
  return null;
}

/** A secondary-school student is between these ages; outside them a date of birth is probably a typo. */
export const PLAUSIBLE_STUDENT_AGE = { min: 9, max: 25 } as const;

/**
 * A date of birth (yyyy-MM-dd, already a valid calendar date) judged on `today`: an error when it
 * cannot be anyone's (before the plausible years, after today), a warning when the student would be younger than 9
 * or older than 25.
 */
export function birthDateProblem(iso: string, today: string): ValueProblem | null {
  const year = Number(iso.slice(0, 4));
  if (year < PLAUSIBLE_YEARS.min || iso > today) {
    return { level: 'error', message: `De geboortedatum ${dutchNumericDate(iso)} kan niet kloppen.` };
  }
  const age = differenceInYears(parseIsoDate(today), parseIsoDate(iso));
  if (age < PLAUSIBLE_STUDENT_AGE.min || age > PLAUSIBLE_STUDENT_AGE.max) {
    return {
      level: 'warning',
      message: `Met geboortedatum ${dutchNumericDate(iso)} is de leerling ${age} jaar; klopt dat?`,
    };
  }
  return null;
}

/**
 * A Dutch or international phone number: digits with the usual separators (spaces, dashes, dots,
 * brackets), an optional leading +, and 10 to 15 digits in all ("06-12345678", "+31 6 1234 5678",
 * "(010) 123 45 67"). Empty is allowed: the field is optional.
 */
export function phoneProblem(value: string): string | null {
  if (value === '') return null;
  const digits = value.replace(/\D/g, '');
  if (!/^\+?[\d\s().-]+$/.test(value) || digits.length < 10 || digits.length > 15) {
    return `"${value}" is geen telefoonnummer; schrijf bijvoorbeeld 06-12345678 of +31 6 12345678.`;
  }
  return null;
}
