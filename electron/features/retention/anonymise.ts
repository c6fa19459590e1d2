import { fullName, initials, type PersonName } from '../people/names';
import { GUARDIAN_PLACEHOLDER, STUDENT_PLACEHOLDER } from './vocabulary';

/**
 * Text kept without identity once a student's period passed: their names become [leerling], their
 * parents' [ouder]. Like the disclosure scrubber (disclosure/scrubber.ts): whole words
 * only, any case, the longest name first, so "Jesse de Vries" goes as one and "Jessica" stays.
 */

export interface NamesToReplace {
  student: string[];
  guardians: string[];
}

/**
 * A leerlingnummer is theirs alone, so it goes from other students' texts too; a short one might
 * be a count or a year in someone else's words, so only from this many digits.
 */
const NUMBER_ELSEWHERE_MIN_DIGITS = 5;
export const numberElsewhere = (studentNumber: string): string[] =>
  studentNumber.trim().length >= NUMBER_ELSEWHERE_MIN_DIGITS ? [studentNumber.trim()] : [];

/**
 * The names of one student and their guardians. `own`: for the text of their own case, where a
 * first name alone is them; otherwise only what cannot be someone else's: full names and the
 * leerlingnummer.
 */
export function namesOf(
  student: PersonName & { studentNumber: string },
  guardians: PersonName[],
  scope: 'own' | 'elsewhere',
): NamesToReplace {
  const whole = (p: PersonName) => [fullName(p), `${p.givenName} ${p.familyName}`];
  if (scope === 'elsewhere')
    return {
      student: [...whole(student), ...numberElsewhere(student.studentNumber)],
      guardians: guardians.flatMap(whole),
    };
  const surname = (p: PersonName) => [p.familyName, [p.infix, p.familyName].filter(Boolean).join(' ')];
  return {
    student: [...whole(student), ...surname(student), student.givenName, initials(student), student.studentNumber],
    guardians: guardians.flatMap((g) => [...whole(g), ...surname(g), g.givenName]),
  };
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Returns a function replacing every name in a text; a name both the student's and a parent's (a shared surname) counts
 * as the student's.
 */
export function nameReplacer(names: NamesToReplace): (text: string) => string {
  const placeholder = new Map<string, string>();
  for (const n of names.guardians) placeholder.set(n.trim().toLowerCase(), GUARDIAN_PLACEHOLDER);
  for (const n of names.student) placeholder.set(n.trim().toLowerCase(), STUDENT_PLACEHOLDER);
  const words = [...placeholder.keys()].filter((w) => w.length >= 2).sort((a, b) => b.length - a.length);
  if (words.length === 0) return (text) => text;
  // Initials end in a dot: the boundary is "no letter next to it", not a word boundary.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${words.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(pattern, (match) => placeholder.get(match.toLowerCase()) ?? STUDENT_PLACEHOLDER);
}
