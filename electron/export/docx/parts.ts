import {
  BorderStyle,
  HeadingLevel,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { longDate, numericDate, weekdayLongDate } from '../../shared/dutch-dates';
import type { ActionLine, MeetingHeading, Presence } from './models';
import { COLOR, contentWidth, FONT_SIZE, LIST, STYLE, TABLE_LOOK, type Orientation } from './styles';

/** Small building blocks shared by every document; each one only knows the house style. */

/** The document title with an optional muted line under it (school, date made). */
export function titleBlock(title: string, subtitle?: string): Paragraph[] {
  const blocks = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] })];
  if (subtitle !== undefined && subtitle.trim() !== '') blocks.push(mutedLine(subtitle));
  return blocks;
}

export function heading(text: string, level: 1 | 2 = 1): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: [new TextRun(text)],
  });
}

export function bodyText(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)] });
}

export function mutedLine(text: string): Paragraph {
  return new Paragraph({ style: STYLE.muted, children: [new TextRun(text)] });
}

export function bulletItem(text: string, level = 0): Paragraph {
  return new Paragraph({ numbering: { reference: LIST.bullet, level }, children: [new TextRun(text)] });
}

/** For documents about students: a reminder that travels with every printout. */
export function confidentialNote(
  text = 'Vertrouwelijk: bevat persoonsgegevens van leerlingen. Niet verspreiden buiten het ondersteuningsteam.',
): Paragraph {
  return new Paragraph({ style: STYLE.confidential, children: [new TextRun(text)] });
}

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the page width in proportion. */
  weight: number;
}

export interface SimpleTableOptions {
  columns: TableColumn[];
  rows: string[][];
  orientation?: Orientation;
  /**
   * Keep a short table (up to KEEP_TOGETHER_MAX_ROWS rows) on one page. A longer one may break, or
   * a table taller than a page would leave an empty page behind its heading.
   */
  keepTogether?: boolean;
  /** With `keepTogether`: the last row stays with what follows too (a second table of the same block). */
  keepWithNext?: boolean;
}

export const KEEP_TOGETHER_MAX_ROWS = 10;

/**
 * A plain text table in the house look. The header row repeats on every page and rows never
 * split across pages, so a printed table stays readable.
 */
export function simpleTable(options: SimpleTableOptions): Table {
  return richTable(options);
}

/** What a table cell holds: plain text (a line break starts a new line), or paragraphs made with `tableParagraph`. */
export type TableCellContent = string | Paragraph[];

export interface RichTableOptions extends Omit<SimpleTableOptions, 'rows'> {
  rows: TableCellContent[][];
}

/** `simpleTable` for cells that need more than plain text: struck-through titles, marks, a muted second line. */
export function richTable(options: RichTableOptions): Table {
  const total = contentWidth(options.orientation);
  const weightSum = options.columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = options.columns.map((column) => Math.floor((total * column.weight) / weightSum));

  const row = (cells: TableCellContent[], isHeader: boolean, keepNext: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      keepNext,
      children: widths.map((width, index) => {
        const content = cells[index] ?? '';
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          shading: isHeader ? { fill: TABLE_LOOK.headerFill } : undefined,
          children:
            typeof content === 'string'
              ? cellParagraphs(content, isHeader ? STYLE.tableHeader : STYLE.tableText)
              : content.length === 0
                ? [new Paragraph({ style: STYLE.tableText, children: [] })]
                : content,
        });
      }),
    });

  const lastIndex = options.rows.length - 1;
  const keepAll = options.keepTogether === true && options.rows.length <= KEEP_TOGETHER_MAX_ROWS;
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_LOOK.borders,
    margins: TABLE_LOOK.cellMargins,
    rows: [
      // The header always stays with the first row, so a heading and its table never part.
      row(
        options.columns.map((column) => column.header),
        true,
        true,
      ),
      ...options.rows.map((cells, index) => row(cells, false, keepAll && (index < lastIndex || options.keepWithNext === true))),
    ],
  });
}

/** One line in a rich table cell; `muted` for a second, smaller line such as guests or a meeting. */
export function tableParagraph(children: (TextRun | string)[], options: { muted?: boolean } = {}): Paragraph {
  const runs = children.map((child) =>
    typeof child !== 'string'
      ? child
      : options.muted === true
        ? new TextRun({ text: child, color: COLOR.muted, size: FONT_SIZE.small })
        : new TextRun(child),
  );
  return new Paragraph({ style: STYLE.tableText, children: runs });
}

/** One paragraph per line, so text with line breaks stays on separate lines in the cell. */
function cellParagraphs(text: string, style: string): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ style, children: line === '' ? [] : [new TextRun(line)] }));
}

/**
 * Some air after a table, since a table has no spacing of its own; `keepNext` between two tables
 * that stay together. The air is spacing after a line of 1 pt, not an empty line: at the foot of a
 * page spacing is dropped, where an empty line after a table that just fits would take a page of
 * its own (Word wants a paragraph after a table that ends a document).
 */
