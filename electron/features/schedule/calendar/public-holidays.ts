/** The public holidays on which Dutch schools close, from date-holidays' Dutch rules. */
import Holidays from 'date-holidays';
import { addDays, format, parseISO } from 'date-fns';
import type { DayOff } from '../types';

/**
 * The date-holidays rules we keep, keyed by the rule text (stable across languages and releases),
 * with the name shown to users. Observances such as Dodenherdenking or Sinterklaas stay out.
 */
const SCHOOL_CLOSING_RULES: ReadonlyArray<{ matches: (rule: string) => boolean; name: string }> = [
  { matches: (r) => r === '01-01', name: 'Nieuwjaarsdag' },
  { matches: (r) => r === 'easter -2', name: 'Goede Vrijdag' },
  { matches: (r) => r === 'easter', name: 'Eerste Paasdag' },
  { matches: (r) => r === 'easter 1', name: 'Tweede Paasdag' },
  // "04-27 if sunday then previous saturday since 2014"
  { matches: (r) => r.startsWith('04-27'), name: 'Koningsdag' },
  { matches: (r) => r === '05-05', name: 'Bevrijdingsdag' },
  { matches: (r) => r === 'easter 39', name: 'Hemelvaartsdag' },
  { matches: (r) => r === 'easter 49', name: 'Eerste Pinksterdag' },
  { matches: (r) => r === 'easter 50', name: 'Tweede Pinksterdag' },
  { matches: (r) => r === '12-25', name: 'Eerste Kerstdag' },
  { matches: (r) => r === '12-26', name: 'Tweede Kerstdag' },
];

/**
 * Schools close the Friday after Ascension too: a custom, not a public holiday. It is listed as the
 * school's own day off (source 'school'), so screens do not call it a feestdag; a school that
 * works that day opens it like a public holiday, with a "toch schooldag" entry.
 */
const ASCENSION_FRIDAY = 'vrijdag na Hemelvaart';

let holidays: Holidays | null = null;
const cache = new Map<number, readonly DayOff[]>();

function compute(year: number): DayOff[] {
  holidays ??= new Holidays('NL');
  const result: DayOff[] = [];
  for (const holiday of holidays.getHolidays(year)) {
    const name = SCHOOL_CLOSING_RULES.find((r) => r.matches(holiday.rule))?.name;
    if (!name) continue;
    // `date` is "yyyy-MM-dd HH:mm:ss" in Dutch local time; `start` is a UTC instant and could shift the day.
    const date = holiday.date.slice(0, 10);
    result.push({ start: date, end: date, kind: 'public-holiday', name, source: 'public' });
    if (name === 'Hemelvaartsdag') {
      const friday = format(addDays(parseISO(date), 1), 'yyyy-MM-dd');
      result.push({ start: friday, end: friday, kind: 'holiday', name: ASCENSION_FRIDAY, source: 'school' });
    }
  }
  return result.sort((a, b) => a.start.localeCompare(b.start));
}

/** The days in calendar year `year` on which schools close for a public holiday (and the vrijdag na Hemelvaart), sorted by date. */
export function publicHolidays(year: number): DayOff[] {
  let days = cache.get(year);
  if (!days) {
    days = compute(year);
    cache.set(year, days);
  }
  return days.map((d) => ({ ...d }));
}
