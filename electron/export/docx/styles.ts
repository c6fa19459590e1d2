import {
  AlignmentType,
  BorderStyle,
  Document,
  LevelFormat,
  PageOrientation,
  type Footer,
  type Header,
  type INumberingOptions,
  type ISectionOptions,
  type ISectionPropertiesOptions,
  type IStylesOptions,
} from 'docx';

/**
 * The house style of every Word document the app writes (agenda, minutes, letters, year schedule):
 * fonts, sizes, colours, paragraph styles, table look and list numbering, defined once here.
 * Sizes are in half-points (docx `size`), distances in twips (1/20 pt; 567 twips = 1 cm).
 */

export const FONT = 'Calibri';

/** Half-points: 21 = 10.5 pt. */
export const FONT_SIZE = {
  body: 21,
  table: 19,
  small: 16,
  title: 32,
  heading1: 26,
  heading2: 22,
  schoolName: 28,
} as const;

/** Hex without '#', as docx wants it. A calm navy accent with soft greys. */
export const COLOR = {
  text: '1F2933',
  accent: '1F4E79',
  muted: '5F6B7A',
  rule: 'B8C2CC',
  tableHeaderFill: 'E6ECF2',
  tableBorder: 'B8C2CC',
  confidential: '8A1C1C',
} as const;

/** Paragraph style ids; use these rather than inline formatting so documents stay consistent. */
export const STYLE = {
  title: 'Title',
  heading1: 'Heading1',
  heading2: 'Heading2',
  muted: 'Muted',
  tableText: 'TableText',
  tableHeader: 'TableHeader',
  letterheadName: 'LetterheadName',
  letterheadContact: 'LetterheadContact',
  footerText: 'FooterText',
  confidential: 'Confidential',
  letterQuestion: 'LetterQuestion',
} as const;

/** Numbering references for lists, for `new Paragraph({ numbering: { reference, level: 0 } })`. */
export const LIST = { bullet: 'zo-bullet', numbered: 'zo-numbered' } as const;

export const CM = 567;

/** A4 in twips, given portrait; docx swaps width and height itself for landscape. */
const A4 = { width: 11906, height: 16838 } as const;

const MARGIN = {
  top: Math.round(2.6 * CM),
  bottom: Math.round(2.2 * CM),
  left: 2 * CM,
  right: 2 * CM,
  header: Math.round(1.1 * CM),
  footer: Math.round(0.9 * CM),
} as const;

export type Orientation = 'portrait' | 'landscape';

/** The width between the margins, for sizing tables and tab stops. */
export function contentWidth(orientation: Orientation = 'portrait'): number {
  const pageWidth = orientation === 'landscape' ? A4.height : A4.width;
  return pageWidth - MARGIN.left - MARGIN.right;
}

/** Thin grey lines, used for every table so all documents share one table look. */
const tableLine = { style: BorderStyle.SINGLE, size: 4, color: COLOR.tableBorder } as const;
export const TABLE_LOOK = {
  borders: {
    top: tableLine,
    bottom: tableLine,
    left: tableLine,
    right: tableLine,
    insideHorizontal: tableLine,
    insideVertical: tableLine,
  },
  /** Cell padding: a little air left and right, tight top and bottom. */
  cellMargins: { top: 40, bottom: 40, left: 80, right: 80 },
  headerFill: COLOR.tableHeaderFill,
} as const;

