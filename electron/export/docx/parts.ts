import {
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { contentWidth, LIST, STYLE, TABLE_LOOK, type Orientation } from './styles';

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
}

export const KEEP_TOGETHER_MAX_ROWS = 10;

/**
 * A plain text table in the house look. The header row repeats on every page and rows never
 * split across pages, so a printed table stays readable.
 */
export function simpleTable(options: SimpleTableOptions): Table {
  const total = contentWidth(options.orientation);
  const weightSum = options.columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = options.columns.map((column) => Math.floor((total * column.weight) / weightSum));

  const row = (texts: string[], isHeader: boolean, keepNext: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      keepNext,
      children: widths.map(
        (width, index) =>
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            shading: isHeader ? { fill: TABLE_LOOK.headerFill } : undefined,
            children: cellParagraphs(texts[index] ?? '', isHeader ? STYLE.tableHeader : STYLE.tableText),
          }),
      ),
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
      ...options.rows.map((texts, index) => row(texts, false, keepAll && index < lastIndex)),
    ],
  });
}

/** One paragraph per line, so text with line breaks stays on separate lines in the cell. */
function cellParagraphs(text: string, style: string): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ style, children: line === '' ? [] : [new TextRun(line)] }));
}

/** Some air after a table, since a table has no spacing of its own. */
export function spacer(): Paragraph {
  return new Paragraph({ style: STYLE.tableText, children: [] });
}
