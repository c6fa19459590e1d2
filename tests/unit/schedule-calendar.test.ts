import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  knownSchoolYears,
  officialHolidays,
  schoolYearBounds,
  schoolYearOf,
} from '../../electron/features/schedule/calendar/official-holidays';
import { publicHolidays } from '../../electron/features/schedule/calendar/public-holidays';
import { schoolCalendar } from '../../electron/features/schedule/calendar/school-calendar';
import { intakeDeadline } from '../../electron/features/schedule/intake-deadline';
import type { CalendarOverride } from '../../electron/features/schedule/types';

const on = (year: number, name: string) => publicHolidays(year).find((d) => d.name === name)?.start;

describe('official holidays', () => {
  // The shared data lives outside the repository; only checkouts next to it can compare.
  const sharedFile = new URL('../../../shared/data/schoolvakanties.json', import.meta.url);
  it.skipIf(!existsSync(sharedFile))('ships the shared data file unchanged', () => {
    const shipped = readFileSync(new URL('../../resources/school-holidays.json', import.meta.url), 'utf8');
    const shared = readFileSync(sharedFile, 'utf8');
    expect(JSON.parse(shipped)).toEqual(JSON.parse(shared));
  });

  it('knows the school years in the data', () => {
    expect(knownSchoolYears()).toEqual(['2025-2026', '2026-2027', '2027-2028']);
  });

  it('looks up regional and national holidays', () => {
    const midden = officialHolidays('2026-2027', 'midden');
    expect(midden.find((h) => h.name === 'herfstvakantie')).toEqual({
      start: '2026-10-17',
      end: '2026-10-25',
      kind: 'holiday',
      name: 'herfstvakantie',
      source: 'official',
    });
    expect(officialHolidays('2026-2027', 'noord').find((h) => h.name === 'herfstvakantie')?.start).toBe('2026-10-10');
    expect(officialHolidays('2026-2027', 'zuid').find((h) => h.name === 'voorjaarsvakantie')?.start).toBe('2027-02-13');
    // "heel Nederland" entries count for every region.
    for (const region of ['noord', 'midden', 'zuid'] as const) {
      expect(officialHolidays('2027-2028', region).find((h) => h.name === 'kerstvakantie')).toMatchObject({
        start: '2027-12-25',
        end: '2028-01-09',
      });
    }
    expect(midden.map((h) => h.name)).toEqual(['herfstvakantie', 'kerstvakantie', 'voorjaarsvakantie', 'meivakantie', 'zomervakantie']);
  });

  it('returns nothing for a year outside the data', () => {
    expect(officialHolidays('2030-2031', 'midden')).toEqual([]);
  });

  it('turns the school year on 1 August', () => {
    expect(schoolYearOf('2026-07-31')).toBe('2025-2026');
    expect(schoolYearOf('2026-08-01')).toBe('2026-2027');
    expect(schoolYearOf('2027-01-15')).toBe('2026-2027');
    expect(schoolYearBounds('2026-2027')).toEqual({ start: '2026-08-01', end: '2027-07-31' });
  });
});

