import { FrameAnchorType, FrameWrap, Header, HeightRule, LineRuleType, Packer, Paragraph, TabStopType, TextRun } from 'docx';
import { longDate } from '../../shared/dutch-dates';
import { letterhead, letterheadFooter } from './letterhead';
import type { LetterBlock, LetterDocument, LetterDocumentLetter } from './models';
import { CM, COLOR, createDocument, LIST, STYLE, type DocumentSection } from './styles';

/**
 * Letters home in the Dutch business-letter layout: the address where a window envelope shows it,
 * place and date, reference and subject, salutation, body, closing, room to sign, name and role.
 * One section per letter, so every letter starts on a new page with the full letterhead; later
 * pages of a long letter carry a one-line "Vervolg" header instead, as on printed letter paper.
 */
export async function buildLetterDocx(doc: LetterDocument): Promise<Buffer> {
  const document = createDocument({
    title: doc.title,
    subject: doc.letters[0]?.subject,
    sections: doc.letters.map((letter) => letterSection(doc, letter)),
  });
  return Packer.toBuffer(document);
}

/**
 * The text starts at the top margin (2.6 cm, styles.ts) or lower under a tall letterhead; this gap
 * puts place and date under the address field, at about 9 cm from the top.
 */
const ADDRESS_TOP_GAP = Math.round(6.4 * CM);
/** A Dutch window envelope's address field: 2 cm from the left and 5 cm from the top of the page. */
const ADDRESS_WINDOW = { left: 2 * CM, top: 5 * CM, width: Math.round(8.5 * CM), height: Math.round(4 * CM) } as const;
/** Where "Kenmerk" and "Betreft" end and their text starts. */
const LABEL_TAB = Math.round(2 * CM);
const PARAGRAPH_AFTER = 200;

/**
 * The words of one letter as it goes out, in reading order: the Word file is laid out from this,
 * and the screen's preview before the letters are made shows the same (one text, two layouts).
 */
export interface LetterWords extends Omit<LetterDocumentLetter, 'date'> {
  /** "Utrecht, 1 december 2026" */
  placeAndDate: string;
}

export function letterWords(school: LetterDocument['school'], letter: LetterDocumentLetter): LetterWords {
  const note = letter.copyNote?.trim() ?? '';
  return {
    addressLines: letter.addressLines,
    placeAndDate: placeAndDate(school.letterhead.city, letter.date),
    reference: letter.reference,
    subject: letter.subject,
    salutation: letter.salutation,
    body: letter.body,
    closing: letter.closing,
    signatory: letter.signatory,
    copyNote: note === '' ? null : note,
  };
}

function letterSection(doc: LetterDocument, letter: LetterDocumentLetter): DocumentSection {
  const school = doc.school.letterhead;
  const words = letterWords(doc.school, letter);
  const footer = { pagesPerSection: true };
  const first = letterhead(school, 'portrait', doc.school.logo, footer);
  return {
    orientation: 'portrait',
    restartPageNumbers: true,
    headers: { first: first.header, default: continuationHeader(school.schoolName, letter) },
    footers: { first: first.footer, default: letterheadFooter(school, 'portrait', footer) },
    children: [
      ...addressWindow(words.addressLines),
      exactSpace(ADDRESS_TOP_GAP),
      plain(words.placeAndDate, { after: 240 }),
      labelled('Kenmerk', words.reference, false),
      labelled('Betreft', words.subject, true),
      plain(words.salutation, { before: 400, after: PARAGRAPH_AFTER }),
      ...bodyParagraphs(words.body),
      ...signature(words),
    ],
  };
}

/** Later pages say which letter they continue, in case the pages come apart. */
function continuationHeader(schoolName: string, letter: LetterDocumentLetter): Header {
  const text = [schoolName.trim(), `kenmerk ${letter.reference}`, longDate(letter.date)].filter((part) => part !== '').join('  ·  ');
  return new Header({
    children: [new Paragraph({ style: STYLE.letterheadContact, children: [new TextRun(`Vervolg: ${text}`)] })],
  });
}

