/**
 * What a date typed by a person may be, written once: the contract's date fields refuse what
 * `dateProblem` names, and the renderer's date field reads what is typed with `parseDutchDate`,
 * so a form and the backend never disagree about a date.
 */

/**
 * No date anyone means in this app lies outside these years: "1850" or "9999-12-31" is a typo or
 * a placeholder from another system, not a date of birth, a meeting or a deadline.
 */
export const PLAUSIBLE_YEARS = { min: 1900, max: 2100 } as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO date of day/month/year when that day exists ("2011-02-29" does not), else null. */
function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** Dutch month names and their usual abbreviations, January first. */
const MONTHS = [
  ['januari', 'jan'],
  ['februari', 'feb'],
  ['maart', 'mrt', 'mar', 'maa'],
  ['april', 'apr'],
  ['mei'],
  ['juni', 'jun'],
  ['juli', 'jul'],
  ['augustus', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'okt', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
] as const;

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const index = MONTHS.findIndex((names) => (names as readonly string[]).includes(w));
  return index === -1 ? null : index + 1;
}

/**
 * A date as a Dutch person types it, day first whatever the computer's language: "9-3-2011",
 * "09-03-2011", "9/3/2011", "9.3.2011", "09032011", "9 maart 2011", "9 mrt. 2011"; a pasted ISO
 * date ("2011-03-09") too. Years have four digits (a two-digit year is ambiguous). Null when the
 * text is not (yet) a date that exists.
 */
export function parseDutchDate(text: string): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  let m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(t);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(?:[a-z]{2,9}\.? )?(\d{1,2}) ([a-z]{3,9}\.?) (\d{4})$/i.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month === null ? null : isoOf(Number(m[3]), month, Number(m[1]));
  }
  return null;
}

/** "2011-03-09" → "09-03-2011": how forms and messages write a date. */
export function dutchNumericDate(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

/**
 * Why `value` is not a date this app accepts, in a message that starts with the field's `label`
 * ("Geboortedatum"), or null when it is one: an existing calendar date, yyyy-MM-dd, in a plausible year.
 */
export function dateProblem(value: string, label: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return `${label}: vul een datum in als dd-mm-jjjj.`;
  if (isoOf(Number(match[1]), Number(match[2]), Number(match[3])) === null) {
    return `${label}: ${dutchNumericDate(value)} bestaat niet.`;
  }
  const year = Number(match[1]);
  if (year < PLAUSIBLE_YEARS.min || year > PLAUSIBLE_YEARS.max) {
    return `${label}: ${dutchNumericDate(value)} kan niet kloppen; kies een datum tussen ${PLAUSIBLE_YEARS.min} en ${PLAUSIBLE_YEARS.max}.`;
  }
  return null;
}
