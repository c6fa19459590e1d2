import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  ImageRun,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  Packer,
} from 'docx';
import type { DocumentSchool, Letterhead, Logo } from './models';

export type { Letterhead };
import { CM, COLOR, contentWidth, createDocument, STYLE, type DocumentSection, type Orientation } from './styles';

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

/**
 * The school's name and contact line with a rule under them; with a logo, the name, address and
 * contact details stack on the left and the logo stands on the right, both resting on the rule.
 */
export function letterheadHeader(school: Letterhead, logo: Logo | null = null, orientation: Orientation = 'portrait'): Header {
  if (logo !== null) return logoHeader(school, logo, orientation);
  const contact = contactLine(school);
  return new Header({
    children: [
      new Paragraph({ style: STYLE.letterheadName, children: [new TextRun(school.schoolName.trim())] }),
      // The contact line carries the rule under the letterhead, so it stays even when it has no text.
      textParagraph(STYLE.letterheadContact, contact),
    ],
  });
}

/** The largest the logo is printed: a letterhead, not a poster. ImageRun sizes are pixels at 96 dpi. */
const PIXELS_PER_CM = 96 / 2.54;
const LOGO_MAX = { height: 1.6 * PIXELS_PER_CM, width: 5 * PIXELS_PER_CM } as const;
/** Space between the text column and the logo. */
const LOGO_GAP = Math.round(0.4 * CM);

/** The logo's printed size in pixels: fitted into LOGO_MAX, proportions kept. */
export function logoSize(logo: Pick<Logo, 'width' | 'height'>): { width: number; height: number } {
  // A logo without a usable size is treated as square rather than stretched or dropped.
  const valid = Number.isFinite(logo.width) && Number.isFinite(logo.height) && logo.width > 0 && logo.height > 0;
  const [width, height] = valid ? [logo.width, logo.height] : [1, 1];
  const scale = Math.min(LOGO_MAX.width / width, LOGO_MAX.height / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** `orientation`: the header table spans the page, so the logo sits at the right margin in landscape too. */
function logoHeader(school: Letterhead, logo: Logo, orientation: Orientation): Header {
  const size = logoSize(logo);
  // Pixels at 96 dpi to twips (1440 per inch), plus the gap, so the text column gets the rest.
  const logoColumn = Math.round((size.width * 1440) / 96) + LOGO_GAP;
  // In the table the rule is the table's bottom border, so it runs under the logo too.
  const noRule = { bottom: { style: BorderStyle.NONE, size: 0, color: 'auto', space: 0 } } as const;
  const town = join([school.postalCode, school.city], ' ');
  const address = join([school.street, town], ', ');
  const reach = join([school.phone, school.email, school.website], SEPARATOR);
  const contactLines = [address, reach].filter((line) => line !== '');
  return new Header({
    children: [
      ruledColumns({
        orientation,
        rightColumn: logoColumn,
        rule: 'bottom',
        cellMargins: { top: 0, bottom: 90 },
        left: [
          new Paragraph({ style: STYLE.letterheadName, children: [new TextRun(school.schoolName.trim())] }),
          ...contactLines.map((line) => new Paragraph({ style: STYLE.letterheadContact, border: noRule, children: [new TextRun(line)] })),
        ],
        right: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            // The house line spacing has no rule, which LibreOffice reads as exact and so
            // cuts the logo off at one line high; "auto" lets the line grow to the image.
            spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
            children: [
              new ImageRun({
                type: logo.type,
                data: logo.data,
                transformation: size,
                altText: { name: 'Logo', title: 'Logo', description: `Logo van ${school.schoolName.trim()}` },
              }),
            ],
          }),
        ],
      }),
      // Word wants a paragraph after a table. With a logo the header reaches past the top margin,
      // so the text starts right under it: this paragraph is the air between the rule and the title.
      new Paragraph({ style: STYLE.footerText, spacing: { line: 240, lineRule: LineRuleType.EXACT } }),
    ],
  });
}

/**
 * The page-wide two-column table of a header or footer: borderless but for one rule (under the
 * header, over the footer), cells aligned at the bottom, the right column `rightColumn` wide.
 */
