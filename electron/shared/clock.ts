import { format, parseISO } from 'date-fns';

/**
 * The one place the backend reads the clock. Rules take dates as parameters; only handlers ask
 * what time it is, through these two.
 */
export const now = (): string => new Date().toISOString();

/** Today's calendar date (local time: the school's), yyyy-MM-dd. */
export const today = (): string => format(new Date(), 'yyyy-MM-dd');

/** The school's calendar day of a stored moment (an ISO instant): just after midnight is that day, not UTC's day before. */
export const localDate = (instant: string): string => format(parseISO(instant), 'yyyy-MM-dd');

/** Milliseconds since the epoch, for timers and timeouts that must follow a test's moved clock. */
export const epochMs = (): number => Date.now();
