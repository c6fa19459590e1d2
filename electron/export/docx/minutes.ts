import { HeadingLevel, Paragraph, type Table, TextRun } from 'docx';
import { instantDateTime, longDate } from '../../shared/dutch-dates';
import { packUnderLetterhead } from './letterhead';
import type {
  ActionLine,
  ExtractDocument,
  MinutesAddendum,
  MinutesDocument,
  MinutesDocumentItem,
  MinutesParagraph,
  MinutesStatus,
} from './models';
import {
  actionTable,
  decisionParagraph,
  factsTable,
  generatedLine,
  heading,
  internMark,
  markRun,
  meetingFacts,
  mutedLine,
  presenceFacts,
  spacer,
  struckRun,
  textParagraphs,
  titleBlock,
} from './parts';
import { COLOR, FONT_SIZE, STYLE, type Orientation } from './styles';

/** Minutes of a whole meeting and one student's extract of them share the per-item layout below. */

const ORIENTATION: Orientation = 'portrait';

type Block = Paragraph | Table;

export async function buildMinutesDocx(doc: MinutesDocument): Promise<Buffer> {
  const title = `Notulen ${doc.meeting.title}`;
  const allActions = doc.items.flatMap((item) => (item.lapsed ? [] : [...item.carried, ...item.actions]));
  return packUnderLetterhead({
    school: doc.school.letterhead,
    logo: doc.school.logo,
    confidential: true,
    orientation: ORIENTATION,
    title,
    subject: `Notulen van ${doc.meeting.title} op ${longDate(doc.meeting.date)}`,
    children: [
      ...titleBlock(title),
      statusParagraph(doc.status),
      mutedLine(generatedLine(doc.generatedOn)),
      factsTable([...meetingFacts(doc.meeting), ...presenceFacts(doc.presence)], ORIENTATION),
      ...(!doc.forReader
        ? []
        : [mutedLine(`Versie voor ${doc.forReader}: zonder interne tekst; een leerling zonder toestemming voor u staat er zonder naam in, punten waarbij u niet aanwezig was ontbreken.`)]),
      ...(doc.nameStyle === 'initialen' ? [mutedLine('Leerlingen staan in deze notulen met initialen en klas.')] : []),
      ...(doc.items.length === 0 ? [mutedLine('Er zijn geen agendapunten genotuleerd.')] : []),
      ...doc.items.flatMap((item) => itemPart(item)),
      ...actionListPart(allActions),
      ...addendaPart(doc.addenda),
    ],
  });
}

export async function buildExtractDocx(doc: ExtractDocument): Promise<Buffer> {
  const title = 'Uittreksel uit de notulen';
  // The domain has taken intern text out of the parents' version already; dropping it here too
  // means a slip upstream cannot put team-only text in a letter home.
  const forParents = doc.version === 'ouders';
  const item = forParents ? { ...doc.item, paragraphs: doc.item.paragraphs.filter((p) => !p.intern) } : doc.item;
  const addenda = forParents ? doc.addenda.filter((addendum) => !addendum.intern) : doc.addenda;
  return packUnderLetterhead({
    school: doc.school.letterhead,
    logo: doc.school.logo,
    confidential: true,
    orientation: ORIENTATION,
    title,
    subject: `Uittreksel uit de notulen van ${doc.meeting.title} op ${longDate(doc.meeting.date)}`,
    children: [
      ...titleBlock(title),
      studentParagraph(doc.student),
      mutedLine(forParents ? 'Versie voor ouders' : 'Versie voor het dossier (met interne tekst)'),
      statusParagraph(doc.status),
      mutedLine(generatedLine(doc.generatedOn)),
      factsTable([...meetingFacts(doc.meeting, { withTitle: true }), ...presenceFacts(doc.presence)], ORIENTATION),
      ...itemPart(item),
      ...addendaPart(addenda),
    ],
  });
}

