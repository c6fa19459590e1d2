import { HeadingLevel, Paragraph, type Table, TextRun } from 'docx';
import { longDate } from '../../shared/dutch-dates';
import { packConfidential } from './letterhead';
import type { PapersCase, PapersDocument } from './models';
import { factsTable, generatedLine, heading, meetingFacts, mutedLine, textParagraphs, titleBlock } from './parts';
import { COLOR, type Orientation } from './styles';

const ORIENTATION: Orientation = 'portrait';

type Block = Paragraph | Table;

/** The accepted intake forms of a meeting, one case a page or more, for the team to read beforehand. */
export async function buildPapersDocx(doc: PapersDocument): Promise<Buffer> {
  const title = `Stukken ${doc.meeting.title}`;
  return packConfidential(doc.school, {
    orientation: ORIENTATION,
    title,
    subject: `Aanmeldingen voor ${doc.meeting.title} op ${longDate(doc.meeting.date)}`,
    children: [
      ...titleBlock(title, generatedLine(doc.generatedOn)),
      factsTable(meetingFacts(doc.meeting), ORIENTATION),
      ...(doc.cases.length === 0
        ? [mutedLine('Er zijn geen stukken voor dit overleg.')]
        : doc.cases.flatMap((paper, index) => casePart(paper, index > 0))),
    ],
  });
}

/** "3. Jesse de Vries (2B) · 13:50": agenda number and start when the case is on the agenda. */
function caseHeading(paper: PapersCase): string {
  const numbered = paper.agendaNumber === null ? paper.title : `${paper.agendaNumber}. ${paper.title}`;
  return paper.start === null ? numbered : `${numbered}  ·  ${paper.start}`;
}

/** `newPage`: every case after the first starts on its own page, so each can be handed out apart. */
function casePart(paper: PapersCase, newPage: boolean): Block[] {
  const parts: Block[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: newPage,
      children: [new TextRun(caseHeading(paper))],
    }),
  ];
  const facts = [
    { label: 'Leerlingnummer', value: paper.studentNumber ?? '' },
    { label: 'Aangemeld door', value: paper.referrer ?? '' },
  ];
  if (facts.some((fact) => fact.value !== '')) parts.push(factsTable(facts, ORIENTATION));
  if (paper.anonymised) {
    const reason = paper.anonymisedBecause?.trim() ?? '';
    parts.push(
      new Paragraph({
        spacing: { before: 120 },
        children: [
          new TextRun({ text: 'Geanonimiseerd', bold: true, color: COLOR.confidential }),
          new TextRun(reason === '' ? '' : `: ${reason}`),
        ],
      }),
    );
  }
  const sections = paper.sections.filter((section) => section.text.trim() !== '');
  if (sections.length === 0) parts.push(mutedLine('Het aanmeldformulier is leeg.'));
  for (const section of sections) parts.push(heading(section.label, 2), ...textParagraphs(section.text));
  return parts;
}
