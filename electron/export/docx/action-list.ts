import { type Paragraph, type Table, TextRun } from 'docx';
import { packConfidential } from './letterhead';
import type { ActionListDocument, ActionListEntry } from './models';
import { dueCell, generatedLine, heading, mutedLine, richTable, spacer, tableParagraph, titleBlock, type TableCellContent } from './parts';
import { COLOR, FONT_SIZE, type Orientation } from './styles';

/** Landscape: six columns, and "Wat" gets room to read as a sentence. */
const ORIENTATION: Orientation = 'landscape';

type Block = Paragraph | Table;

export async function buildActionListDocx(doc: ActionListDocument): Promise<Buffer> {
  const groups = doc.groups.filter((group) => group.actions.length > 0);
  return packConfidential(doc.school, {
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
 * Widths in millimetres of the 25.7 cm between landscape margins: "3.2 uit IOT" with "12-11-2026" under it,
 * "12-11-2026 (over tijd)" and "volgende overleg" on one line.
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
  return [
    // The number only means something with its meeting: "3.2 uit IOT 12-11-2026", the meeting muted.
    [tableParagraph([action.number, ...originRuns(action.meeting)])],
    action.student ?? '',
    action.what,
    action.holder ?? '',
    dueCell(action.due, action.overdue),
    action.status,
  ];
}

/**
 * " uit IOT" and, after a line break, "12-11-2026": a narrow column would otherwise break the date at
 * a hyphen. The space before the break keeps the words apart for whoever reads the text out.
 */
function originRuns(meeting: string): TextRun[] {
  if (meeting === '') return [];
  const muted = { color: COLOR.muted, size: FONT_SIZE.small } as const;
  const dated = /^(.*\S)\s+(\d{2}-\d{2}-\d{4})$/.exec(meeting);
  if (dated === null) return [new TextRun({ text: ` uit ${meeting}`, ...muted })];
  return [new TextRun({ text: ` uit ${dated[1] ?? ''} `, ...muted }), new TextRun({ text: dated[2] ?? '', break: 1, ...muted })];
}
