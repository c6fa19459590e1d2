import ICAL from 'ical.js';
import JSZip from 'jszip';
import { compactWeekdayDate } from '../../electron/shared/dutch-dates';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/api/context';
import { DEMO_PASSPHRASE } from '../../electron/features/demo/demo-school';
import { schoolYearOf } from '../../electron/features/schedule/vocabulary';
import { call, callError, makeBackend, newSchool, tempDir } from '../helpers/backend';

const schoolYear = '2026-2027';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The UTC instant of a wall-clock time in Amsterdam, worked out with Intl (not with the code under test). */
function amsterdamToUtc(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const shown = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    hour12: false,
  }).format(guess);
  const offsetHours = Number(shown) - guess.getUTCHours();
  return new Date(guess.getTime() - offsetHours * 3_600_000).toISOString();
}

describe('schedule exports and calendar overrides', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  let seriesId: string;
  beforeEach(async () => {
    dir = tempDir();
    backend = makeBackend(dir.path);
    await call(backend, 'vault.create', newSchool);
    seriesId = (
      await call(backend, 'series.save', {
        id: null,
        name: 'IOT',
        kind: 'IOT',
        intervalWeeks: 5,
        weekday: 2,
        startTime: '14:00',
        durationMinutes: 90,
        location: 'Lokaal 1.12',
        chairId: null,
        secretaryId: null,
        withExternalPartners: false,
        intakeDeadlineSchoolDays: 5,
        moveRule: 'week-after',
        continueFrom: 'grid',
        color: 'teal',
        active: true,
        attendees: { staffIds: [], partnerIds: [] },
      })
    ).id;
    await call(backend, 'schedule.applyYear', { seriesId, schoolYear, firstDate: '2026-09-01' });
  });
  afterEach(() => {
    backend.lock();
    dir.cleanup();
  });

  it('the .ics export parses back with an independent parser: same meetings, same wall-clock times', async () => {
    const { meetings } = await call(backend, 'schedule.overview', { schoolYear });
    const { content } = await call(backend, 'schedule.exportIcs', { schoolYear, seriesId: null });
    const root = new ICAL.Component(ICAL.parse(content));
    for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    try {
      const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
      expect(events.map((e) => e.uid)).toEqual(meetings.map((m) => `${m.id}@zorgoverleg`));
      for (const [i, event] of events.entries()) {
        const m = meetings[i]!;
        expect(event.summary).toBe('IOT');
        // Winter and summer time alike: the instant is 14:00 on the Amsterdam clock.
        expect(event.startDate.toJSDate().toISOString()).toBe(amsterdamToUtc(m.date, m.startTime));
      }
      // The first meeting after the summer: the deadline is the first school day, with the reason; no year, as it lies in this school year.
      expect(events[0]!.description.split('\n')[0]).toBe('Aanmelden t/m 31-08 (eerste schooldag na de zomervakantie)');
      const october = events[meetings.findIndex((m) => m.date === '2026-10-06')]!;
      expect(october.description.split('\n')[0]).toBe('Aanmelden t/m 29-09');
    } finally {
      ICAL.TimezoneService.reset();
    }
  });

  it('the Word jaarrooster lists every meeting under the school letterhead', async () => {
    const { meetings } = await call(backend, 'schedule.overview', { schoolYear });
    const { contentBase64 } = await call(backend, 'schedule.exportDocx', { schoolYear });
    const zip = await JSZip.loadAsync(Buffer.from(contentBase64, 'base64'));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    const header = await zip.file(/word\/header\d*\.xml/)[0]!.async('string');
    expect(header).toContain(newSchool.schoolName);
    // One compact row per meeting: "di 1 sep", its time and its series.
    for (const m of meetings)
      expect(text).toMatch(new RegExp(`${compactWeekdayDate(m.date)}\\s+${m.startTime}–${m.endTime}\\s+${m.title}`));
    expect(text).toContain('verschoven: voorjaarsvakantie');
    // A deadline moved to after a holiday carries a note number, and the note under the table with that number says why.
    const note = (reason: string) => new RegExp(`(\\d+)\\s+${reason}`).exec(text)?.[1];
    const summer = note('31-08: eerste schooldag na de zomervakantie');
    const spring = note('01-03: eerste schooldag na de voorjaarsvakantie');
    expect(summer).toBeDefined();
    expect(spring).toBeDefined();
    expect(summer).not.toBe(spring);
    expect(text).toMatch(new RegExp(`31-08\\s+${summer}\\s`));
  });

  it('a school that moves its autumn holiday gets its meetings planned around the new dates', async () => {
    // Official herfstvakantie midden 2026: 17-25 October. This school takes 10-18 October instead.
    await call(backend, 'calendar.saveOverride', {
      id: null,
      kind: 'holiday',
      name: 'herfstvakantie',
      start: '2026-10-10',
      end: '2026-10-18',
      replaces: 'herfstvakantie',
    });
    const overview = await call(backend, 'schedule.overview', { schoolYear });
    const autumn = overview.daysOff.filter((d) => d.name === 'herfstvakantie');
    expect(autumn).toEqual([expect.objectContaining({ start: '2026-10-10', end: '2026-10-18', source: 'school' })]);
    // The series on Tuesday 13 October would now land in the school's own autumn holiday.
    const { id: weekly } = await call(backend, 'series.save', {
      id: null,
      name: 'LCO',
      kind: 'LCO',
      intervalWeeks: 1,
      weekday: 2,
      startTime: '08:15',
      durationMinutes: 45,
      location: '',
      chairId: null,
      secretaryId: null,
      withExternalPartners: false,
      intakeDeadlineSchoolDays: 0,
      moveRule: 'week-after',
      continueFrom: 'grid',
      color: 'blue',
      active: true,
      attendees: { staffIds: [], partnerIds: [] },
    });
    const preview = await call(backend, 'schedule.previewYear', {
      seriesId: weekly,
      schoolYear,
      firstDate: '2026-10-06',
    });
    const dates = preview.add.map((a) => a.to!.date);
    expect(dates).not.toContain('2026-10-13');
    expect(dates).toContain('2026-10-20');
  });

  it('ad hoc meetings: by appointment series cannot be generated, and a hand-typed name stays out of the calendar', async () => {
    const { id: flex } = await call(backend, 'series.save', {
      id: null,
      name: 'FlexZAT',
      kind: 'FlexZAT',
      intervalWeeks: null,
      weekday: null,
      startTime: '09:00',
      durationMinutes: 60,
      location: 'Spreekkamer',
      chairId: null,
      secretaryId: null,
      withExternalPartners: true,
      intakeDeadlineSchoolDays: 2,
      moveRule: 'week-after',
      continueFrom: 'grid',
      color: 'blue',
      active: true,
      attendees: { staffIds: [], partnerIds: [] },
    });
    const refused = await callError(backend, 'schedule.previewYear', {
      seriesId: flex,
      schoolYear,
      firstDate: '2026-09-02',
    });
    expect(refused.message).toBe('FlexZAT is "op afspraak": plan die overleggen één voor één.');
    const nobody = { chairId: null, secretaryId: null, attendees: { staffIds: [], partnerIds: [] } };
    await call(backend, 'meetings.save', {
      id: null,
      seriesId: flex,
      title: 'FlexZAT',
      date: '2026-11-25',
      startTime: '09:00',
      durationMinutes: 60,
      location: 'Spreekkamer',
      note: null,
      ...nobody,
    });
    await call(backend, 'meetings.save', {
      id: null,
      seriesId: null,
      title: 'MDO Sanne',
      date: '2026-11-26',
      startTime: '15:00',
      durationMinutes: 60,
      location: '',
      note: null,
      ...nobody,
    });
    const { meetings } = await call(backend, 'schedule.overview', { schoolYear });
    expect(meetings.find((m) => m.date === '2026-11-25')).toMatchObject({
      title: 'FlexZAT',
      intakeDeadline: '2026-11-23',
      intakeDeadlineNote: null,
    });
    expect(meetings.find((m) => m.date === '2026-11-26')).toMatchObject({
      title: 'MDO Sanne',
      seriesId: null,
      intakeDeadline: null,
      intakeDeadlineNote: null,
    });
    const { content } = await call(backend, 'schedule.exportIcs', { schoolYear, seriesId: null });
    expect(content).not.toContain('Sanne');
    expect(content).toContain('SUMMARY:Overleg');
    expect(content).toContain('SUMMARY:FlexZAT');
  });

  it('a series can be made inactive and back', async () => {
    const [series] = await call(backend, 'series.list', {});
    await call(backend, 'series.save', { ...series!, active: false });
    expect((await call(backend, 'series.list', {}))[0]!.active).toBe(false);
    expect((await call(backend, 'schedule.overview', { schoolYear })).series[0]!.active).toBe(false);
  });
});

