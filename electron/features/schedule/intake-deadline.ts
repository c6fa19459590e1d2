import { addDays, format, parseISO } from 'date-fns';
import type { IsoDate } from './types';

/**
 * The last day to hand in an intake: `schoolDays` school days before the meeting (weekends,
 * holidays and study days do not count). Zero means the day of the meeting itself.
 */
export function intakeDeadline(meetingDate: IsoDate, schoolDays: number, closedReason: (d: IsoDate) => string | null): IsoDate {
  let day = parseISO(meetingDate);
  let counted = 0;
  // A year has far fewer than 400 closed days in a row; the bound only guards against bad data.
  for (let guard = 0; counted < schoolDays && guard < 400; guard++) {
    day = addDays(day, -1);
    if (closedReason(format(day, 'yyyy-MM-dd')) === null) counted++;
  }
  return format(day, 'yyyy-MM-dd');
}
