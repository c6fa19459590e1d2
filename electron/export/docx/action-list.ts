import { type Paragraph, type Table, TextRun } from 'docx';
import { packUnderLetterhead } from './letterhead';
import type { ActionListDocument, ActionListEntry } from './models';
import {
  actionDue,
  generatedLine,
  heading,
  meetingLines,
  mutedLine,
  richTable,
  spacer,
  tableParagraph,
  titleBlock,
  type TableCellContent,
} from './parts';
import { COLOR, type Orientation } from './styles';

/** Landscape: six columns, and "Wat" gets room to read as a sentence. */
const ORIENTATION: Orientation = 'landscape';

type Block = Paragraph | Table;

export async function buildActionListDocx(doc: ActionListDocument): Promise<Buffer> {
  const groups = doc.groups.filter((group) => group.actions.length > 0);
  return packUnderLetterhead({
    school: doc.school.letterhead,
    logo: doc.school.logo,
    confidential: true,
    orientation: ORIENTATION,
    title: doc.title,
    subject: doc.title,
    children: [
      ...titleBlock(doc.title, generatedLine(doc.generatedOn)),
      ...(groups.length === 0
        ? [mutedLine('Geen openstaande acties.')]
        : [
            ...(doc.nameStyle === 'initialen' ? [mutedLine('Leerlingen staan op deze lijst met initialen en klas.')] : []),
            ...groups.flatMap((group) => groupPart(group.heading, group.actions)),
          ]),
    ],
  });
}

/**
 * Widths in millimetres of the 25.7 cm between landscape margins: "IOT 12-11-2026" under the number,
 * "12-11-2026 (verlopen)" and "volgende overleg" on one line.
 */
const COLUMNS = [
  { header: 'Nr', weight: 28 },
  { header: 'Leerling', weight: 38 },
  { header: 'Wat', weight: 105 },
  { header: 'Wie', weight: 24 },
  { header: 'Wanneer', weight: 38 },
  { header: 'Status', weight: 24 },
];

function groupPart(title: string, actions: ActionListEntry[]): Block[] {
  return [
    heading(title),
    richTable({ columns: COLUMNS, rows: actions.map(actionRow), orientation: ORIENTATION, keepTogether: true }),
    spacer(),
  ];
}

function actionRow(action: ActionListEntry): TableCellContent[] {
  const due = actionDue(action.due);
  return [
    // The number only means something with its meeting ("3.2" of which IOT?), so the meeting goes under it.
    [tableParagraph([action.number]), ...(action.meeting === '' ? [] : meetingLines(action.meeting))],
    action.student ?? '',
    action.what,
    action.holder ?? '',
    [
      tableParagraph([
        due,
        ...(action.overdue
          ? [new TextRun({ text: due === '' ? '(verlopen)' : ' (verlopen)', bold: true, color: COLOR.confidential })]
          : []),
      ]),
    ],
    action.status,
  ];
}