/**
 * The demo derives every date from the day it is opened. Opened on a day in autumn, in June (the
 * last weeks of a school year) and in the summer holiday, it has the same shape; the clock is
 * faked (only Date), so the handler's own `today()` is the reference date.
 */
describe.each([
  ['an autumn day', '2026-11-10'],
  ['a June day', '2027-06-16'],
  ['the summer holiday', '2027-07-14'],
])('the demo school opened on %s (%s)', (_label, referenceDate) => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${referenceDate}T10:00:00`));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('has a year plan: IOT, ZAT and OT every five weeks and a few FlexZAT appointments in the coming weeks', async () => {
    const dir = tempDir();
    const backend = makeBackend(dir.path);
    try {
      const demo = await call(backend, 'demo.open', {});
      const { environments } = await call(backend, 'vault.status', {});
      const env = environments.find((e) => e.id === demo.environmentId)!;
      await call(backend, 'vault.unlock', {
        environmentId: env.id,
        userId: env.users[0]!.id,
        passphrase: DEMO_PASSPHRASE,
      });
      const series = await call(backend, 'series.list', {});
      expect(series.map((s) => [s.kind, s.intervalWeeks])).toEqual([
        ['FlexZAT', null],
        ['IOT', 5],
        ['OT', 5],
        ['ZAT', 5],
      ]);
      const year = schoolYearOf(referenceDate);
      const thisYear = await call(backend, 'schedule.overview', { schoolYear: year });
      for (const kind of ['IOT', 'ZAT', 'OT bovenbouw'])
        expect(thisYear.meetings.filter((m) => m.title === kind).length).toBeGreaterThanOrEqual(7);
      // Appointments by hand in the coming weeks: late in the year they fall after the summer, in the next school year.
      const nextYear = await call(backend, 'schedule.overview', {
        schoolYear: schoolYearOf(addDays(referenceDate, 365)),
      });
      const flex = [...thisYear.meetings, ...nextYear.meetings].filter((m) => m.title === 'FlexZAT').map((m) => m.date);
      expect(flex).toHaveLength(3);
      for (const date of flex) {
        expect(date > referenceDate && date < addDays(referenceDate, 90)).toBe(true);
        expect(new Date(`${date}T12:00:00Z`).getUTCDay()).toBe(3);
      }
      for (const { meetings, daysOff } of [thisYear, nextYear]) {
        for (const m of meetings) expect(daysOff.some((d) => d.start <= m.date && m.date <= d.end)).toBe(false);
      }
      expect(series.find((s) => s.kind === 'ZAT')!.attendees.partnerIds.length).toBeGreaterThan(0);
    } finally {
      backend.lock();
      dir.cleanup();
    }
  });
});