describe('public holidays', () => {
  it('moves Koningsdag to Saturday 26 April when the 27th is a Sunday', () => {
    expect(on(2025, 'Koningsdag')).toBe('2025-04-26'); // 27 April 2025 is a Sunday
    expect(on(2031, 'Koningsdag')).toBe('2031-04-26'); // and so is 27 April 2031
    expect(on(2026, 'Koningsdag')).toBe('2026-04-27');
  });

  it('derives the Easter-based days (Easter 2026: 5 April; 2027: 28 March)', () => {
    expect(on(2026, 'Goede Vrijdag')).toBe('2026-04-03');
    expect(on(2026, 'Tweede Paasdag')).toBe('2026-04-06');
    expect(on(2026, 'Hemelvaartsdag')).toBe('2026-05-14');
    expect(on(2026, 'vrijdag na Hemelvaart')).toBe('2026-05-15');
    expect(on(2026, 'Tweede Pinksterdag')).toBe('2026-05-25');

    expect(on(2027, 'Goede Vrijdag')).toBe('2027-03-26');
    expect(on(2027, 'Tweede Paasdag')).toBe('2027-03-29');
    expect(on(2027, 'Hemelvaartsdag')).toBe('2027-05-06');
    expect(on(2027, 'vrijdag na Hemelvaart')).toBe('2027-05-07');
    expect(on(2027, 'Tweede Pinksterdag')).toBe('2027-05-17');
  });

  it('lists only the days schools close, in Dutch, sorted', () => {
    expect(publicHolidays(2027).map((d) => `${d.start} ${d.name}`)).toEqual([
      '2027-01-01 Nieuwjaarsdag',
      '2027-03-26 Goede Vrijdag',
      '2027-03-28 Eerste Paasdag',
      '2027-03-29 Tweede Paasdag',
      '2027-04-27 Koningsdag',
      '2027-05-05 Bevrijdingsdag',
      '2027-05-06 Hemelvaartsdag',
      '2027-05-07 vrijdag na Hemelvaart',
      '2027-05-16 Eerste Pinksterdag',
      '2027-05-17 Tweede Pinksterdag',
      '2027-12-25 Eerste Kerstdag',
      '2027-12-26 Tweede Kerstdag',
    ]);
    const [custom, official] = [
      publicHolidays(2027).filter((d) => d.name === 'vrijdag na Hemelvaart'),
      publicHolidays(2027).filter((d) => d.name !== 'vrijdag na Hemelvaart'),
    ];
    expect(official.every((d) => d.kind === 'public-holiday' && d.source === 'public')).toBe(true);
    // A school custom, not a public holiday: the school's own day off.
    expect(custom).toEqual([{ start: '2027-05-07', end: '2027-05-07', kind: 'holiday', name: 'vrijdag na Hemelvaart', source: 'school' }]);
  });

  it('hands out copies, so a caller cannot change the cache', () => {
    publicHolidays(2026)[0]!.name = 'vandalised';
    expect(publicHolidays(2026)[0]!.name).toBe('Nieuwjaarsdag');
  });
});

describe('schoolCalendar', () => {
  const override = (o: Partial<CalendarOverride> & Pick<CalendarOverride, 'start' | 'end'>): CalendarOverride => ({
    id: o.start,
    kind: 'study-day',
    name: 'studiedag',
    replaces: null,
    ...o,
  });

  it('gives the reason a date is closed, or null on a school day', () => {
    const calendar = schoolCalendar('midden', []);
    expect(calendar.closedReason('2026-10-20')).toBe('herfstvakantie');
    expect(calendar.closedReason('2026-10-13')).toBeNull();
    expect(calendar.closedReason('2026-10-10')).toBe('weekend');
    expect(calendar.closedReason('2026-10-11')).toBe('weekend');
    expect(calendar.closedReason('2027-03-29')).toBe('Tweede Paasdag');
    expect(calendar.closedReason('2027-05-07')).toBe('vrijdag na Hemelvaart');
    // Koningsdag inside the May holiday: the holiday is the clearer reason.
    expect(calendar.closedReason('2027-04-27')).toBe('meivakantie');
    // Summer of 2026-2027 runs into August, the next school year.
    expect(calendar.closedReason('2027-08-24')).toBe('zomervakantie');
    expect(calendar.closedReason('2027-08-31')).toBeNull();
    // Another region, other dates.
    expect(schoolCalendar('noord', []).closedReason('2026-10-13')).toBe('herfstvakantie');
  });

  it('lets an override replace the official meivakantie of the same school year', () => {
    const calendar = schoolCalendar('midden', [
      override({
        kind: 'holiday',
        name: 'meivakantie',
        start: '2027-05-01',
        end: '2027-05-09',
        replaces: 'meivakantie',
      }),
    ]);
    // The official week (24 April – 2 May) no longer counts…
    expect(calendar.closedReason('2027-04-26')).toBeNull();
    // …but Koningsdag still does, and the school's own week does.
    expect(calendar.closedReason('2027-04-27')).toBe('Koningsdag');
    expect(calendar.closedReason('2027-05-04')).toBe('meivakantie');
    const days = calendar.daysOff('2027-04-20', '2027-05-10');
    expect(days.map((d) => `${d.start}..${d.end} ${d.name} ${d.source}`)).toEqual([
      '2027-04-27..2027-04-27 Koningsdag public',
      '2027-05-01..2027-05-09 meivakantie school',
      '2027-05-05..2027-05-05 Bevrijdingsdag public',
      '2027-05-06..2027-05-06 Hemelvaartsdag public',
      '2027-05-07..2027-05-07 vrijdag na Hemelvaart school',
    ]);
    // Only that school year: the meivakantie of 2025-2026 is untouched.
    expect(calendar.closedReason('2026-04-28')).toBe('meivakantie');
  });

  it('closes study days and no-meeting stretches with the school’s own words', () => {
    const calendar = schoolCalendar('zuid', [
      override({ start: '2026-11-18', end: '2026-11-18' }),
      override({ kind: 'no-meetings', name: 'toetsweek', start: '2027-01-25', end: '2027-01-29' }),
    ]);
    expect(calendar.closedReason('2026-11-18')).toBe('studiedag');
    expect(calendar.closedReason('2026-11-19')).toBeNull();
    expect(calendar.closedReason('2027-01-27')).toBe('toetsweek');
    expect(calendar.daysOff('2026-11-01', '2026-11-30')).toEqual([
      { start: '2026-11-18', end: '2026-11-18', kind: 'study-day', name: 'studiedag', source: 'school' },
    ]);
  });

  it('lists days off overlapping a range, sorted, including one that started before it', () => {
    const days = schoolCalendar('midden', []).daysOff('2026-08-15', '2026-10-31');
    expect(days.map((d) => `${d.start} ${d.name}`)).toEqual(['2026-07-18 zomervakantie', '2026-10-17 herfstvakantie']);
  });

  it('works without official data from public holidays and the school’s entries', () => {
    const calendar = schoolCalendar('midden', [
      override({ kind: 'holiday', name: 'herfstvakantie', start: '2030-10-19', end: '2030-10-27' }),
      override({ start: '2031-02-03', end: '2031-02-03' }),
    ]);
    expect(calendar.closedReason('2030-10-22')).toBe('herfstvakantie');
    expect(calendar.closedReason('2031-02-03')).toBe('studiedag');
    expect(calendar.closedReason('2031-04-26')).toBe('weekend'); // Koningsdag on a Saturday
    expect(calendar.closedReason('2031-05-23')).toBe('vrijdag na Hemelvaart'); // Easter 2031: 13 April
    expect(calendar.closedReason('2030-12-25')).toBe('Eerste Kerstdag');
    expect(calendar.closedReason('2030-12-23')).toBeNull(); // no official Christmas holiday known
    expect(calendar.daysOff('2030-08-01', '2031-07-31').some((d) => d.source === 'official')).toBe(false);
  });
});

