import { format, getISOWeek, getISOWeekYear } from 'date-fns';

/**
 * How many automatic backups are kept: the newest few whatever their age (a bad last session must
 * not take every copy of the day with it), then the newest of each of the last 7 days, 4 weeks and
 * 12 months that have a backup. Days without one (a holiday, a laptop left at home) do not count,
 * so a long absence never empties the set.
 */
export interface RetentionPolicy {
  newest: number;
  days: number;
  weeks: number;
  months: number;
}

export const retention: RetentionPolicy = { newest: 3, days: 7, weeks: 4, months: 12 };

/** Local calendar periods: the school's day, ISO week and month. */
const periods = {
  days: (d: Date) => format(d, 'yyyy-MM-dd'),
  weeks: (d: Date) => `${getISOWeekYear(d)}-W${getISOWeek(d)}`,
  months: (d: Date) => format(d, 'yyyy-MM'),
} as const;

/**
 * The automatic backups to keep; every other one may be deleted. Pure: the same set in, the same
 * choice out, and pruning after every backup keeps exactly what pruning once at the end would.
 */
export function backupsToKeep<T extends { takenAt: Date }>(backups: readonly T[], policy: RetentionPolicy = retention): Set<T> {
  // Newest first; equal times keep their given order so the choice does not depend on sorting luck.
  const newestFirst = backups
    .map((backup, index) => ({ backup, index }))
    .sort((a, b) => b.backup.takenAt.getTime() - a.backup.takenAt.getTime() || a.index - b.index)
    .map(({ backup }) => backup);
  const keep = new Set<T>(newestFirst.slice(0, policy.newest));
  for (const unit of ['days', 'weeks', 'months'] as const) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      if (seen.size >= policy[unit]) break;
      const period = periods[unit](backup.takenAt);
      if (seen.has(period)) continue;
      // The first one met in a period is its newest.
      seen.add(period);
      keep.add(backup);
    }
  }
  return keep;
}
