import { HeadingLevel, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { schoolYearBounds, type ClockTime, type IsoDate, type SchoolYear } from '../../shared/school-year';
import { compactWeekdayDate, dateRange, deadlineDate, longDate, monthYear } from '../../shared/dutch-dates';
import { packUnderLetterhead, type Letterhead } from './letterhead';
import type { Logo } from './models';
import { bodyText, heading, mutedLine, simpleTable } from './parts';
import { CM, contentWidth, STYLE, TABLE_LOOK, type Orientation } from './styles';

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
  /** The school's logo in the letterhead; none when absent. */
  logo?: Logo | null;
  generatedOn: IsoDate;
  meetings: YearScheduleMeeting[];
  /** Holidays and study days of that school year. */
  daysOff: YearScheduleDayOff[];
}

const ORIENTATION: Orientation = 'portrait';

export async function buildYearScheduleDocx(doc: YearScheduleDocument): Promise<Buffer> {
  const title = `Jaarrooster zorgoverleggen ${doc.schoolYear}`;
  return packUnderLetterhead({
    school: doc.letterhead,
    logo: doc.logo ?? null,
    confidential: false,
    orientation: ORIENTATION,
    title,
    subject: `Data van de zorgoverleggen in schooljaar ${doc.schoolYear}`,
    children: [
      titleParagraph(title),
      mutedLine(subtitle(doc)),
      ...meetingsPart(doc.meetings, schoolYearBounds(doc.schoolYear).start),
      ...daysOffPart(doc.daysOff),
    ],
  });
}

/**
 * The letterhead's rule is a bottom border 6 pt under the header's text. When the header is taller
 * than the room above the top margin (a wrapped contact line, a long school name, a logo), the body
 * is pushed down to start right under the header, and LibreOffice leaves the rule's gap out of that:
 * the rule ran through the title. Space before the title keeps it clear however tall the header is.
 */
const TITLE_SPACE_BEFORE = 200;

function titleParagraph(title: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.TITLE,
    spacing: { before: TITLE_SPACE_BEFORE },
    children: [new TextRun(title)],
  });
}

function subtitle(doc: YearScheduleDocument): string {
  const school = doc.letterhead.schoolName.trim();
  const made = `gemaakt op ${longDate(doc.generatedOn)}`;
  return school === '' ? made : `${school}  ·  ${made}`;
}

/**
 * Widths in centimetres of the 17 cm between the margins, measured in a LibreOffice render with
 * Carlito (Calibri's metric twin) so "wo 30 sep", "13:30–15:00", "14-07-2026*", the header
 * "Aanmelden t/m" and "verschoven: voorjaarsvakantie" stay on one line. Opmerking takes the rest.
 */
const MEETING_COLUMNS: readonly { header: string; cm: number | null }[] = [
  { header: 'Datum', cm: 1.8 },
  { header: 'Tijd', cm: 2.1 },
  { header: 'Overleg', cm: 3.0 },
  { header: 'Locatie', cm: 2.6 },
  { header: 'Aanmelden t/m', cm: 2.6 },
  { header: 'Opmerking', cm: null },
];

function meetingColumnWidths(): number[] {
  const fixed = MEETING_COLUMNS.map((column) => (column.cm === null ? 0 : Math.round(column.cm * CM)));
  const rest = contentWidth(ORIENTATION) - fixed.reduce((sum, width) => sum + width, 0);
  return MEETING_COLUMNS.map((column, index) => (column.cm === null ? rest : (fixed[index] ?? 0)));
}

/**
 * A deadline that is not plain counting carries the number of the note under the table that says
 * why, in superscript: one number per deadline and reason, so each mark leads to its own note.
 */
type DeadlineNotes = Map<string, number>;

const noteKey = (meeting: YearScheduleMeeting) => `${meeting.intakeDeadline ?? ''}|${meeting.intakeDeadlineNote ?? ''}`;

function deadlineNoteNumbers(meetings: YearScheduleMeeting[]): DeadlineNotes {
  const numbers: DeadlineNotes = new Map();
  for (const meeting of meetings) {
    if (meeting.intakeDeadline === null || !meeting.intakeDeadlineNote) continue;
    if (!numbers.has(noteKey(meeting))) numbers.set(noteKey(meeting), numbers.size + 1);
  }
  return numbers;
}

const noteMark = (number: number) => new TextRun({ text: String(number), superScript: true });

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
  const months = byMonth(meetings);
  const notes = deadlineNoteNumbers([...months.values()].flat());
  parts.push(meetingsTable(months, yearStart, notes));
  parts.push(...deadlineNotes([...months.values()].flat(), yearStart, notes));
  return parts;
}

/**
 * One table for the whole year, so the columns line up from September to July and no space is
 * lost to a heading and header row per month; a month is a full-width row above its meetings.
 */
