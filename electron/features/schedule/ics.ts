/** The year schedule as an iCalendar (.ics) file for Outlook, Google and Apple calendars. */
import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { ClockTime, IsoDate } from './types';

export interface IcsEvent {
  uid: string;
  title: string;
  date: IsoDate;
  startTime: ClockTime;
  durationMinutes: number;
  location: string;
  description: string;
  sequence: number;
  /** ISO timestamp of the last change; becomes DTSTAMP and LAST-MODIFIED. */
  updatedAt: string;
  /** A meeting that was removed: STATUS:CANCELLED takes it out of calendars that imported it. */
  cancelled?: boolean;
}

const TIME_ZONE = 'Europe/Amsterdam';

/**
 * The VTIMEZONE block for a zone. The library resolves links, so Europe/Amsterdam comes back as
 * Europe/Brussels (same rules); its TZID is renamed so it matches the events' TZID parameter.
 */
function vtimezone(zone: string): string | null {
  const result = tzlib_get_ical_block(zone);
  const block = Array.isArray(result) ? result[0] : undefined;
  if (!block?.startsWith('BEGIN:VTIMEZONE')) return null;
  return block.replace(/^(TZID|X-LIC-LOCATION):.*$/gm, `$1:${zone}`);
}

/** The wall-clock time in Amsterdam, whatever the computer's own time zone is. */
function amsterdam(date: IsoDate, time: ClockTime): TZDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new TZDate(year, month - 1, day, hours, minutes, TIME_ZONE);
}

/**
 * RFC 5545 TEXT allows no control character but a tab: with a stray one (a NUL, a vertical tab
 * pasted from Word) the file is no longer valid iCalendar. Line breaks stay, for the escape.
 */
const withoutControls = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g, '');

/**
 * A TEXT value as RFC 5545 (3.3.11) writes it: backslash, semicolon and comma escaped, a line
 * break as \n, so no value can end its line and start a property of its own.
 */
export function escapeIcsText(text: string): string {
  return withoutControls(text)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Stable UIDs with SEQUENCE and LAST-MODIFIED let a second import update the events instead of
 * duplicating them. DTSTAMP is the last change rather than "now", so equal input gives equal output.
 */
export function buildIcs(calendarName: string, events: IcsEvent[]): string {
  const calendar = ical({
    // The generator escapes event texts but writes the calendar's name as is: it is escaped here
    // (a name is one line, so a line break in it becomes a space). The generator folds every line.
    name: escapeIcsText(calendarName.replace(/[\r\n]+/g, ' ')),
    prodId: { company: 'Zorgoverleg', product: 'Zorgoverleg', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone name: that would write DTSTAMP/LAST-MODIFIED in local time instead of UTC.
    // The generator still emits a VTIMEZONE for every zone the events use.
    timezone: { name: null, generator: vtimezone },
  });
  for (const event of events) {
    const start = amsterdam(event.date, event.startTime);
    const updated = new Date(event.updatedAt);
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      timezone: TIME_ZONE,
      start,
      end: new TZDate(start.getTime() + event.durationMinutes * 60_000, TIME_ZONE),
      // The generator escapes these (backslash, ; , and line breaks); control characters go first.
      summary: withoutControls(event.title),
      location: withoutControls(event.location) || null,
      description: withoutControls(event.description) || null,
      stamp: updated,
      lastModified: updated,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