/** "Concept" or "Vastgesteld op 10 december 2026 (in IOT 10-12-2026)", right under the title. */
function statusParagraph(status: MinutesStatus): Paragraph {
  if (status.kind === 'concept') {
    return new Paragraph({
      keepNext: true,
      children: [
        new TextRun({ text: 'Concept', bold: true, color: COLOR.confidential }),
        new TextRun({ text: '  ·  nog niet vastgesteld, kan nog veranderen', color: COLOR.muted }),
      ],
    });
  }
  const where = status.atMeeting === null ? '' : ` (in ${status.atMeeting})`;
  return new Paragraph({
    keepNext: true,
    children: [new TextRun({ text: `Vastgesteld op ${longDate(status.on)}${where}`, bold: true, color: COLOR.accent })],
  });
}

/** "Jesse de Vries  ·  leerlingnummer 123456  ·  klas 2B": whom the extract is about, before anything else. */
function studentParagraph(student: ExtractDocument['student']): Paragraph {
  const details = [`leerlingnummer ${student.studentNumber}`, student.className === '' ? '' : `klas ${student.className}`]
    .filter((part) => part !== '')
    .join('  ·  ');
  return new Paragraph({
    keepNext: true,
    spacing: { before: 60, after: 60 },
    children: [
      new TextRun({ text: student.name, bold: true, size: FONT_SIZE.heading2 }),
      new TextRun({ text: `  ·  ${details}`, size: FONT_SIZE.heading2 }),
    ],
  });
}

const itemHeading = (item: MinutesDocumentItem) => (item.number === null ? item.title : `${item.number}. ${item.title}`);

/** One agenda item: a Heading 1 (so Word's navigation pane lists the items), then what was said and agreed. */
function itemPart(item: MinutesDocumentItem): Block[] {
  if (item.lapsed) {
    // Listed in its place without minutes, so the numbering of the agenda still reads.
    return [new Paragraph({ spacing: { before: 240 }, children: [struckRun(itemHeading(item)), ...markRun('vervallen', 'change')] })];
  }
  const parts: Block[] = [heading(itemHeading(item))];
  if (item.decision !== null && item.decision.trim() !== '') parts.push(decisionParagraph(item.decision));
  for (const paragraph of item.paragraphs) parts.push(...paragraphPart(paragraph));
  if (item.carried.length > 0) parts.push(...actionsPart('Acties uit eerdere overleggen', item.carried));
  if (item.actions.length > 0) parts.push(...actionsPart('Acties', item.actions));
  if (parts.length === 1) parts.push(mutedLine('Geen aantekeningen bij dit punt.'));
  return parts;
}

function paragraphPart(paragraph: MinutesParagraph): Block[] {
  // An empty field of the minutes form is not worth a heading.
  if (paragraph.text.trim() === '') return [];
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      children: [new TextRun(paragraph.label), ...(paragraph.intern ? internMark() : [])],
    }),
    ...textParagraphs(paragraph.text, { intern: paragraph.intern }),
  ];
}

function actionsPart(label: string, actions: ActionLine[]): Block[] {
  return [heading(label, 2), actionTable(actions, ORIENTATION), spacer()];
}

function actionListPart(actions: ActionLine[]): Block[] {
  if (actions.length === 0) return [heading('Actielijst'), mutedLine('Er zijn geen acties afgesproken.')];
  return [heading('Actielijst'), actionTable(actions, ORIENTATION), spacer()];
}

function addendaPart(addenda: MinutesAddendum[]): Block[] {
  if (addenda.length === 0) return [];
  const sorted = [...addenda].sort((a, b) => a.at.localeCompare(b.at));
  return [
    heading('Aanvullingen na vaststelling'),
    ...sorted.flatMap((addendum) => [
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        children: [
          new TextRun(addendum.itemNumber === null ? 'Aanvulling' : `Aanvulling bij punt ${addendum.itemNumber}`),
          ...(addendum.intern ? internMark() : []),
        ],
      }),
      // Date and author stay with the text they introduce.
      new Paragraph({ style: STYLE.muted, keepNext: true, children: [new TextRun(`${instantDateTime(addendum.at)}  ·  ${addendum.author}`)] }),
      ...textParagraphs(addendum.text, { intern: addendum.intern }),
    ]),
  ];
}
