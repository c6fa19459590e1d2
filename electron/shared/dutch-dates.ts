import { format } from 'date-fns';
import { nl } from 'date-fns/locale';
import type { IsoDate } from '../features/schedule/types';
import { schoolYearOf } from '../features/schedule/vocabulary';

/** Dutch date wording for screens and documents. Dates are calendar dates, so they never pass through UTC. */

export function parseIsoDate(date: IsoDate): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new Error(`Geen geldige datum: ${date}`);
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const dutch = (date: IsoDate, pattern: string) => format(parseIsoDate(date), pattern, { locale: nl });

/** "di 1 september" */
export const shortWeekdayDate = (date: IsoDate) => dutch(date, 'EEEEEE d MMMM');
/** "di 1 september 2026" */
export const shortWeekdayDateYear = (date: IsoDate) => dutch(date, 'EEEEEE d MMMM yyyy');
/** "dinsdag 1 september 2026" */
export const weekdayLongDate = (date: IsoDate) => dutch(date, 'EEEE d MMMM yyyy');
/** "1 september 2026" */
export const longDate = (date: IsoDate) => dutch(date, 'd MMMM yyyy');
/** "01-09" */
export const dayMonth = (date: IsoDate) => dutch(date, 'dd-MM');
/**
 * An intake deadline: "31-08" within the school year of `today` (1 August–31 July), "14-07-2026"
 * outside it, so a date in another school year never passes for one in this one. A document
 * passes a day of its own school year as `today`.
 */
export function deadlineDate(date: IsoDate, today: IsoDate): string {
  return dutch(date, schoolYearOf(date) === schoolYearOf(today) ? 'dd-MM' : 'dd-MM-yyyy');
}
/** "september 2026" */
export const monthYear = (date: IsoDate) => dutch(date, 'LLLL yyyy');

/**
 * "za 17 oktober t/m zo 25 oktober 2026"; the year is written once unless the range crosses
 * New Year ("za 19 december 2026 t/m zo 3 januari 2027"); a single day is just that day.
 */
export function dateRange(start: IsoDate, end: IsoDate): string {
  if (start === end) return shortWeekdayDateYear(start);
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return `${sameYear ? shortWeekdayDate(start) : shortWeekdayDateYear(start)} t/m ${shortWeekdayDateYear(end)}`;
}
