import { HeadingLevel, Paragraph, type Table, TextRun } from 'docx';
import { instantDateTime, longDate } from '../../shared/dutch-dates';
import { packConfidential } from './letterhead';
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
  const shown = doc.items.filter((item) => !item.lapsed);
  return packConfidential(doc.school, {
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
        : [
            mutedLine(
              `Versie voor ${doc.forReader}: zonder interne tekst; een leerling zonder toestemming voor ` +
                `u staat er zonder naam in, punten waarbij u niet aanwezig was ontbreken.`,
            ),
          ]),
      ...(doc.nameStyle === 'initialen' ? [mutedLine('Leerlingen staan in deze notulen met initialen en klas.')] : []),
      ...(doc.items.length === 0 ? [mutedLine('Er zijn geen agendapunten genotuleerd.')] : []),
      ...doc.items.flatMap((item) => itemPart(item)),
      ...actionListPart(
        shown.flatMap((item) => item.actions),
        shown.flatMap((item) => item.carried),
        doc.actionsAsOf ?? null,
      ),
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
  return packConfidential(doc.school, {
    orientation: ORIENTATION,
    title,
    subject: `Uittreksel uit de notulen van ${doc.meeting.title} op ${longDate(doc.meeting.date)}`,
    children: [
      ...titleBlock(title),
      studentParagraph(doc.student),
      mutedLine(forParents ? 'Versie voor ouders' : 'Versie voor het dossier (met interne tekst)'),
      statusParagraph(doc.status),
      mutedLine(generatedLine(doc.generatedOn)),
      factsTable([...meetingFacts(doc.meeting, { withTitle: true }), ...presenceFacts(doc.presence, { compact: true })], ORIENTATION),
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
    return [
      new Paragraph({
        spacing: { before: 240 },
        children: [struckRun(itemHeading(item)), ...markRun('vervallen', 'change')],
      }),
    ];
  }
  const parts: Block[] = [heading(itemHeading(item))];
  if (item.decision !== null && item.decision.trim() !== '') parts.push(decisionParagraph(item.decision));
  const written = item.paragraphs.filter((paragraph) => paragraph.text.trim() !== '');
  const withActions = item.carried.length > 0 || item.actions.length > 0;
  // The actions never open a page on their own: the paragraph before them goes along.
  written.forEach((paragraph, index) => parts.push(...paragraphPart(paragraph, withActions && index === written.length - 1)));
  if (item.carried.length > 0) parts.push(...actionsPart('Acties uit eerdere overleggen', item.carried, item.actions.length > 0));
  if (item.actions.length > 0) parts.push(...actionsPart('Acties', item.actions, false));
  if (parts.length === 1) parts.push(mutedLine('Geen aantekeningen bij dit punt.'));
  return parts;
}

/** An empty field of the minutes form is not worth a heading (the caller leaves it out). */
function paragraphPart(paragraph: MinutesParagraph, keepWithNext: boolean): Block[] {
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      children: [new TextRun(paragraph.label), ...(paragraph.intern ? internMark() : [])],
    }),
    ...textParagraphs(paragraph.text, { intern: paragraph.intern, keepWithNext }),
  ];
}

/** `keepWithNext`: another action table follows, and the two stay on one page when short. */
function actionsPart(label: string, actions: ActionLine[], keepWithNext: boolean): Block[] {
  return [heading(label, 2), actionTable(actions, ORIENTATION, { keepWithNext }), spacer(keepWithNext)];
}

/**
 * Every action of the meeting once: this meeting's own ("5.1") apart from those carried from
 * earlier meetings ("5.1 uit IOT 06-10-2026"), so a FlexZAT's 5.1 never stands next to an IOT's
 * 5.1 as if they were one numbering. An action discussed under Actiepunten and again on its
 * student's case is listed once.
 */
function actionListPart(own: ActionLine[], carried: ActionLine[], asOf: string | null): Block[] {
  const earlier = onePerNumber(carried);
  const all = [...own, ...earlier];
  if (all.length === 0) return [heading('Actielijst'), mutedLine('Er zijn geen acties afgesproken.')];
  const overdueNote = all.some((action) => action.overdue === true)
    ? [
        mutedLine(
          `Over tijd: de actie stond ` +
            `${asOf === null ? 'bij het maken van dit document' : `op ${longDate(asOf)}`} nog open ` +
            `terwijl de datum al voorbij was.`,
        ),
      ]
    : [];
  return [
    heading('Actielijst'),
    // A short list of each stays on one page, together.
    ...(own.length === 0
      ? []
      : [
          heading('Uit dit overleg', 2),
          actionTable(onePerNumber(own), ORIENTATION, { keepWithNext: earlier.length > 0 }),
          spacer(earlier.length > 0),
        ]),
    ...(earlier.length === 0 ? [] : [heading('Uit eerdere overleggen', 2), actionTable(earlier, ORIENTATION), spacer()]),
    // Under the tables, as a footnote to the mark.
    ...overdueNote,
  ];
}

/** The number names an action ("6.1 uit IOT 06-10-2026"): its first occurrence stands for all. */
function onePerNumber(actions: ActionLine[]): ActionLine[] {
  const seen = new Set<string>();
  return actions.filter((action) => {
    if (seen.has(action.number)) return false;
    seen.add(action.number);
    return true;
  });
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
      new Paragraph({
        style: STYLE.muted,
        keepNext: true,
        children: [new TextRun(`${instantDateTime(addendum.at)}  ·  ${addendum.author}`)],
      }),
      ...textParagraphs(addendum.text, { intern: addendum.intern }),
    ]),
  ];
}