function meetingsTable(months: Map<string, YearScheduleMeeting[]>, yearStart: IsoDate, notes: DeadlineNotes): Table {
  const widths = meetingColumnWidths();
  const cell = (content: string | TextRun[], width: number, style: string, shaded: boolean, columnSpan?: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      columnSpan,
      shading: shaded ? { fill: TABLE_LOOK.headerFill } : undefined,
      children: [
        new Paragraph({
          style,
          children: typeof content !== 'string' ? content : content === '' ? [] : [new TextRun(content)],
        }),
      ],
    });
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      keepNext: true,
      children: MEETING_COLUMNS.map((column, index) => cell(column.header, widths[index] ?? 0, STYLE.tableHeader, true)),
    }),
  ];
  const fullWidth = contentWidth(ORIENTATION);
  for (const [month, inMonth] of months) {
    // A month keeps its rows together on one page (a month has at most a handful of meetings).
    rows.push(
      new TableRow({
        cantSplit: true,
        keepNext: true,
        children: [cell(month, fullWidth, STYLE.tableHeader, false, MEETING_COLUMNS.length)],
      }),
      ...inMonth.map(
        (meeting, index) =>
          new TableRow({
            cantSplit: true,
            keepNext: index < inMonth.length - 1,
            children: meetingRow(meeting, yearStart, notes).map((text, column) => cell(text, widths[column] ?? 0, STYLE.tableText, false)),
          }),
      ),
    );
  }
  return new Table({
    width: { size: fullWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_LOOK.borders,
    margins: TABLE_LOOK.cellMargins,
    rows,
  });
}

function meetingRow(meeting: YearScheduleMeeting, yearStart: IsoDate, notes: DeadlineNotes): (string | TextRun[])[] {
  return [
    compactWeekdayDate(meeting.date),
    `${meeting.startTime}–${meeting.endTime}`,
    meeting.seriesName,
    meeting.location,
    intakeCell(meeting, yearStart, notes),
    meeting.note ?? '',
  ];
}

function intakeCell(meeting: YearScheduleMeeting, yearStart: IsoDate, notes: DeadlineNotes): string | TextRun[] {
  if (meeting.intakeDeadline === null) return '';
  const date = deadlineDate(meeting.intakeDeadline, yearStart);
  const number = notes.get(noteKey(meeting));
  return number === undefined ? date : [new TextRun(date), noteMark(number)];
}

/** "¹ 31-08: eerste schooldag na de zomervakantie", once per deadline and reason, in the order of their numbers. */
function deadlineNotes(meetings: YearScheduleMeeting[], yearStart: IsoDate, notes: DeadlineNotes): Paragraph[] {
  const written = new Set<number>();
  return meetings.flatMap((meeting) => {
    const number = notes.get(noteKey(meeting));
    if (number === undefined || meeting.intakeDeadline === null || written.has(number)) return [];
    written.add(number);
    return [
      new Paragraph({
        style: STYLE.muted,
        children: [
          noteMark(number),
          new TextRun(` ${deadlineDate(meeting.intakeDeadline, yearStart)}: ${meeting.intakeDeadlineNote ?? ''}`),
        ],
      }),
    ];
  });
}

/** Meetings in date order, grouped under "september 2026"; months without meetings do not appear. */
function byMonth(meetings: YearScheduleMeeting[]): Map<string, YearScheduleMeeting[]> {
  const sorted = [...meetings].sort(
    (a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime) || a.seriesName.localeCompare(b.seriesName),
  );
  const months = new Map<string, YearScheduleMeeting[]>();
  for (const meeting of sorted) {
    const month = monthYear(meeting.date);
    months.set(month, [...(months.get(month) ?? []), meeting]);
  }
  return months;
}

const isWeekend = (date: string) => {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};

/**
 * Only the days that change the school week: a public holiday on a Sunday (Eerste Paasdag) or
 * inside a holiday (Nieuwjaarsdag in the Christmas holiday) adds a line and no information.
 */
export function daysThatMatter(daysOff: YearScheduleDayOff[]): YearScheduleDayOff[] {
  return daysOff.filter((day) => {
    if (day.start === day.end && isWeekend(day.start)) return false;
    return !daysOff.some(
      (other) => other !== day && other.start <= day.start && day.end <= other.end && (other.start !== day.start || other.end !== day.end),
    );
  });
}

function daysOffPart(daysOff: YearScheduleDayOff[]): (Paragraph | Table)[] {
  const parts: (Paragraph | Table)[] = [heading('Vakanties en vrije dagen')];
  if (daysOff.length === 0) {
    parts.push(bodyText('Er zijn voor dit schooljaar geen vakanties of vrije dagen bekend.'));
    return parts;
  }
  const sorted = daysThatMatter(daysOff).sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  parts.push(
    simpleTable({
      columns: [
        { header: 'Vakantie of vrije dag', weight: 2 },
        { header: 'Wanneer', weight: 3 },
      ],
      rows: sorted.map((day) => [day.name, dateRange(day.start, day.end)]),
      orientation: ORIENTATION,
      // A short list (up to KEEP_TOGETHER_MAX_ROWS): on one page, under its heading.
      keepTogether: true,
    }),
  );
  return parts;
}
