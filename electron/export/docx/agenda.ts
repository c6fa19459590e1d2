import { type Paragraph, type Table, TextRun } from 'docx';
import { longDate } from '../../shared/dutch-dates';
import { packConfidential } from './letterhead';
import type { AgendaDocument, AgendaDocumentItem } from './models';
import {
  factsTable,
  generatedLine,
  heading,
  markRun,
  meetingFacts,
  mutedLine,
  richTable,
  spacer,
  struckRun,
  tableParagraph,
  titleBlock,
  type TableCellContent,
} from './parts';
import type { Orientation } from './styles';

const ORIENTATION: Orientation = 'portrait';

export async function buildAgendaDocx(doc: AgendaDocument): Promise<Buffer> {
  const title = `Agenda ${doc.meeting.title}`;
  // An agenda lists students, so every page says it is confidential.
  return packConfidential(doc.school, {
    orientation: ORIENTATION,
    title,
    subject: `Agenda van ${doc.meeting.title} op ${longDate(doc.meeting.date)}`,
    children: [
      ...titleBlock(title, generatedLine(doc.generatedOn)),
      factsTable([...meetingFacts(doc.meeting), { label: 'Genodigden', value: doc.attendees }], ORIENTATION),
      ...itemsPart(doc),
    ],
  });
}

/**
 * Widths in millimetres of the 17 cm between the margins: "13:30", "sisl" and "15 min" on one line,
 * the rest for the subject with its marks and guests.
 */
const ITEM_COLUMNS = [
  { header: 'Nr', weight: 10 },
  { header: 'Tijd', weight: 15 },
  { header: 'Onderwerp', weight: 102 },
  { header: 'Inbrenger', weight: 25 },
  { header: 'Duur', weight: 18 },
];

function itemsPart(doc: AgendaDocument): (Paragraph | Table)[] {
  const parts: (Paragraph | Table)[] = [heading('Agendapunten')];
  if (doc.items.length === 0) {
    parts.push(mutedLine('Er staan nog geen punten op deze agenda.'));
    return parts;
  }
  parts.push(
    richTable({
      columns: ITEM_COLUMNS,
      rows: doc.items.map((item) => itemRow(item, doc.sentOn !== null)),
      orientation: ORIENTATION,
    }),
    spacer(),
  );
  const notes: string[] = [];
  if (doc.sentOn !== null && doc.items.some((item) => item.change !== null || item.number === null)) {
    notes.push(`Gewijzigd na verzending op ${longDate(doc.sentOn)}: de wijzigingen zijn gemarkeerd.`);
  }
  if (doc.items.some((item) => item.confidential)) {
    notes.push('Besloten: wordt alleen met het kernteam besproken.');
  }
  if (doc.nameStyle === 'initialen') notes.push('Leerlingen staan op deze agenda met initialen en klas.');
  parts.push(...notes.map(mutedLine));
  return parts;
}

/** An item that lapsed after sending: either the domain says so or it has lost its number. */
const isLapsed = (item: AgendaDocumentItem) => item.change === 'vervallen' || item.number === null;

function itemRow(item: AgendaDocumentItem, sent: boolean): TableCellContent[] {
  if (isLapsed(item)) {
    // Kept in its place, struck through and without number or time, so nobody wonders where it went.
    return ['', '', [tableParagraph([struckRun(item.title), ...markRun('vervallen', 'change')])], item.presenter ?? '', ''];
  }
  const marks: TextRun[] = [];
  if (item.confidential) marks.push(...markRun('besloten', 'confidential'));
  // Before sending every item is new, so a change only means something once the agenda went out.
  if (sent && item.change !== null) marks.push(...markRun(item.change, 'change'));
  const subject = [tableParagraph([new TextRun(item.title), ...marks])];
  if (item.guests.length > 0) subject.push(tableParagraph([`Gasten: ${item.guests.join(', ')}`], { muted: true }));
  return [
    `${item.number ?? ''}`,
    item.start ?? '',
    subject,
    item.presenter ?? '',
    item.durationMinutes > 0 ? `${item.durationMinutes} min` : '',
  ];
}
