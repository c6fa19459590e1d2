import { BorderStyle, Paragraph, type Table, TextRun } from 'docx';
import { instantDateTime, longDate, numericDate } from '../../shared/dutch-dates';
import { packConfidential } from './letterhead';
import type {
  ActionLine,
  DocumentSchool,
  LetterBlock,
  MeetingHeading,
  MinutesAddendum,
  MinutesDocumentItem,
  MinutesStatus,
  Presence,
} from './models';
import {
  actionDue,
  bulletItem,
  decisionParagraph,
  factsTable,
  heading,
  internMark,
  markRun,
  meetingFacts,
  meetingLines,
  mutedLine,
  presenceFacts,
  richTable,
  spacer,
  tableParagraph,
  textParagraphs,
  titleBlock,
  type Fact,
} from './parts';
import { COLOR, FONT_SIZE, STYLE, type Orientation } from './styles';

/**
 * "Inzage in het dossier van …": everything the vault holds about one student, for the parents
 * (or the student from 16) who asked for it. The inzage domain has decided what is in it and has
 * scrubbed other families' names already; this builder only lays it out, one Heading 1 per part
 * so Word's navigation pane reads as a table of contents.
 */

export interface InzageIntake {
  /** "Aanmelding voor IOT 12-11-2026". */
  title: string;
  facts: Fact[];
  /** The form's questions as it was filled in, with the answers given. */
  answers: { label: string; text: string }[];
  attachments: string[];
}

export interface InzageConsent {
  /** "Toestemming gegeven door Marieke de Vries (moeder)". */
  title: string;
  facts: Fact[];
}

export interface InzageMeetingPart {
  meeting: MeetingHeading;
  presence: Presence;
  status: MinutesStatus;
  item: MinutesDocumentItem;
  addenda: MinutesAddendum[];
}

export interface InzageAction extends ActionLine {
  /** "IOT 12-11-2026". */
  meeting: string;
  note: string | null;
  intern: boolean;
}

export interface InzageLetter {
  subject: string;
  facts: Fact[];
  /** The letter as it reads, or null when it can no longer be put together (with `note` saying why). */
  texts: { recipients: string; salutation: string; body: LetterBlock[]; closing: string; signatory: string }[];
  note: string;
}

export interface InzageRetention {
  /** The periods that apply and when the file will be (or was) proposed for deletion. */
  facts: Fact[];
  /** Absence data kept after the rest of the file went, each from the intake it came from. */
  keptAbsence: { title: string; text: string }[];
}

export interface InzageAuditLine {
  /** ISO instant. */
  at: string;
  user: string;
  what: string;
  detail: string;
}

export interface InzageDocument {
  school: DocumentSchool;
  student: { name: string; studentNumber: string };
  /** ISO date of the export and who made it. */
  exportedOn: string;
  exportedBy: string;
  personal: Fact[];
  guardians: { title: string; facts: Fact[] }[];
  intakes: InzageIntake[];
  consents: InzageConsent[];
  meetings: InzageMeetingPart[];
  actions: InzageAction[];
  letters: InzageLetter[];
  retention: InzageRetention;
  audit: InzageAuditLine[];
  /** Files in the zip's folder "bijlagen", with what they belong to. */
  attachments: { fileName: string; belongsTo: string }[];
}

const ORIENTATION: Orientation = 'portrait';

type Block = Paragraph | Table;

export async function buildInzageDocx(doc: InzageDocument): Promise<Buffer> {
  const title = `Inzage in het dossier van ${doc.student.name}`;
  return packConfidential(doc.school, {
    orientation: ORIENTATION,
    title,
    subject: `Inzage, leerlingnummer ${doc.student.studentNumber}`,
    children: [
      ...titleBlock(title),
      mutedLine(`Gemaakt op ${longDate(doc.exportedOn)} door ${doc.exportedBy}`),
      ...introPart(doc),
      ...section('1. Persoonsgegevens', [factsTable(doc.personal, ORIENTATION)]),
      ...section('2. Ouders en verzorgers', guardiansPart(doc.guardians)),
      ...section('3. Aanmeldingen', doc.intakes.length === 0 ? [mutedLine('Er zijn geen aanmeldingen.')] : doc.intakes.flatMap(intakePart)),
      ...section(
        '4. Toestemmingen',
        doc.consents.length === 0 ? [mutedLine('Er is geen toestemming vastgelegd.')] : doc.consents.flatMap(consentPart),
      ),
      ...section(
        '5. Besprekingen in overleggen',
        doc.meetings.length === 0 ? [mutedLine('De leerling is nog niet in een overleg besproken.')] : doc.meetings.flatMap(meetingPart),
      ),
      ...section('6. Acties', actionsPart(doc.actions)),
      ...section(
        '7. Brieven',
        doc.letters.length === 0 ? [mutedLine('Er zijn geen brieven over de leerling verstuurd.')] : doc.letters.flatMap(letterPart),
      ),
      ...section('8. Bewaartermijn', retentionPart(doc.retention)),
      ...section('9. Logboek', auditPart(doc.audit)),
      ...section('10. Bijlagen', attachmentsPart(doc.attachments)),
    ],
  });
}

