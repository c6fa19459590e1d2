import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { nl } from 'date-fns/locale';
import { schoolYearOf, type IsoDate } from './school-year';

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
/** "di 1 sep", "za 3 mrt": for narrow table columns; without date-fns' abbreviation dot ("sep.") to save width. */
export const compactWeekdayDate = (date: IsoDate) => dutch(date, 'EEEEEE d MMM').replace(/\.$/, '');
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

/** "12-11-2026": action deadlines and meeting references in tables, where a long date would wrap. */
export const numericDate = (date: IsoDate) => dutch(date, 'dd-MM-yyyy');

/**
 * "10 december 2026, 14:05" for a moment stored as an ISO instant (addenda, audit), read on the
 * school's clock (Europe/Amsterdam) rather than the machine's, so a document says the same everywhere.
 */
export function instantDateTime(instant: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new Error(`Geen geldig tijdstip: ${instant}`);
  return format(new TZDate(at.getTime(), 'Europe/Amsterdam'), "d MMMM yyyy', 'HH:mm", { locale: nl });
}
