import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIcs, type IcsEvent } from '../../electron/features/schedule/ics';

const november: IcsEvent = {
  uid: 'meeting-1@zorgoverleg',
  title: 'IOT leerjaar 2',
  date: '2026-11-10',
  startTime: '14:00',
  durationMinutes: 90,
  location: 'Lokaal B.1.04',
  description: 'Bespreking; leerlingen, zorgen\nTweede regel',
  sequence: 0,
  updatedAt: '2026-08-20T10:15:00.000Z',
};
const april: IcsEvent = {
  ...november,
  uid: 'meeting-2@zorgoverleg',
  title: 'IOT leerjaar 2 — een titel die lang genoeg is om over meerdere regels gevouwen te worden',
  date: '2027-04-06',
  location: '',
  sequence: 3,
  updatedAt: '2027-01-05T08:00:00.000Z',
};

/** Parses with ical.js (independent of the generator) and resolves TZIDs through the file's own VTIMEZONE. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const zones = root.getAllSubcomponents('vtimezone');
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  return { root, zones, events };
}

describe('buildIcs', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
    ICAL.TimezoneService.reset();
  });

  it('round-trips through an independent parser with the right instants', () => {
    const text = buildIcs('Zorgoverleg jaarrooster', [november, april]);
    const { root, zones, events } = parse(text);

    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Zorgoverleg jaarrooster');
    expect(String(root.getFirstPropertyValue('prodid'))).toContain('Zorgoverleg');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Amsterdam']);

    expect(events.map((e) => [e.uid, e.summary, e.location, e.sequence])).toEqual([
      [november.uid, november.title, november.location, 0],
      [april.uid, april.title, null, 3],
    ]);
    expect(events[0]!.description).toBe(november.description);

    // 14:00 stays 14:00 on the wall clock: winter time is UTC+1, summer time UTC+2.
    const [first, second] = events;
    expect(first!.startDate.zone?.tzid).toBe('Europe/Amsterdam');
    expect(second!.startDate.zone?.tzid).toBe('Europe/Amsterdam');
    expect(first!.startDate.toJSDate().toISOString()).toBe('2026-11-10T13:00:00.000Z');
    expect(first!.endDate.toJSDate().toISOString()).toBe('2026-11-10T14:30:00.000Z');
    expect(second!.startDate.toJSDate().toISOString()).toBe('2027-04-06T12:00:00.000Z');

    // DTSTAMP and LAST-MODIFIED in UTC, from updatedAt.
    const vevent = root.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-08-20T10:15:00Z');
    expect(vevent.getFirstPropertyValue('last-modified')?.toString()).toBe('2026-08-20T10:15:00Z');
  });

  it('writes RFC 5545 lines: CRLF endings, folded at 75 octets, TZID on start and end', () => {
    const text = buildIcs('Zorgoverleg', [november, april]);
    expect(text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20261110T140000');
    expect(text).toContain('DTEND;TZID=Europe/Amsterdam:20261110T153000');
    expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20270406T140000');
  });

  it('is deterministic: the same input gives the same file and UIDs', () => {
    const once = buildIcs('Zorgoverleg', [november, april]);
    const twice = buildIcs('Zorgoverleg', [november, april]);
    expect(twice).toBe(once);
    expect(parse(twice).events.map((e) => e.uid)).toEqual([november.uid, april.uid]);
  });

  it('does not depend on the computer’s own time zone', () => {
    const amsterdam = buildIcs('Zorgoverleg', [november, april]);
    process.env.TZ = 'America/New_York';
    expect(buildIcs('Zorgoverleg', [november, april])).toBe(amsterdam);
  });
});

describe('calendar names', () => {
  it('a line break in a series name cannot add a property to the calendar', () => {
    const out = buildIcs('ZAT\r\nX-EVIL:1', []);
    expect(out).not.toMatch(/^X-EVIL/m);
    expect(out).toContain('X-WR-CALNAME:ZAT X-EVIL:1');
  });
});
