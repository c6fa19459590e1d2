import { format } from 'date-fns';

/**
 * The one place the backend reads the clock. Rules take dates as parameters; only handlers ask
 * what time it is, through these two.
 */
export const now = (): string => new Date().toISOString();

/** Today's calendar date (local time: the school's), yyyy-MM-dd. */
export const today = (): string => format(new Date(), 'yyyy-MM-dd');
