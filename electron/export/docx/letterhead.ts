import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { COLOR, contentWidth, STYLE, type Orientation } from './styles';

/** The school's own details as they appear on paper (see `schoolSettings`). */
export interface Letterhead {
  schoolName: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  website: string;
  letterFooter: string;
}

const SEPARATOR = '  ·  ';

/**
 * "Lindelaan 12, 3512 KL Utrecht  ·  030 123 45 67  ·  zorgteam@…  ·  www…", leaving out whatever
 * the school has not filled in, so no stray commas or dots remain. Empty when nothing is known.
 */
export function contactLine(school: Letterhead): string {
  const town = join([school.postalCode, school.city], ' ');
  const address = join([school.street, town], ', ');
  return join([address, school.phone, school.email, school.website], SEPARATOR);
}

function join(parts: string[], separator: string): string {
  return parts
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(separator);
}

export function letterheadHeader(school: Letterhead): Header {
  const contact = contactLine(school);
  return new Header({
    children: [
      new Paragraph({ style: STYLE.letterheadName, children: [new TextRun(school.schoolName.trim())] }),
      // The contact line carries the rule under the letterhead, so it stays even when it has no text.
      textParagraph(STYLE.letterheadContact, contact),
    ],
  });
}

/** An empty paragraph rather than an empty text run when there is nothing to say. */
function textParagraph(style: string, text: string): Paragraph {
  return new Paragraph({ style, children: text === '' ? [] : [new TextRun(text)] });
}

/**
 * The school's footer text on the left, "Pagina X van Y" on the right. A borderless two-column
 * table rather than a tab stop, so a long footer text wraps in its own column instead of
 * pushing the page number onto the next line.
 */
export function letterheadFooter(school: Letterhead, orientation: Orientation = 'portrait'): Footer {
  const width = contentWidth(orientation);
  const pageColumn = Math.round(width * 0.2);
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
  const footerText = school.letterFooter.trim();
  const cell = (children: Paragraph[], columnWidth: number) =>
    new TableCell({
      children,
      width: { size: columnWidth, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.BOTTOM,
      margins: { top: 60, bottom: 0, left: 0, right: 0 },
    });
  return new Footer({
    children: [
      new Table({
        width: { size: width, type: WidthType.DXA },
        columnWidths: [width - pageColumn, pageColumn],
        borders: {
          top: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule },
          bottom: none,
          left: none,
          right: none,
          insideHorizontal: none,
          insideVertical: none,
        },
        rows: [
          new TableRow({
            children: [
              cell([textParagraph(STYLE.footerText, footerText)], width - pageColumn),
              cell(
                [
                  new Paragraph({
                    style: STYLE.footerText,
                    alignment: AlignmentType.RIGHT,
                    children: [
                      new TextRun({ children: ['Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES] }),
                    ],
                  }),
                ],
                pageColumn,
              ),
            ],
          }),
        ],
      }),
      // Word wants a paragraph after a table; keep it one point high so the footer does not rise.
      new Paragraph({ style: STYLE.footerText, spacing: { line: 20, lineRule: LineRuleType.EXACT } }),
    ],
  });
}

/** Header and footer for a section; pass the section's orientation so the footer spans the page. */
export function letterhead(
  school: Letterhead,
  orientation: Orientation = 'portrait',
): { header: Header; footer: Footer } {
  return { header: letterheadHeader(school), footer: letterheadFooter(school, orientation) };
}
