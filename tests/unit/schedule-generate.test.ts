import { describe, expect, it } from 'vitest';
import { generateMeetingDates } from '../../electron/features/schedule/calendar/generate';
import { schoolCalendar } from '../../electron/features/schedule/calendar/school-calendar';
import type { SeriesRhythm } from '../../electron/features/schedule/types';

const midden = schoolCalendar('midden', []);

/** IOT: every 5 weeks on Tuesday 14:00, school year 2026-2027, region midden. */
const iot: SeriesRhythm = {
  intervalWeeks: 5,
  firstDate: '2026-09-01',
  until: '2027-07-16',
  startTime: '14:00',
  durationMinutes: 90,
  moveRule: 'week-after',
  continueFrom: 'grid',
};

/** "date" or "date<plannedDate note" for a moved one: compact enough to read the year at a glance. */
const summary = (rhythm: SeriesRhythm, calendar = midden) => {
  const { meetings, dropped } = generateMeetingDates(rhythm, calendar);
  return {
    meetings: meetings.map((m) => (m.note ? `${m.date} < ${m.plannedDate} ${m.note}` : m.date)),
    dropped: dropped.map((d) => `${d.plannedDate} ${d.note}`),
  };
};

describe('generateMeetingDates, IOT 2026-2027 in region midden', () => {
  it('follows the 5-week grid and moves the date in the spring holiday a week later', () => {
    // Grid: 1 Sep + k·35 days. Herfst (17–25 Oct) falls between 6 Oct and 10 Nov, kerst (19 Dec –
    // 3 Jan) between 15 Dec and 19 Jan, mei (24 Apr – 2 May) just before 4 May: the grid misses them.
    // 23 Feb lies in the voorjaarsvakantie (20–28 Feb) and moves to Tuesday 2 March.
    // 30 Mar is the day after Tweede Paasdag, 4 May the day before Bevrijdingsdag: both school days.
    // The next grid date, 17 Aug, is past `until`.
    expect(summary(iot)).toEqual({
      meetings: [
        '2026-09-01',
        '2026-10-06',
        '2026-11-10',
        '2026-12-15',
        '2027-01-19',
        '2027-03-02 < 2027-02-23 verschoven: voorjaarsvakantie',
        '2027-03-30',
        '2027-05-04',
        '2027-06-08',
        '2027-07-13',
      ],
      dropped: [],
    });
  });

  it('keeps every meeting out of the holidays, on Tuesday 14:00', () => {
    const holidays = midden.daysOff('2026-08-01', '2027-07-31').filter((d) => d.kind === 'holiday');
    expect(holidays.map((h) => h.name)).toEqual(
      expect.arrayContaining(['herfstvakantie', 'kerstvakantie', 'voorjaarsvakantie', 'meivakantie']),
    );
    for (const meeting of generateMeetingDates(iot, midden).meetings) {
      expect(holidays.filter((h) => h.start <= meeting.date && meeting.date <= h.end)).toEqual([]);
      expect(new Date(`${meeting.date}T12:00:00`).getDay()).toBe(2);
      expect(meeting.startTime).toBe('14:00');
    }
  });

  it('restarts the grid from the moved date with continueFrom "moved"', () => {
    // From 2 March: 6 Apr, 11 May, 15 Jun; 20 Jul is past `until`, so one meeting fewer.
    expect(summary({ ...iot, continueFrom: 'moved' })).toEqual({
      meetings: [
        '2026-09-01',
        '2026-10-06',
        '2026-11-10',
        '2026-12-15',
        '2027-01-19',
        '2027-03-02 < 2027-02-23 verschoven: voorjaarsvakantie',
        '2027-04-06',
        '2027-05-11',
        '2027-06-15',
      ],
      dropped: [],
    });
  });

  it('moves a week earlier with "week-before"', () => {
    // 23 Feb goes back to 16 Feb, the Tuesday before the holiday; the grid itself is unchanged.
    expect(summary({ ...iot, moveRule: 'week-before' }).meetings).toEqual([
      '2026-09-01',
      '2026-10-06',
      '2026-11-10',
      '2026-12-15',
      '2027-01-19',
      '2027-02-16 < 2027-02-23 verschoven: voorjaarsvakantie',
      '2027-03-30',
      '2027-05-04',
      '2027-06-08',
      '2027-07-13',
    ]);
  });

  it('combines "week-before" with "moved"', () => {
    // From 16 Feb: 23 Mar, then 27 Apr (meivakantie, also Koningsdag) goes back to 20 Apr; from
    // there 25 May and 29 Jun; 3 Aug is past `until`.
    expect(summary({ ...iot, moveRule: 'week-before', continueFrom: 'moved' }).meetings).toEqual([
      '2026-09-01',
      '2026-10-06',
      '2026-11-10',
      '2026-12-15',
      '2027-01-19',
      '2027-02-16 < 2027-02-23 verschoven: voorjaarsvakantie',
      '2027-03-23',
      '2027-04-20 < 2027-04-27 verschoven: meivakantie',
      '2027-05-25',
      '2027-06-29',
    ]);
  });
});

