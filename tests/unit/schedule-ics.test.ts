import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIcs, escapeIcsText, type IcsEvent } from '../../electron/features/schedule/ics';

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

describe('text in a calendar file (RFC 5545)', () => {
  /** The names of the properties of each component, as an independent parser reads them. */
  const propertyNames = (text: string) => {
    const root = new ICAL.Component(ICAL.parse(text));
    return {
      calendar: root
        .getAllProperties()
        .map((p) => p.name)
        .sort(),
      events: root.getAllSubcomponents('vevent').map((e) =>
        e
          .getAllProperties()
          .map((p) => p.name)
          .sort(),
      ),
    };
  };
  const plain = propertyNames(buildIcs('Zorgoverleg', [november]));
  /** ical.js reads NAME and X-WR-CALNAME as raw values: RFC 5545's TEXT unescaping (3.3.11), done here. */
  const calendarName = (text: string) =>
    String(new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue('x-wr-calname') ?? '').replace(/\\([\\;,nN])/g, (_, c: string) =>
      c.toLowerCase() === 'n' ? '\n' : c,
    );
  /** Lines that start a property (a folded line starts with a space). */
  const propertyLines = (text: string) => text.split('\r\n').filter((line) => line !== '' && !line.startsWith(' '));

  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeIcsText('a\\b;c,d\r\ne\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeIcsText('Zorg: "IOT"')).toBe('Zorg: "IOT"');
  });

  it('a series name with a line break cannot add a property to an event', () => {
    const injected = 'ZAT\r\nATTENDEE:mailto:iemand@example.org\r\nX-EVIL:1';
    const text = buildIcs('Zorgoverleg', [
      {
        ...november,
        title: injected,
        location: `B.1.04\nORGANIZER:mailto:x@example.org`,
        description: 'a\rSTATUS:CANCELLED',
      },
    ]);
    expect(propertyLines(text).some((line) => /^(ATTENDEE|ORGANIZER|X-EVIL)/.test(line))).toBe(false);
    expect(propertyNames(text)).toEqual(plain);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('ZAT\nATTENDEE:mailto:iemand@example.org\nX-EVIL:1');
    expect(event.location).toBe('B.1.04\nORGANIZER:mailto:x@example.org');
    expect(String(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('status'))).toBe('CONFIRMED');
  });

  it("the calendar's name is escaped too: ; , \\ stay text, a line break becomes a space", () => {
    const text = buildIcs('IOT; onderbouw, havo\\vwo\r\nATTENDEE:mailto:x@example.org', []);
    expect(propertyLines(text).some((line) => line.startsWith('ATTENDEE'))).toBe(false);
    expect(text).toContain('X-WR-CALNAME:IOT\\; onderbouw\\, havo\\\\vwo ATTENDEE:mailto:x@example.org');
    expect(text).toContain('NAME:IOT\\; onderbouw\\, havo\\\\vwo ATTENDEE:mailto:x@example.org');
    expect(calendarName(text)).toBe('IOT; onderbouw, havo\\vwo ATTENDEE:mailto:x@example.org');
  });

  it('leaves control characters out: the file stays valid iCalendar', () => {
    const text = buildIcs('Zorg\u0000overleg\u000b', [
      { ...november, title: 'IOT\u0000\u001b[2J', location: 'B\u000c1', description: 'regel\u2028twee' },
    ]);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028]/);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect([event.summary, event.location, event.description]).toEqual(['IOT[2J', 'B1', 'regeltwee']);
  });

  it('folds long lines at 75 octets without splitting a character, and unfolds to the same text', () => {
    const title = `Zorgoverleg ${'é€🙂'.repeat(40)}`;
    const text = buildIcs(title, [{ ...november, title }]);
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      // Each line on its own is whole UTF-8: no character was cut in two.
      expect(Buffer.from(line).toString('utf8')).not.toContain('\ufffd');
    }
    expect(calendarName(text)).toBe(title);
    expect(new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!).summary).toBe(title);
  });

  it('property: whatever the texts, the file has the same properties and reads back the same texts', () => {
    const anyText = fc.string({
      unit: fc.oneof(
        fc.constantFrom('\r', '\n', '\r\n', ';', ',', '\\', ':', '"', 'ATTENDEE:', 'BEGIN:VEVENT', 'END:VCALENDAR', 'é', '🙂'),
        fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 120,
    });
    const stripped = (t: string) => t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g, '');
    fc.assert(
      fc.property(anyText, anyText, anyText, anyText, (name, title, location, description) => {
        const text = buildIcs(name, [{ ...november, title, location, description }]);
        const root = new ICAL.Component(ICAL.parse(text));
        const events = root.getAllSubcomponents('vevent');
        expect(events).toHaveLength(1);
        const names = propertyNames(text);
        const shownName = stripped(name.replace(/[\r\n]+/g, ' '));
        // A calendar without a name has no NAME or X-WR-CALNAME; nothing else may come or go.
        expect(names.calendar).toEqual(plain.calendar.filter((p) => shownName !== '' || !['name', 'x-wr-calname'].includes(p)));
        // An empty location or description is left out; nothing else may come or go.
        const expected = plain.events[0]!.filter(
          (p) => (p !== 'location' || stripped(location) !== '') && (p !== 'description' || stripped(description) !== ''),
        );
        expect(names.events[0]).toEqual(expected);
        const event = new ICAL.Event(events[0]!);
        const lines = (t: string) => stripped(t).replace(/\r\n|\r/g, '\n');
        expect(event.summary).toBe(lines(title));
        expect(event.location ?? '').toBe(lines(location));
        expect(event.description ?? '').toBe(lines(description));
        expect(calendarName(text)).toBe(shownName);
      }),
      { numRuns: 300 },
    );
  });
});