/**
 * Closing, room to sign, name, role and copy note stay together, and take the last lines of the
 * body with them (keepNext): a signature never stands alone at the top of a page.
 */
function signature(letter: LetterWords): Paragraph[] {
  const note = letter.copyNote ?? '';
  return [
    plain(letter.closing, { before: 120, after: 0 }, true),
    exactSpace(Math.round(1.5 * CM), true),
    plain(letter.signatory.name, { after: 0 }, true),
    plain(letter.signatory.role, { after: 0 }, note !== ''),
    ...(note === '' ? [] : [copyNote(note)]),
  ];
}

/** "Utrecht, 1 december 2026"; just the date when the school has no town filled in. */
function placeAndDate(city: string, date: string): string {
  const place = city.trim();
  return place === '' ? longDate(date) : `${place}, ${longDate(date)}`;
}

/** An empty paragraph of exactly this height (twips), to place what follows on the page. */
function exactSpace(height: number, keepNext = false): Paragraph {
  return new Paragraph({
    keepNext,
    spacing: { before: 0, after: 0, line: height, lineRule: LineRuleType.EXACT },
    children: [],
  });
}

/**
 * The address as a frame at a fixed place on the page, as window envelopes need it, however tall
 * the letterhead above it is (a logo makes it taller).
 */
function addressWindow(lines: string[]): Paragraph[] {
  const frame = {
    type: 'absolute',
    position: { x: ADDRESS_WINDOW.left, y: ADDRESS_WINDOW.top },
    width: ADDRESS_WINDOW.width,
    height: ADDRESS_WINDOW.height,
    rule: HeightRule.EXACT,
    anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
    // The text below keeps its own distance (ADDRESS_TOP_GAP): the frame must not push it about.
    wrap: FrameWrap.THROUGH,
  } as const;
  return (lines.length === 0 ? [''] : lines).map(
    (line) => new Paragraph({ frame, spacing: { before: 0, after: 0 }, children: line === '' ? [] : [new TextRun(line)] }),
  );
}

function plain(text: string, spacing: { before?: number; after: number }, keepNext = false): Paragraph {
  return new Paragraph({ keepNext, spacing, children: lineRuns(text) });
}

/** "Kenmerk:  500101/uitnodiging" with the texts lined up on a tab stop. */
function labelled(label: string, text: string, bold: boolean): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 0, after: 0 },
    tabStops: [{ type: TabStopType.LEFT, position: LABEL_TAB }],
    children: [new TextRun({ text: `${label}:`, color: COLOR.muted }), new TextRun({ text: `\t${text}`, bold })],
  });
}

function bodyParagraphs(body: LetterBlock[]): Paragraph[] {
  return body.flatMap((block, index) => bodyBlock(block, index === body.length - 1));
}

/** `last`: the body's last block, kept on the page of the closing. */
function bodyBlock(block: LetterBlock, last: boolean): Paragraph[] {
  if (block.kind === 'paragraph' && block.heading === true)
    return [new Paragraph({ style: STYLE.letterQuestion, children: lineRuns(block.text) })];
  if (block.kind === 'paragraph') return [plain(block.text, { after: PARAGRAPH_AFTER }, last)];
  // Items sit close together; after the last one the space of a paragraph, so the next one does not cling to it.
  return block.items.map((item, index) => {
    const lastItem = index === block.items.length - 1;
    return new Paragraph({
      numbering: { reference: LIST.bullet, level: 0 },
      keepNext: last && lastItem,
      spacing: { after: lastItem ? PARAGRAPH_AFTER : 60 },
      children: [new TextRun(item.replace(/\s*\n\s*/g, ' '))],
    });
  });
}

/** A single newline in the merged text is a line break within the paragraph. */
function lineRuns(text: string): TextRun[] {
  return text.split('\n').map((line, index) => new TextRun({ text: line, break: index === 0 ? undefined : 1 }));
}

/** "Afschrift aan: …" in small type under the signature. */
function copyNote(text: string): Paragraph {
  return new Paragraph({ style: STYLE.muted, spacing: { before: 280, after: 0 }, children: lineRuns(text) });
}
