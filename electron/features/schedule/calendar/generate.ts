/** Turns a series' rhythm into concrete meeting dates that avoid the school's days off. */
import { addWeeks, format, parseISO } from 'date-fns';
import type { GeneratedYear, IsoDate, PlannedMeeting, SeriesRhythm } from '../types';
import type { SchoolCalendar } from './school-calendar';

const shiftWeeks = (date: IsoDate, weeks: number): IsoDate => format(addWeeks(parseISO(date), weeks), 'yyyy-MM-dd');

/**
 * Walks the grid firstDate + k·interval weeks. A closed grid date steps a week at a time in the
 * move rule's direction, at most interval−1 weeks so it never reaches the neighbouring grid date;
 * when no school day is found the date is dropped.
 */
export function generateMeetingDates(rhythm: SeriesRhythm, calendar: SchoolCalendar): GeneratedYear {
  const interval = rhythm.intervalWeeks;
  // The only check needed to guarantee the walk ends; handlers validate the rest.
  if (!Number.isInteger(interval) || interval < 1) throw new RangeError(`intervalWeeks must be a positive integer: ${interval}`);
  const direction = rhythm.moveRule === 'week-after' ? 1 : -1;
  const meetings: PlannedMeeting[] = [];
  const dropped: GeneratedYear['dropped'] = [];

  let planned = rhythm.firstDate;
  while (planned <= rhythm.until) {
    const previous = meetings.at(-1)?.date ?? null;
    const reason = calendar.closedReason(planned);
    let date: IsoDate | null = null;
    if (reason === null) {
      date = planned;
    } else {
      for (let step = 1; step < interval; step++) {
        const candidate = shiftWeeks(planned, direction * step);
        if (candidate > rhythm.until || candidate < rhythm.firstDate) break;
        if (previous !== null && candidate <= previous) break;
        if (calendar.closedReason(candidate) === null) {
          date = candidate;
          break;
        }
      }
    }

    if (date === null) {
      dropped.push({ plannedDate: planned, note: `vervalt: ${reason}` });
    } else {
      meetings.push({
        date,
        startTime: rhythm.startTime,
        plannedDate: planned,
        note: date === planned ? null : `verschoven: ${reason}`,
      });
    }
    const base = rhythm.continueFrom === 'moved' && date !== null ? date : planned;
    planned = shiftWeeks(base, interval);
  }
  return { meetings, dropped };
}