function section(title: string, body: Block[]): Block[] {
  return [heading(title), ...body];
}

function introPart(doc: InzageDocument): Block[] {
  return [
    new Paragraph({
      spacing: { before: 120, after: 60 },
      children: [
        new TextRun({ text: doc.student.name, bold: true, size: FONT_SIZE.heading2 }),
        new TextRun({ text: `  ·  leerlingnummer ${doc.student.studentNumber}`, size: FONT_SIZE.heading2 }),
      ],
    }),
    ...textParagraphs(
      [
        'Dit document bevat alles wat het ondersteuningsteam van de school in Zorgoverleg over deze leerling ' +
          'heeft vastgelegd: persoonsgegevens, ouders en verzorgers, aanmeldingen, toestemmingen, de ' +
          'bespreking van de leerling in overleggen (alleen het eigen agendapunt), acties, brieven, hoe lang ' +
          'de school het dossier bewaart en wie het dossier wanneer heeft bekeken of eruit heeft geëxporteerd.',
        'Tekst gemarkeerd als "Intern" schreef het team voor zichzelf; ook die hoort bij het dossier. Namen ' +
          'van andere leerlingen en hun ouders zijn vervangen door [naam].',
        doc.attachments.length === 0
          ? 'Er zijn geen bijlagen.'
          : `De ` +
            `${doc.attachments.length === 1 ? 'bijlage staat' : `${doc.attachments.length} bijlagen staan`} ` +
            `in de map "bijlagen" naast dit document.`,
      ].join('\n'),
    ),
  ];
}

function guardiansPart(guardians: InzageDocument['guardians']): Block[] {
  if (guardians.length === 0) return [mutedLine('Er zijn geen ouders of verzorgers vastgelegd.')];
  return guardians.flatMap((g) => [heading(g.title, 2), factsTable(g.facts, ORIENTATION)]);
}

function intakePart(intake: InzageIntake): Block[] {
  return [
    heading(intake.title, 2),
    factsTable(intake.facts, ORIENTATION),
    ...intake.answers.flatMap((answer) => [labelLine(answer.label), ...textParagraphs(answer.text)]),
    ...(intake.attachments.length === 0 ? [] : [labelLine('Bijlagen'), ...intake.attachments.map((name) => bulletItem(name))]),
  ];
}

/** The question above its answer: bold, and kept with the answer on its page. */
function labelLine(label: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 160, after: 40 },
    children: [new TextRun({ text: label, bold: true })],
  });
}

function consentPart(consent: InzageConsent): Block[] {
  return [heading(consent.title, 2), factsTable(consent.facts, ORIENTATION)];
}

function meetingPart(part: InzageMeetingPart): Block[] {
  const item = part.item;
  const blocks: Block[] = [
    heading(`${part.meeting.title} ${numericDate(part.meeting.date)}`, 2),
    statusLine(part.status),
    factsTable([...meetingFacts(part.meeting, { withTitle: true }), ...presenceFacts(part.presence)], ORIENTATION),
  ];
  if (item.lapsed) return [...blocks, mutedLine('Dit agendapunt is vervallen en niet besproken.')];
  if (item.decision !== null && item.decision.trim() !== '') blocks.push(decisionParagraph(item.decision));
  for (const paragraph of item.paragraphs) {
    if (paragraph.text.trim() === '') continue;
    blocks.push(
      new Paragraph({
        keepNext: true,
        spacing: { before: 160, after: 40 },
        children: [new TextRun({ text: paragraph.label, bold: true }), ...(paragraph.intern ? internMark() : [])],
      }),
      ...textParagraphs(paragraph.text, { intern: paragraph.intern }),
    );
  }
  if (item.actions.length > 0)
    blocks.push(
      labelLine('Afgesproken acties'),
      ...item.actions.map((a) => bulletItem(`${a.number} ${a.what}${a.holder ? ` (${a.holder})` : ''}`)),
    );
  for (const addendum of part.addenda) {
    blocks.push(
      new Paragraph({
        keepNext: true,
        spacing: { before: 160, after: 40 },
        children: [new TextRun({ text: 'Aanvulling na vaststelling', bold: true }), ...(addendum.intern ? internMark() : [])],
      }),
      new Paragraph({
        style: STYLE.muted,
        keepNext: true,
        children: [new TextRun(`${instantDateTime(addendum.at)}  ·  ${addendum.author}`)],
      }),
      ...textParagraphs(addendum.text, { intern: addendum.intern }),
    );
  }
  if (blocks.length === 3) blocks.push(mutedLine('Geen aantekeningen bij dit punt.'));
  return blocks;
}

