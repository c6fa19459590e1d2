import type { VaultDb } from '../../../db/open';
import { AppError } from '../../api/errors';
import { registry } from '../../shared/registry';
import type { getSeries } from './store';
import type { YearChanges } from './year-plan';

/**
 * The meetings domain owns the meeting rows; the schedule plans them. Meetings sit above the
 * schedule (a meeting reads the school calendar for its intake deadline and refuses a day off), so
 * the meetings domain hands the schedule its writer at start-up instead of the schedule importing it.
 */
export interface MeetingWriter {
  /** Writes a year plan's changes for one series: adds, moves, refreshes and cancels its meetings. */
  applyYearChanges(db: VaultDb, series: ReturnType<typeof getSeries>, changes: YearChanges): void;
  /** After a series changed, its meetings follow it (except kept ones); how many changed visibly. */
  followSeries(db: VaultDb, seriesId: string): number;
}

const writers = registry<MeetingWriter>();

export function registerMeetingWriter(writer: MeetingWriter): void {
  writers.register('meetings', writer);
}

export function meetingWriter(): MeetingWriter {
  const writer = writers.entries()[0];
  // Registered in the app's start-up (electron/app/handlers.ts): without it nothing can be planned.
  if (!writer) throw new AppError('INTERNAL');
  return writer;
}