export function documentStyles(): IStylesOptions {
  const body = { font: FONT, size: FONT_SIZE.body, color: COLOR.text } as const;
  return {
    default: {
      document: {
        run: { ...body, language: { value: 'nl-NL' } },
        paragraph: { spacing: { after: 120, line: 264 } },
      },
      title: {
        run: { font: FONT, size: FONT_SIZE.title, bold: true, color: COLOR.accent },
        paragraph: { spacing: { before: 0, after: 60 }, keepNext: true },
      },
      heading1: {
        run: { font: FONT, size: FONT_SIZE.heading1, bold: true, color: COLOR.accent },
        paragraph: { spacing: { before: 320, after: 100 }, keepNext: true, keepLines: true },
      },
      heading2: {
        run: { font: FONT, size: FONT_SIZE.heading2, bold: true, color: COLOR.text },
        paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true },
      },
      listParagraph: { run: body },
      hyperlink: { run: { color: COLOR.accent, underline: {} } },
    },
    paragraphStyles: [
      {
        id: STYLE.muted,
        name: 'Toelichting',
        basedOn: 'Normal',
        run: { size: FONT_SIZE.small + 2, color: COLOR.muted },
        paragraph: { spacing: { after: 120 } },
      },
      {
        id: STYLE.tableText,
        name: 'Tabeltekst',
        basedOn: 'Normal',
        run: { size: FONT_SIZE.table },
        paragraph: { spacing: { before: 0, after: 0, line: 240 } },
      },
      {
        id: STYLE.tableHeader,
        name: 'Tabelkop',
        basedOn: STYLE.tableText,
        run: { bold: true, color: COLOR.accent },
      },
      {
        id: STYLE.letterheadName,
        name: 'Briefhoofd schoolnaam',
        basedOn: 'Normal',
        run: { size: FONT_SIZE.schoolName, bold: true, color: COLOR.accent },
        paragraph: { spacing: { before: 0, after: 20 } },
      },
      {
        id: STYLE.letterheadContact,
        name: 'Briefhoofd adres',
        basedOn: 'Normal',
        run: { size: FONT_SIZE.small, color: COLOR.muted },
        paragraph: {
          spacing: { before: 0, after: 0 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule, space: 6 } },
        },
      },
      {
        id: STYLE.footerText,
        name: 'Voettekst',
        basedOn: 'Normal',
        run: { size: FONT_SIZE.small, color: COLOR.muted },
        paragraph: { spacing: { before: 0, after: 0, line: 240 } },
      },
      {
        // "Wat hebben we besloten?" in a letter: bold, and never the last line of a page.
        id: STYLE.letterQuestion,
        name: 'Brief tussenkop',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true },
        paragraph: { spacing: { before: 0, after: 40 }, keepNext: true, keepLines: true },
      },
      {
        id: STYLE.confidential,
        name: 'Vertrouwelijk',
        basedOn: 'Normal',
        run: { size: FONT_SIZE.small + 2, bold: true, color: COLOR.confidential },
        paragraph: { spacing: { before: 0, after: 160 } },
      },
    ],
  };
}

export function documentNumbering(): INumberingOptions {
  const indent = (level: number) => ({ left: 360 * (level + 1), hanging: 360 });
  const numberFormats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
  return {
    config: [
      {
        reference: LIST.bullet,
        levels: [0, 1, 2].map((level) => ({
          level,
          format: LevelFormat.BULLET,
          text: ['•', '–', '•'][level] ?? '•',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: indent(level) } },
        })),
      },
      {
        reference: LIST.numbered,
        levels: [0, 1, 2].map((level) => ({
          level,
          format: numberFormats[level] ?? LevelFormat.DECIMAL,
          text: `%${level + 1}.`,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: indent(level) } },
        })),
      },
    ],
  };
}

/** A4 with the house margins, in either orientation. */
export function pageProperties(orientation: Orientation = 'portrait'): ISectionPropertiesOptions {
  return {
    page: {
      size: {
        ...A4,
        orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: MARGIN,
    },
  };
}

export interface DocumentSection {
  orientation?: Orientation;
  /** Letters use a different first page (full letterhead) from the pages after it. */
  headers?: { default?: Header; first?: Header };
  footers?: { default?: Footer; first?: Footer };
  /** Each letter of a print run counts its own pages from 1. */
  restartPageNumbers?: boolean;
  children: ISectionOptions['children'];
}

export interface DocumentOptions {
  /** Shown as the file's title in Word's document properties. */
  title: string;
  subject?: string;
  sections: DocumentSection[];
}

/** Every document starts here: house styles, lists, A4 pages, Dutch proofing, properties. */
export function createDocument(options: DocumentOptions): Document {
  return new Document({
    title: options.title,
    subject: options.subject,
    creator: 'Zorgoverleg',
    lastModifiedBy: 'Zorgoverleg',
    styles: documentStyles(),
    numbering: documentNumbering(),
    sections: options.sections.map((section) => ({
      properties: {
        ...pageProperties(section.orientation),
        ...(section.restartPageNumbers ? { page: { ...pageProperties(section.orientation).page, pageNumbers: { start: 1 } } } : {}),
        // Only letters with a first-page letterhead need Word's "different first page".
        ...(section.headers?.first !== undefined || section.footers?.first !== undefined ? { titlePage: true } : {}),
      },
      headers: section.headers,
      footers: section.footers,
      children: section.children,
    })),
  });
}