describe('generateMeetingDates, edge cases', () => {
  it('drops a date when the holiday is longer than the room between two meetings', () => {
    // Every 2 weeks a date may move at most 1 week: 22 Dec → 29 Dec is still kerstvakantie.
    // 27 Apr (meivakantie) moves to 4 May.
    expect(summary({ ...iot, intervalWeeks: 2 })).toEqual({
      meetings: [
        '2026-09-01',
        '2026-09-15',
        '2026-09-29',
        '2026-10-13',
        '2026-10-27',
        '2026-11-10',
        '2026-11-24',
        '2026-12-08',
        '2027-01-05',
        '2027-01-19',
        '2027-02-02',
        '2027-02-16',
        '2027-03-02',
        '2027-03-16',
        '2027-03-30',
        '2027-04-13',
        '2027-05-04 < 2027-04-27 verschoven: meivakantie',
        '2027-05-11',
        '2027-05-25',
        '2027-06-08',
        '2027-06-22',
        '2027-07-06',
      ],
      dropped: ['2026-12-22 vervalt: kerstvakantie'],
    });
  });

  it('never moves a weekly meeting: a closed date is dropped', () => {
    const { meetings, dropped } = generateMeetingDates({ ...iot, intervalWeeks: 1, firstDate: '2026-10-06', until: '2026-11-03' }, midden);
    expect(meetings.map((m) => m.date)).toEqual(['2026-10-06', '2026-10-13', '2026-10-27', '2026-11-03']);
    expect(dropped).toEqual([{ plannedDate: '2026-10-20', note: 'vervalt: herfstvakantie' }]);
  });

  it('never moves before the first date or past `until`', () => {
    // 20 Oct is in the herfstvakantie and is the first date: it cannot go back.
    expect(summary({ ...iot, intervalWeeks: 3, firstDate: '2026-10-20', until: '2026-11-20', moveRule: 'week-before' })).toEqual({
      meetings: ['2026-11-10'],
      dropped: ['2026-10-20 vervalt: herfstvakantie'],
    });
    // 23 Feb would move to 2 March, which is after `until`.
    expect(summary({ ...iot, firstDate: '2027-01-19', until: '2027-02-26' })).toEqual({
      meetings: ['2027-01-19'],
      dropped: ['2027-02-23 vervalt: voorjaarsvakantie'],
    });
  });

  it('steps more than one week when the first step is closed too', () => {
    // Every 4 weeks from Tuesday 24 Nov: 22 Dec and 29 Dec are kerstvakantie, 5 Jan is free.
    expect(summary({ ...iot, intervalWeeks: 4, firstDate: '2026-11-24', until: '2027-01-31' }).meetings).toEqual([
      '2026-11-24',
      '2027-01-05 < 2026-12-22 verschoven: kerstvakantie',
      '2027-01-19',
    ]);
  });

  it('uses the school’s own days off', () => {
    const calendar = schoolCalendar('midden', [
      { id: 's1', kind: 'study-day', name: 'studiedag', start: '2026-10-06', end: '2026-10-06', replaces: null },
    ]);
    expect(summary({ ...iot, until: '2026-11-30' }, calendar).meetings).toEqual([
      '2026-09-01',
      '2026-10-13 < 2026-10-06 verschoven: studiedag',
      '2026-11-10',
    ]);
  });

  it('drops every date of a series on a weekend day', () => {
    const { meetings, dropped } = generateMeetingDates({ ...iot, firstDate: '2026-09-05', until: '2026-10-31' }, midden);
    expect(meetings).toEqual([]);
    expect(dropped.map((d) => d.note)).toEqual(['vervalt: weekend', 'vervalt: weekend']);
  });

  it('rejects an interval that would never end', () => {
    expect(() => generateMeetingDates({ ...iot, intervalWeeks: 0 }, midden)).toThrow(RangeError);
  });
});
