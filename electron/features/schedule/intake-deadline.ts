import { addDays, eachDayOfInterval, format, getISODay, parseISO } from 'date-fns';
import type { SchoolCalendar } from './calendar/school-calendar';
import type { DayOff, IsoDate } from './types';

export interface IntakeDeadline {
  date: IsoDate;
  /**
   * Dutch, e.g. 'eerste schooldag na de zomervakantie' / 'geen schooldag tussen de kerstvakantie en het overleg: de dag
   * van het overleg'; null when plain counting held.
   */
  note: string | null;
}

/** A holiday of at least this many weekdays is long: a deadline never reaches into or past it. */
const LONG_HOLIDAY_WEEKDAYS = 5;

const toIso = (date: Date): IsoDate => format(date, 'yyyy-MM-dd');
const shift = (date: IsoDate, days: number): IsoDate => toIso(addDays(parseISO(date), days));

function weekdays(d: DayOff): number {
  if (d.start > d.end) return 0;
  return eachDayOfInterval({ start: parseISO(d.start), end: parseISO(d.end) }).filter((day) => getISODay(day) <= 5).length;
}

/**
 * A school holiday (herfst-, kerst-, voorjaars-, mei-, zomervakantie or the school's own) of 5 or more weekdays; not a
 * single public holiday or study day.
 */
const isLongHoliday = (d: DayOff): boolean => d.kind === 'holiday' && weekdays(d) >= LONG_HOLIDAY_WEEKDAYS;

/**
 * The last day to hand in an intake: `schoolDays` school days before the meeting (weekends,
 * holidays, public holidays and study days do not count). Zero means the day of the meeting itself.
 *
 * A deadline never falls in or before a long holiday: nobody is at school to hand anything in, and
 * a deadline before the summer would lie in the previous school year. When the count reaches into
 * one, the deadline becomes the first school day after it, or the meeting day when no school day
 * lies between the holiday and the meeting; the note says so.
 */
export function intakeDeadline(
  meetingDate: IsoDate,
  schoolDays: number,
  calendar: Pick<SchoolCalendar, 'closedReason' | 'daysOff'>,
): IntakeDeadline {
  let day = meetingDate;
  let counted = 0;
  // A year has far fewer than 400 closed days in a row; the bound only guards against bad data.
  for (let guard = 0; counted < schoolDays && guard < 400; guard++) {
    day = shift(day, -1);
    if (calendar.closedReason(day) === null) counted++;
  }
  if (day >= meetingDate) return { date: meetingDate, note: null };

  // The long holiday nearest the meeting among the days the count passed.
  const holiday = calendar
    .daysOff(day, shift(meetingDate, -1))
    .filter(isLongHoliday)
    .reduce<DayOff | null>((latest, d) => (latest === null || d.end > latest.end ? d : latest), null);
  if (holiday === null) return { date: day, note: null };

  // The first school day after it: weekends, public holidays and study days right after it are skipped too.
  let firstSchoolDay = shift(holiday.end, 1);
  for (let guard = 0; calendar.closedReason(firstSchoolDay) !== null && firstSchoolDay < meetingDate && guard < 400; guard++) {
    firstSchoolDay = shift(firstSchoolDay, 1);
  }
  if (firstSchoolDay < meetingDate) return { date: firstSchoolDay, note: `eerste schooldag na de ${holiday.name}` };
  return { date: meetingDate, note: `geen schooldag tussen de ${holiday.name} en het overleg: de dag van het overleg` };
}
