import { differenceInCalendarDays } from 'date-fns';
import { longDate, parseIsoDate } from '../../shared/dutch-dates';
import type { IsoDate } from './types';

/**
 * A meeting is started and closed on its own day. Starting one on the Friday before a Monday
 * meeting is still plausible (preparing the room, the projector); anything further ahead is most
 * likely a mis-click on the wrong meeting, and its minutes and letters would then speak of a
 * meeting that has not taken place. A meeting in the past may always be started and closed:
 * minutes are often typed afterwards from notes.
 */
export const DAYS_AHEAD_WITHOUT_ASKING = 3;

/** Whether a meeting on `date` lies further ahead of `today` than a meeting is started or closed without asking. */
export function meetingFarAhead(date: IsoDate, today: IsoDate): boolean {
  return differenceInCalendarDays(parseIsoDate(date), parseIsoDate(today)) > DAYS_AHEAD_WITHOUT_ASKING;
}

/** Whether a meeting on `date` has not taken place yet on `today` (a letter dated `today` may not report on it). */
export function meetingStillAhead(date: IsoDate, today: IsoDate): boolean {
  return date > today;
}

const stepWords = { starten: 'starten', afronden: 'afronden' } as const;

/**
 * The question to ask before starting or closing a meeting far ahead ("Dit overleg staat gepland
 * op 13 januari 2027. Toch nu starten?"), or null when it may go without asking. `today` is the
 * caller's clock (electron/shared/clock.ts).
 */
export function meetingDayQuestion(date: IsoDate, today: IsoDate, step: keyof typeof stepWords): string | null {
  if (!meetingFarAhead(date, today)) return null;
  return `Dit overleg staat gepland op ${longDate(date)}. Toch nu ${stepWords[step]}?`;
}
