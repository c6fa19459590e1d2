import { Packer, type Paragraph, type Table } from 'docx';
import { schoolYearBounds } from '../../features/schedule/calendar/official-holidays';
import type { ClockTime, IsoDate, SchoolYear } from '../../features/schedule/types';
import { dateRange, deadlineDate, longDate, monthYear, shortWeekdayDate } from '../../shared/dutch-dates';
import { letterhead, type Letterhead } from './letterhead';
import { bodyText, heading, mutedLine, simpleTable, titleBlock } from './parts';
import { createDocument, type Orientation } from './styles';

export interface YearScheduleMeeting {
  date: IsoDate;
  startTime: ClockTime;
  endTime: ClockTime;
  seriesName: string;
  location: string;
  /** "verschoven: herfstvakantie" */
  note: string | null;
  intakeDeadline: IsoDate | null;
  /** Why the deadline is not plain counting ("eerste schooldag na de zomervakantie"), or null. */
  intakeDeadlineNote: string | null;
}

export interface YearScheduleDayOff {
  start: IsoDate;
  end: IsoDate;
  name: string;
}

export interface YearScheduleDocument {
  schoolYear: SchoolYear;
  letterhead: Letterhead;
  generatedOn: IsoDate;
  meetings: YearScheduleMeeting[];
  /** Holidays and study days of that school year. */
  daysOff: YearScheduleDayOff[];
}

const ORIENTATION: Orientation = 'portrait';

export async function buildYearScheduleDocx(doc: YearScheduleDocument): Promise<Buffer> {
  const title = `Jaarrooster zorgoverleggen ${doc.schoolYear}`;
  const { header, footer } = letterhead(doc.letterhead, ORIENTATION);
  const document = createDocument({
    title,
    subject: `Data van de zorgoverleggen in schooljaar ${doc.schoolYear}`,
    sections: [
      {
        orientation: ORIENTATION,
        headers: { default: header },
        footers: { default: footer },
        children: [
          ...titleBlock(title, subtitle(doc)),
          ...meetingsPart(doc.meetings, schoolYearBounds(doc.schoolYear).start),
          ...daysOffPart(doc.daysOff),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function subtitle(doc: YearScheduleDocument): string {
  const school = doc.letterhead.schoolName.trim();
  const made = `gemaakt op ${longDate(doc.generatedOn)}`;
  return school === '' ? made : `${school}  ·  ${made}`;
}

/**
 * Weights in millimetres of the 17 cm between the margins: measured so "wo 30 september",
 * "Vergaderkamer", "Aanmelden t/m" and "verschoven: herfstvakantie" each fit on one line in portrait.
 */
const MEETING_COLUMNS = [
  { header: 'Datum', weight: 27 },
  { header: 'Tijd', weight: 21 },
  { header: 'Overleg', weight: 26 },
  { header: 'Locatie', weight: 27 },
  { header: 'Aanmelden t/m', weight: 28 },
  { header: 'Opmerking', weight: 41 },
];

/** Marks a deadline that is not plain counting; the line under the month's table says why. */
const NOTE_MARK = '*';

/** `yearStart`: a day of the document's school year, so a deadline outside it shows its year. */
function meetingsPart(meetings: YearScheduleMeeting[], yearStart: IsoDate): (Paragraph | Table)[] {
  const parts: (Paragraph | Table)[] = [heading('Overleggen')];
  if (meetings.length === 0) {
    parts.push(bodyText('Er zijn voor dit schooljaar nog geen overleggen gepland.'));
    return parts;
  }
  if (meetings.some((meeting) => meeting.intakeDeadline !== null)) {
    parts.push(mutedLine('Aanmelden t/m: de laatste dag om een leerling voor dat overleg aan te melden.'));
  }
  for (const [month, inMonth] of byMonth(meetings)) {
    parts.push(
      heading(month, 2),
      simpleTable({
        columns: MEETING_COLUMNS,
        rows: inMonth.map((meeting) => meetingRow(meeting, yearStart)),
        orientation: ORIENTATION,
        keepTogether: true,
      }),
      ...deadlineNotes(inMonth, yearStart).map(mutedLine),
    );
  }
  return parts;
}

function meetingRow(meeting: YearScheduleMeeting, yearStart: IsoDate): string[] {
  return [
    shortWeekdayDate(meeting.date),
    `${meeting.startTime}–${meeting.endTime}`,
    meeting.seriesName,
    meeting.location,
    intakeCell(meeting, yearStart),
    meeting.note ?? '',
  ];
}

function intakeCell(meeting: YearScheduleMeeting, yearStart: IsoDate): string {
  if (meeting.intakeDeadline === null) return '';
  const date = deadlineDate(meeting.intakeDeadline, yearStart);
  return meeting.intakeDeadlineNote ? `${date}${NOTE_MARK}` : date;
}

/** "* 31-08: eerste schooldag na de zomervakantie", once per deadline and reason in the month. */
function deadlineNotes(meetings: YearScheduleMeeting[], yearStart: IsoDate): string[] {
  const lines = meetings.flatMap((meeting) =>
    meeting.intakeDeadline !== null && meeting.intakeDeadlineNote
      ? [`${NOTE_MARK} ${deadlineDate(meeting.intakeDeadline, yearStart)}: ${meeting.intakeDeadlineNote}`]
      : [],
  );
  return [...new Set(lines)];
}

/** Meetings in date order, grouped under "september 2026"; months without meetings do not appear. */
function byMonth(meetings: YearScheduleMeeting[]): Map<string, YearScheduleMeeting[]> {
  const sorted = [...meetings].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.startTime.localeCompare(b.startTime) ||
      a.seriesName.localeCompare(b.seriesName),
  );
  const months = new Map<string, YearScheduleMeeting[]>();
  for (const meeting of sorted) {
    const month = monthYear(meeting.date);
    months.set(month, [...(months.get(month) ?? []), meeting]);
  }
  return months;
}

function daysOffPart(daysOff: YearScheduleDayOff[]): (Paragraph | Table)[] {
  const parts: (Paragraph | Table)[] = [heading('Vakanties en vrije dagen')];
  if (daysOff.length === 0) {
    parts.push(bodyText('Er zijn voor dit schooljaar geen vakanties of vrije dagen bekend.'));
    return parts;
  }
  const sorted = [...daysOff].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  parts.push(
    simpleTable({
      columns: [
        { header: 'Vakantie of vrije dag', weight: 2 },
        { header: 'Wanneer', weight: 3 },
      ],
      rows: sorted.map((day) => [day.name, dateRange(day.start, day.end)]),
      orientation: ORIENTATION,
    }),
  );
  return parts;
}