export function spacer(keepNext = false): Paragraph {
  return new Paragraph({
    style: STYLE.tableText,
    keepNext,
    spacing: { before: 0, after: 200, line: 20, lineRule: LineRuleType.EXACT },
    children: [],
  });
}

/**
 * Text with line breaks as separate paragraphs, as the secretary typed it; blank lines are dropped,
 * since paragraphs have their own spacing. Intern (team-only) text gets a line in the margin, so a
 * reader sees where it ends.
 */
export function textParagraphs(text: string, options: { intern?: boolean; keepWithNext?: boolean } = {}): Paragraph[] {
  const intern = options.intern === true;
  const keep = options.keepWithNext === true ? { keepNext: true, keepLines: true } : {};
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(
      (line) =>
        new Paragraph({
          ...keep,
          ...(intern
            ? {
                indent: { left: 140 },
                border: { left: { style: BorderStyle.SINGLE, size: 12, color: COLOR.confidential, space: 6 } },
              }
            : {}),
          children: [new TextRun(line)],
        }),
    );
}

/** Struck-through text, for an item that lapsed but stays visible so nobody wonders where it went. */
export function struckRun(text: string): TextRun {
  return new TextRun({ text, strike: true, color: COLOR.muted });
}

export type MarkTone = 'confidential' | 'change';

const MARK_LOOK: Record<MarkTone, { color: string; fill: string }> = {
  confidential: { color: COLOR.confidential, fill: 'F6E4E4' },
  change: { color: COLOR.accent, fill: COLOR.tableHeaderFill },
};

/**
 * A small shaded tag in running text ("besloten", "toegevoegd", "Intern"), preceded by a space so
 * it can follow a title directly. Shading rather than colour alone, so it shows in black and white too.
 */
export function markRun(text: string, tone: MarkTone): TextRun[] {
  const look = MARK_LOOK[tone];
  return [
    new TextRun(' '),
    new TextRun({
      text: ` ${text} `,
      bold: true,
      size: FONT_SIZE.small,
      color: look.color,
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: look.fill },
    }),
  ];
}

/** The mark on team-only text in minutes and dossier extracts. */
export function internMark(): TextRun[] {
  return markRun('Intern', 'confidential');
}

export interface Fact {
  label: string;
  /** One line, or several (one attendee a line). */
  value: string | string[];
}

/**
 * "Datum  donderdag 12 november 2026" and the like: a borderless two-column table with the labels
 * muted on the left, so the facts line up without tab stops. Facts with no value are left out;
 * with none left, an empty paragraph, since Word refuses a table without rows.
 */
export function factsTable(facts: Fact[], orientation: Orientation = 'portrait'): Table | Paragraph {
  const total = contentWidth(orientation);
  const labelWidth = Math.round(total * 0.24);
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
  const shown = facts.filter((fact) => (typeof fact.value === 'string' ? fact.value.trim() !== '' : fact.value.length > 0));
  if (shown.length === 0) return spacer();
  const cell = (children: Paragraph[], width: number) => new TableCell({ width: { size: width, type: WidthType.DXA }, children });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [labelWidth, total - labelWidth],
    layout: TableLayoutType.FIXED,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    margins: { top: 20, bottom: 20, left: 0, right: 80 },
    rows: shown.map(
      (fact, index) =>
        new TableRow({
          cantSplit: true,
          // Facts are a block: keep them on one page together.
          keepNext: index < shown.length - 1,
          children: [
            cell(
              [
                new Paragraph({
                  style: STYLE.tableText,
                  children: [new TextRun({ text: fact.label, color: COLOR.muted })],
                }),
              ],
              labelWidth,
            ),
            cell(
              (typeof fact.value === 'string' ? [fact.value] : fact.value).map(
                (line) => new Paragraph({ style: STYLE.tableText, children: [new TextRun(line)] }),
              ),
              total - labelWidth,
            ),
          ],
        }),
    ),
  });
}

/**
 * A decision, set apart with a line in the margin and in bold so it is found at a glance.
 * Printed as the domain wrote it ("Besluit: Basisondersteuning").
 */
export function decisionParagraph(text: string): Paragraph {
  return new Paragraph({
    indent: { left: 140 },
    border: { left: { style: BorderStyle.SINGLE, size: 18, color: COLOR.accent, space: 6 } },
    spacing: { before: 80, after: 160 },
    keepLines: true,
    // With the heading above it, the decision never ends a page without the case's text.
    keepNext: true,
    children: [new TextRun({ text, bold: true })],
  });
}

/** "volgende overleg", "12-11-2026", or nothing when no deadline is set. */
export function actionDue(due: ActionLine['due']): string {
  if (due === null) return '';
  if (due === 'volgende-overleg') return 'volgende overleg';
  return numericDate(due);
}

