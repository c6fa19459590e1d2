import { addDays, addHours, addMinutes, differenceInCalendarDays, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupsToKeep, retention, type RetentionPolicy } from '../../electron/features/backup/rotation';

interface Backup {
  id: number;
  takenAt: Date;
}

const START = new Date(2025, 7, 1, 8, 0);
/** Backups at local times: a lock now and then, sometimes several a day, sometimes weeks apart (never two at the same moment). */
const backupsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 3 * 365 * 24 * 60 }), { minLength: 0, maxLength: 120 })
  .map((minutes) => minutes.map((m, id): Backup => ({ id, takenAt: addMinutes(START, m) })));
const policyArb: fc.Arbitrary<RetentionPolicy> = fc.record({
  newest: fc.integer({ min: 0, max: 4 }),
  days: fc.integer({ min: 0, max: 8 }),
  weeks: fc.integer({ min: 0, max: 5 }),
  months: fc.integer({ min: 0, max: 13 }),
});

const ids = (kept: Set<Backup>) => [...kept].map((b) => b.id).sort((a, b) => a - b);
const byTime = (list: Backup[]) => [...list].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime() || a.id - b.id);
const day = (d: Date) => format(d, 'yyyy-MM-dd');

describe('backupsToKeep', () => {
  it('keeps a backup a day for a week, one a week for a month, one a month for a year', () => {
    // One backup every evening for two years, and three on the last day.
    const backups: Backup[] = [];
    for (let d = 0; d < 730; d++) backups.push({ id: d, takenAt: addHours(addDays(START, d), 10) });
    const last = backups.at(-1)!.takenAt;
    backups.push({ id: 1000, takenAt: addMinutes(last, 30) }, { id: 1001, takenAt: addMinutes(last, 60) });
    const kept = [...backupsToKeep(backups)].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
    const ages = kept.map((b) => differenceInCalendarDays(last, b.takenAt));
    // The newest three (two of them from today), then the six days before.
    expect(kept.slice(0, 3).map((b) => b.id)).toEqual([1001, 1000, 729]);
    expect(ages.slice(2, 9)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // The oldest is about a year old: the twelfth month back.
    expect(Math.max(...ages)).toBeGreaterThan(300);
    expect(Math.max(...ages)).toBeLessThan(366);
    expect(kept.length).toBeLessThanOrEqual(retention.newest + retention.days + retention.weeks + retention.months);
    // One per month for the months it reaches back.
    const months = new Set(kept.map((b) => format(b.takenAt, 'yyyy-MM')));
    expect(months.size).toBe(12);
  });

  it('does not let a holiday without backups empty the week', () => {
    const backups = [0, 1, 2, 40, 41].map((d, id) => ({ id, takenAt: addDays(START, d) }));
    // Five days with a backup, five days kept, however long ago.
    expect(ids(backupsToKeep(backups))).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps the newest of a day, not the first', () => {
    const backups = [1, 5, 9].map((h, id) => ({ id, takenAt: addHours(START, h) }));
    expect(ids(backupsToKeep(backups, { newest: 0, days: 7, weeks: 0, months: 0 }))).toEqual([2]);
  });

  it('is empty for no backups and keeps a single one', () => {
    expect(backupsToKeep([]).size).toBe(0);
    expect(ids(backupsToKeep([{ id: 7, takenAt: START }]))).toEqual([7]);
  });

  it('always keeps the newest backup, only what it was given, and never more than the policy allows', () => {
    fc.assert(
      fc.property(backupsArb, (backups) => {
        const kept = backupsToKeep(backups);
        for (const b of kept) expect(backups).toContain(b);
        expect(kept.size).toBeLessThanOrEqual(retention.newest + retention.days + retention.weeks + retention.months);
        if (backups.length > 0) {
          const newest = Math.max(...backups.map((b) => b.takenAt.getTime()));
          expect([...kept].some((b) => b.takenAt.getTime() === newest)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the newest backup of each of the last days that have one', () => {
    fc.assert(
      fc.property(backupsArb, (backups) => {
        const kept = backupsToKeep(backups);
        const days = [...new Set(byTime(backups).map((b) => day(b.takenAt)))].reverse().slice(0, retention.days);
        for (const d of days) {
          const newestOfDay = byTime(backups.filter((b) => day(b.takenAt) === d))
            .at(-1)!
            .takenAt.getTime();
          expect([...kept].some((b) => b.takenAt.getTime() === newestOfDay)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('pruning after every backup keeps exactly what pruning once at the end keeps', () => {
    fc.assert(
      fc.property(backupsArb, policyArb, (backups, policy) => {
        let folder: Backup[] = [];
        for (const backup of byTime(backups)) {
          folder = [...backupsToKeep([...folder, backup], policy)];
        }
        expect(ids(new Set(folder))).toEqual(ids(backupsToKeep(backups, policy)));
      }),
      { numRuns: 500 },
    );
  });

  it('deletes nothing more when run twice', () => {
    fc.assert(
      fc.property(backupsArb, policyArb, (backups, policy) => {
        const once = backupsToKeep(backups, policy);
        expect(ids(backupsToKeep([...once], policy))).toEqual(ids(once));
      }),
      { numRuns: 500 },
    );
  });
});
