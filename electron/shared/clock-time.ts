/**
 * Times of day as the school writes them: 24-hour, "14:00", whatever the computer's language (a
 * `type="time"` input shows "02:00 PM" in an English browser). Shared by the form fields and tests.
 */

/** "14:00", "14.00", "14 00", "1400", "930" and "14" all read as a time; anything else is null. */
export function parseClockTime(text: string): string | null {
  const t = text.trim();
  const match = /^(\d{1,2})(?:[:.\su](\d{2}))?$/.exec(t) ?? /^(\d{1,2})(\d{2})$/.exec(t);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** The message under a time field that cannot be read, naming the field. */
export const clockTimeProblem = (fieldName: string) => `${fieldName}: vul een tijd in als 14:00 (24 uur, uu:mm).`;
