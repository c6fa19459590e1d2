/**
 * A student's age, a rule of the people domain that consent and letters both build on: from 16
 * the student speaks for themselves (consents alone, is written to directly).
 */

/** From 16 the student decides alone (WGBO / AVG). */
export const AGE_OF_OWN_CONSENT = 16;

/** A calendar date read as written: exactly yyyy-mm-dd, no time part, or a Dutch error naming it. */
export function dateParts(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Geen geldige datum (jjjj-mm-dd): ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Age in whole years on `date` (both yyyy-MM-dd). */
export function ageOn(birthDate: string, date: string): number {
  const born = dateParts(birthDate);
  const on = dateParts(date);
  // Comparing (month, day) pairs makes a 29 Feb birthday count from 1 March in non-leap years:
  // 28 Feb sorts before it, 1 March after it.
  const hadBirthday = on.month > born.month || (on.month === born.month && on.day >= born.day);
  return on.year - born.year - (hadBirthday ? 0 : 1);
}