function ruledColumns(table: {
  orientation: Orientation;
  rightColumn: number;
  rule: 'top' | 'bottom';
  cellMargins: { top: number; bottom: number };
  left: Paragraph[];
  right: Paragraph[];
}): Table {
  const width = contentWidth(table.orientation);
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
  const rule = { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule } as const;
  const cell = (children: Paragraph[], columnWidth: number) =>
    new TableCell({
      children,
      width: { size: columnWidth, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.BOTTOM,
      margins: { ...table.cellMargins, left: 0, right: 0 },
    });
  const leftColumn = width - table.rightColumn;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [leftColumn, table.rightColumn],
    borders: {
      top: table.rule === 'top' ? rule : none,
      bottom: table.rule === 'bottom' ? rule : none,
      left: none,
      right: none,
      insideHorizontal: none,
      insideVertical: none,
    },
    rows: [new TableRow({ children: [cell(table.left, leftColumn), cell(table.right, table.rightColumn)] })],
  });
}

/** An empty paragraph rather than an empty text run when there is nothing to say. */
function textParagraph(style: string, text: string): Paragraph {
  return new Paragraph({ style, children: text === '' ? [] : [new TextRun(text)] });
}

export interface FooterOptions {
  /** For documents holding student data: "Vertrouwelijk" before the footer text on every page. */
  confidential?: boolean;
  /**
   * Letters: pages counted per letter (section), not over the whole print run. "van Y" is left
   * out: Word's section page count (SECTIONPAGES) is not shown by LibreOffice.
   */
  pagesPerSection?: boolean;
}

/**
 * The school's footer text on the left, "Pagina X van Y" on the right. A borderless two-column
 * table rather than a tab stop, so a long footer text wraps in its own column instead of
 * pushing the page number onto the next line.
 */
export function letterheadFooter(school: Letterhead, orientation: Orientation = 'portrait', options: FooterOptions = {}): Footer {
  const footerText = school.letterFooter.trim();
  return new Footer({
    children: [
      ruledColumns({
        orientation,
        rightColumn: Math.round(contentWidth(orientation) * 0.2),
        rule: 'top',
        cellMargins: { top: 60, bottom: 0 },
        left: [footerTextParagraph(footerText, options.confidential === true)],
        right: [
          new Paragraph({
            style: STYLE.footerText,
            alignment: AlignmentType.RIGHT,
            children: [
              new TextRun({
                children: options.pagesPerSection
                  ? ['Pagina ', PageNumber.CURRENT]
                  : ['Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES],
              }),
            ],
          }),
        ],
      }),
      // Word wants a paragraph after a table; keep it one point high so the footer does not rise.
      new Paragraph({ style: STYLE.footerText, spacing: { line: 20, lineRule: LineRuleType.EXACT } }),
    ],
  });
}

function footerTextParagraph(text: string, confidential: boolean): Paragraph {
  if (!confidential) return textParagraph(STYLE.footerText, text);
  return new Paragraph({
    style: STYLE.footerText,
    children: [
      new TextRun({ text: 'Vertrouwelijk', bold: true, color: COLOR.confidential }),
      ...(text === '' ? [] : [new TextRun(`${SEPARATOR}${text}`)]),
    ],
  });
}

/** Header and footer for a section; pass the section's orientation so header and footer span the page. */
export function letterhead(
  school: Letterhead,
  orientation: Orientation = 'portrait',
  logo: Logo | null = null,
  footer: FooterOptions = {},
): { header: Header; footer: Footer } {
  return {
    header: letterheadHeader(school, logo, orientation),
    footer: letterheadFooter(school, orientation, footer),
  };
}

/**
 * Every document but a letter: one section under the school's letterhead (with "Vertrouwelijk"
 * in the footer when it holds student data), packed as a .docx.
 */
export function packUnderLetterhead(options: {
  school: Letterhead;
  logo: Logo | null;
  confidential: boolean;
  orientation: Orientation;
  title: string;
  subject: string;
  children: DocumentSection['children'];
}): Promise<Buffer> {
  const { header, footer } = letterhead(options.school, options.orientation, options.logo, {
    confidential: options.confidential,
  });
  const document = createDocument({
    title: options.title,
    subject: options.subject,
    sections: [
      {
        orientation: options.orientation,
        headers: { default: header },
        footers: { default: footer },
        children: options.children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** A document about students (agenda, stukken, notulen, uittreksel, inzage, actielijst): "Vertrouwelijk" on every page. */
export function packConfidential(
  school: DocumentSchool,
  document: { orientation: Orientation; title: string; subject: string; children: DocumentSection['children'] },
): Promise<Buffer> {
  return packUnderLetterhead({ school: school.letterhead, logo: school.logo, confidential: true, ...document });
}