function statusLine(status: MinutesStatus): Paragraph {
  const text =
    status.kind === 'concept'
      ? 'Notulen nog niet vastgesteld (concept)'
      : `Notulen vastgesteld op ${longDate(status.on)}${status.atMeeting ? ` (in ${status.atMeeting})` : ''}`;
  // With its heading, never the last line of a page.
  return new Paragraph({ style: STYLE.muted, keepNext: true, children: [new TextRun(text)] });
}

const ACTION_COLUMNS = [
  { header: 'Nr', weight: 30 },
  { header: 'Wat', weight: 74 },
  { header: 'Wie', weight: 28 },
  { header: 'Wanneer', weight: 24 },
  { header: 'Status', weight: 20 },
];

function actionsPart(actions: InzageAction[]): Block[] {
  if (actions.length === 0) return [mutedLine('Er zijn geen acties over de leerling afgesproken.')];
  return [
    richTable({
      columns: ACTION_COLUMNS,
      rows: actions.map((a) => [
        [tableParagraph([a.number]), ...meetingLines(a.meeting)],
        [
          tableParagraph([a.what, ...(a.intern ? markRun('Intern', 'confidential') : [])]),
          ...(a.note ? [tableParagraph([a.note], { muted: true })] : []),
        ],
        a.holder ?? '',
        actionDue(a.due),
        a.status,
      ]),
      orientation: ORIENTATION,
    }),
    spacer(),
  ];
}

function letterPart(letter: InzageLetter): Block[] {
  const blocks: Block[] = [heading(letter.subject, 2), factsTable(letter.facts, ORIENTATION), mutedLine(letter.note)];
  for (const text of letter.texts) {
    const lines = [
      text.salutation,
      ...text.body.flatMap((block) => (block.kind === 'paragraph' ? block.text.split('\n') : block.items.map((item) => `•  ${item}`))),
      text.closing,
      text.signatory,
    ];
    blocks.push(labelLine(`Brief aan ${text.recipients}`), ...lines.filter((line) => line.trim() !== '').map(quotedLine));
  }
  return blocks;
}

/** A line of a letter, set off with a rule in the margin: the letter's words, not this document's. */
function quotedLine(line: string): Paragraph {
  return new Paragraph({
    indent: { left: 284 },
    border: { left: { style: BorderStyle.SINGLE, size: 8, color: COLOR.rule, space: 8 } },
    children: [new TextRun(line)],
  });
}

function retentionPart(retention: InzageRetention): Block[] {
  const blocks: Block[] = [
    // With its facts on one page, as the heading is.
    new Paragraph({
      style: STYLE.muted,
      keepNext: true,
      children: [
        new TextRun(
          'De school bewaart het dossier tot een vaste termijn na de uitschrijving en stelt het daarna voor ' +
            'verwijdering voor. Verzuimgegevens hebben een eigen bewaartermijn.',
        ),
      ],
    }),
    factsTable(retention.facts, ORIENTATION),
  ];
  if (retention.keptAbsence.length === 0) return blocks;
  return [
    ...blocks,
    heading('Bewaarde verzuimgegevens', 2),
    mutedLine('Het dossier zelf is verwijderd; deze gegevens over verzuim blijven tot het einde van hun eigen bewaartermijn.'),
    ...retention.keptAbsence.flatMap((a) => [labelLine(a.title), ...textParagraphs(a.text)]),
  ];
}

const AUDIT_COLUMNS = [
  { header: 'Wanneer', weight: 32 },
  { header: 'Wie', weight: 30 },
  { header: 'Wat', weight: 50 },
  { header: 'Details', weight: 64 },
];

function auditPart(lines: InzageAuditLine[]): Block[] {
  const intro = mutedLine(
    'Wie het dossier van de leerling heeft geopend, gewijzigd of eruit heeft geëxporteerd, volgens het ' +
      'logboek van Zorgoverleg (nieuwste eerst). Deze inzage zelf is ook vastgelegd.',
  );
  if (lines.length === 0) return [intro, mutedLine('Het logboek noemt de leerling nog nergens.')];
  return [
    intro,
    richTable({
      columns: AUDIT_COLUMNS,
      rows: lines.map((l) => [instantDateTime(l.at), l.user, l.what, l.detail]),
      orientation: ORIENTATION,
    }),
    spacer(),
  ];
}

function attachmentsPart(attachments: InzageDocument['attachments']): Block[] {
  if (attachments.length === 0) return [mutedLine('Er zijn geen bijlagen bewaard.')];
  return [
    mutedLine('Deze bestanden staan in de map "bijlagen" van het zip-bestand.'),
    richTable({
      columns: [
        { header: 'Bestand', weight: 60 },
        { header: 'Hoort bij', weight: 60 },
      ],
      rows: attachments.map((a) => [a.fileName, a.belongsTo]),
      orientation: ORIENTATION,
    }),
    spacer(),
  ];
}