/**
 * Widths in millimetres of the 17 cm between portrait margins: "uit IOT 12-11-2026", "12-11-2026",
 * "volgende overleg" and "Kwadraad" fit on one line in 9.5 pt, so no date breaks at a hyphen.
 */
export const ACTION_COLUMNS: TableColumn[] = [
  { header: 'Nr', weight: 30 },
  { header: 'Wat', weight: 74 },
  { header: 'Wie', weight: 21 },
  { header: 'Wanneer', weight: 28 },
  { header: 'Status', weight: 17 },
];

/** The word beside the date of an action still open after it, in every document with actions. */
export const OVERDUE_MARK = 'over tijd';

/** "20-10-2026 (over tijd)", as the Acties page says it: the date, and a bold mark when the action is overdue. */
export function dueCell(due: ActionLine['due'], overdue: boolean, options: { markOnOwnLine?: boolean } = {}): TableCellContent {
  const date = actionDue(due);
  if (!overdue) return date;
  const look = { bold: true, color: COLOR.confidential } as const;
  if (date === '') return [tableParagraph([new TextRun({ text: `(${OVERDUE_MARK})`, ...look })])];
  // In a narrow column the mark goes under the date whole, not split as "(over" and "tijd)";
  // the space before the break keeps date and mark apart for whoever reads the text out.
  if (options.markOnOwnLine === true) return [tableParagraph([`${date} `, new TextRun({ text: `(${OVERDUE_MARK})`, break: 1, ...look })])];
  return [tableParagraph([date, new TextRun({ text: ` (${OVERDUE_MARK})`, ...look })])];
}

/** The actions of minutes and extracts: Nr, Wat, Wie, Wanneer, Status. */
export function actionTable(actions: ActionLine[], orientation: Orientation = 'portrait', options: { keepWithNext?: boolean } = {}): Table {
  return richTable({
    columns: ACTION_COLUMNS,
    rows: actions.map((action) => [
      actionNumberCell(action.number),
      action.what,
      action.holder ?? '',
      dueCell(action.due, action.overdue === true, { markOnOwnLine: true }),
      action.status,
    ]),
    orientation,
    keepTogether: true,
    keepWithNext: options.keepWithNext,
  });
}

/** "3.2 uit IOT 12-11-2026" as "3.2" with "uit IOT" and the date muted under it, so the date stays whole. */
function actionNumberCell(number: string): TableCellContent {
  const carried = /^(\S+) (uit .+)$/.exec(number);
  if (carried === null) return number;
  return [tableParagraph([carried[1] ?? '']), ...meetingLines(carried[2] ?? '')];
}

/**
 * A meeting under an action's number, muted: its name, then its date on a line of its own, so a
 * narrow column never breaks "12-11-2026" at a hyphen ("IOT onderbouw" wraps between words).
 */
export function meetingLines(meeting: string): Paragraph[] {
  const dated = /^(.*\S)\s+(\d{2}-\d{2}-\d{4})$/.exec(meeting);
  const lines = dated === null ? [meeting] : [dated[1] ?? '', dated[2] ?? ''];
  return lines.map((line) => tableParagraph([line], { muted: true }));
}

/**
 * "Datum", "Tijd", "Plaats", chair and secretary of a meeting, for the facts block under a title.
 * `withTitle` names the meeting itself, for a document whose title does not (an extract).
 */
export function meetingFacts(meeting: MeetingHeading, options: { withTitle?: boolean } = {}): Fact[] {
  return [
    { label: 'Overleg', value: options.withTitle === true ? meeting.title : (meeting.seriesName ?? '') },
    { label: 'Datum', value: weekdayLongDate(meeting.date) },
    { label: 'Tijd', value: `${meeting.startTime}–${meeting.endTime}` },
    { label: 'Plaats', value: meeting.location },
    { label: 'Voorzitter', value: meeting.chair ?? '' },
    { label: 'Notulist', value: meeting.secretary ?? '' },
  ];
}

/**
 * Who was there, one person a line; a group nobody is in is left out. `compact`: the names of a
 * group run on ("Anna Wolters, Bram Groen, …"), for an extract, where the student's part matters
 * more than the attendance and should fit on its page.
 */
export function presenceFacts(presence: Presence, options: { compact?: boolean } = {}): Fact[] {
  const names = (people: string[]) => (options.compact === true ? people.join(', ') : people);
  return [
    { label: 'Aanwezig', value: names(presence.present) },
    { label: 'Afwezig met bericht', value: names(presence.absentWithNotice) },
    { label: 'Afwezig', value: names(presence.absent) },
    { label: 'Aanwezigheid niet bijgehouden', value: names(presence.unknown) },
  ];
}

/** "gemaakt op 5 november 2026", the muted line under a title. */
export function generatedLine(generatedOn: string): string {
  return `gemaakt op ${longDate(generatedOn)}`;
}