describe('intake deadline', () => {
  it('counts school days back, skipping weekends, and never reaches back over a holiday', () => {
    const midden = schoolCalendar('midden', []);
    // Tue 2 March 2027, 5 school days before: Mon 1 March, then the count would run into voorjaarsvakantie
    // (20-28 Feb): the deadline is the first school day after it.
    expect(intakeDeadline('2027-03-02', 5, midden)).toEqual({
      date: '2027-03-01',
      note: 'eerste schooldag na de voorjaarsvakantie',
    });
    expect(intakeDeadline('2026-12-15', 5, midden)).toEqual({ date: '2026-12-08', note: null });
    expect(intakeDeadline('2026-12-15', 0, midden)).toEqual({ date: '2026-12-15', note: null });
  });
});

describe('a school open on a public holiday', () => {
  it('plans on Goede Vrijdag and Bevrijdingsdag once the school marks them as school days', () => {
    const open: CalendarOverride[] = [
      { id: 'gv', kind: 'school-day', name: 'school open', start: '2027-03-26', end: '2027-03-26', replaces: null },
      { id: 'bd', kind: 'school-day', name: 'school open', start: '2027-05-05', end: '2027-05-05', replaces: null },
    ];
    const usual = schoolCalendar('midden', []);
    const ours = schoolCalendar('midden', open);
    expect(usual.closedReason('2027-03-26')).toBe('Goede Vrijdag');
    expect(ours.closedReason('2027-03-26')).toBeNull();
    expect(ours.closedReason('2027-05-05')).toBeNull();
    // Only the public holiday opens: Tweede Paasdag and the weekend stay closed.
    expect(ours.closedReason('2027-03-29')).toBe('Tweede Paasdag');
    expect(ours.daysOff('2027-03-20', '2027-05-10').map((d) => d.name)).not.toContain('Goede Vrijdag');
    expect(ours.daysOff('2027-03-20', '2027-05-10').map((d) => d.name)).not.toContain('Bevrijdingsdag');
  });
});
