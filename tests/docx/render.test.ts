import { describe, expect, it } from 'vitest';
import { buildActionListDocx } from '../../electron/export/docx/action-list';
import { buildAgendaDocx } from '../../electron/export/docx/agenda';
import { buildLetterDocx } from '../../electron/export/docx/letter';
import { buildExtractDocx, buildMinutesDocx } from '../../electron/export/docx/minutes';
import { buildPapersDocx } from '../../electron/export/docx/papers';
import { buildYearScheduleDocx } from '../../electron/export/docx/year-schedule';
import { compactWeekdayDate, numericDate } from '../../electron/shared/dutch-dates';
import { renderDocx, renderTools, type RenderedDocx } from './render';
import {
  actionList3,
  agenda12,
  extractDossier,
  extractParents,
  internOnly,
  letterDocument,
  letterStudents,
  minutes30,
  papers4,
} from './render-fixtures';
import { meetings, sample } from './year-schedule.sample';

/**
 * The Word documents as they come out of a printer: page count and text after LibreOffice lays
 * them out, which the XML tests cannot see (a wrapped date, a table spilling onto a third page).
 * RENDER_PNG=1 keeps the pages as PNGs to look at (see ./render.ts).
 */

interface RenderCase {
  /** File name of the render: letters, digits and dashes. */
  name: string;
  build: () => Promise<Buffer>;
  /** How many A4 pages the document may take. */
  pages: { min: number; max: number };
  /** Text that must survive the layout, each on one line (whitespace runs count as one space). */
  lines: string[];
  /** Anything else worth checking in the rendered text. */
  check?: (rendered: RenderedDocx) => void;
}

/** The rendered lines with runs of spaces collapsed, so a table row reads "di 8 sep 14:00–15:30 …". */
function lines(rendered: RenderedDocx): string[] {
  return rendered.text.split(/\n|\f/).map(collapse);
}

const collapse = (line: string) => line.replace(/\s+/g, ' ').trim();

/** The lines of each page, in page order (pdftotext ends every page with a form feed). */
function pages(rendered: RenderedDocx): string[][] {
  const all = rendered.text.split('\f').map((page) => page.split('\n').map(collapse).filter((line) => line !== ''));
  return all.slice(0, rendered.pages);
}

/** The footer of a document with student data, on every page: "Vertrouwelijk · <school's footer text> Pagina n van N". */
function expectConfidentialFooters(rendered: RenderedDocx): void {
  pages(rendered).forEach((page, index) => {
    const where = `pagina ${index + 1}`;
    expect(
      page.some((line) => line.startsWith('Vertrouwelijk · Lindeboom College is een fictieve school.')),
      `"Vertrouwelijk" in de voettekst, ${where}`,
    ).toBe(true);
    expect(
      page.some((line) => line.endsWith(`Pagina ${index + 1} van ${rendered.pages}`)),
      `"Pagina ${index + 1} van ${rendered.pages}", ${where}`,
    ).toBe(true);
  });
}

/** An action row whose number, holder and date stand on one line: the date did not wrap in its cell. */
function actionRow(text: string[], number: string, holder: string, due: string): boolean {
  return text.some((line) => line.startsWith(`${number} `) && line.includes(` ${holder} ${due} `));
}

const letters = letterDocument(letterStudents);

// One entry per document kind, with sample data of a realistic size (./render-fixtures.ts).
const cases: RenderCase[] = [
  {
    name: 'jaarrooster',
    build: () => buildYearScheduleDocx(sample),
    // A school year of about 33 meetings and its holidays: at most two pages.
    pages: { min: 1, max: 2 },
    lines: [
      'Jaarrooster zorgoverleggen 2026-2027',
      'Lindeboom College · gemaakt op 24 augustus 2026',
      'september 2026',
      'Vakanties en vrije dagen',
      'verschoven: voorjaarsvakantie',
    ],
    check: (rendered) => {
      expect(meetings.length).toBeGreaterThanOrEqual(30);
      // Every meeting's date, time and series on one line: no date or time wrapped in its cell.
      const text = lines(rendered);
      for (const meeting of meetings) {
        const row = `${compactWeekdayDate(meeting.date)} ${meeting.startTime}–${meeting.endTime} ${meeting.seriesName}`;
        expect(
          text.some((line) => line.startsWith(row)),
          row,
        ).toBe(true);
      }
    },
  },
  {
    name: 'agenda',
    build: () => buildAgendaDocx(agenda12),
    // Twelve numbered items, a lapsed one and six attendees: one page, as a team wants it on the table.
    pages: { min: 1, max: 1 },
    lines: [
      'Agenda IOT onderbouw',
      'gemaakt op 9 november 2026',
      'Datum donderdag 12 november 2026',
      'Genodigden awo — Anna Wolters (zorgcoördinator)',
      'Nr Tijd Onderwerp Inbrenger Duur',
      'Gasten: ouders, leerling',
      'Gewijzigd na verzending op 5 november 2026: de wijzigingen zijn gemarkeerd.',
      'Leerlingen staan op deze agenda met initialen en klas.',
    ],
    check: (rendered) => {
      const text = lines(rendered);
      // Every numbered item's number, start time and title on one line: no time wrapped in its cell.
      for (const item of agenda12.items) {
        const row = item.number === null ? item.title : `${item.number} ${item.start} ${item.title}`;
        expect(
          text.some((line) => line.startsWith(row)),
          row,
        ).toBe(true);
      }
      expect(text.some((line) => line.startsWith('5 13:53 J.d.V. (2B) gewijzigd sisl 10 min'))).toBe(true);
      expectConfidentialFooters(rendered);
    },
  },
  {
    name: 'notulen',
    build: () => buildMinutesDocx(minutes30),
    // 30 items (7 standard, 23 cases with decision, four paragraphs and up to three actions) and the action list.
    pages: { min: 8, max: 14 },
    lines: [
      'Notulen IOT onderbouw',
      'Concept · nog niet vastgesteld, kan nog veranderen',
      'Aanwezig awo — Anna Wolters',
      'Afwezig met bericht GGD — dr. Yusuf Demir (jeugdarts)',
      'Leerlingen staan in deze notulen met initialen en klas.',
      '5. J.d.V. (2B)',
      'Besluit: Basisondersteuning',
      'Bespreking Intern',
      'A.E.A. (3B) vervallen',
      'Acties uit eerdere overleggen',
      'Actielijst',
      '28. Volgende vergadering',
    ],
    check: (rendered) => {
      const text = lines(rendered);
      // Every case heading survives, numbered in order.
      for (const item of minutes30.items) {
        if (item.lapsed || item.number === null) continue;
        expect(
          text.includes(`${item.number}. ${item.title}`),
          `${item.number}. ${item.title}`,
        ).toBe(true);
      }
      expect(actionRow(text, '5.1', 'sisl', numericDate('2026-11-26'))).toBe(true);
      expect(actionRow(text, '5.2', 'awo', 'volgende overleg') || text.some((line) => line.startsWith('5.2 ') && line.includes(' awo volgende'))).toBe(true);
      expectConfidentialFooters(rendered);
    },
  },
  {
    name: 'uittreksel-dossier',
    build: () => buildExtractDocx(extractDossier),
    pages: { min: 1, max: 2 },
    lines: [
      'Uittreksel uit de notulen',
      'Jesse de Vries · leerlingnummer 123450 · klas 2B',
      'Versie voor het dossier (met interne tekst)',
      'Vastgesteld op 10 december 2026 (in IOT 10-12-2026)',
      'Overleg IOT onderbouw',
      '5. Jesse de Vries (2B)',
      'Bespreking Intern',
      'Aanvullingen na vaststelling',
      'Aanvulling bij punt 5 Intern',
      ...internOnly,
    ],
    check: (rendered) => {
      expect(actionRow(lines(rendered), '5.1', 'sisl', numericDate('2026-11-26'))).toBe(true);
      expectConfidentialFooters(rendered);
    },
  },
  {
    name: 'uittreksel-ouders',
    build: () => buildExtractDocx(extractParents),
    pages: { min: 1, max: 1 },
    lines: [
      'Uittreksel uit de notulen',
      'Jesse de Vries · leerlingnummer 123450 · klas 2B',
      'Versie voor ouders',
      '5. Jesse de Vries (2B)',
      'Vraag / aanleiding',
      'Aanvulling bij punt 5',
    ],
    check: (rendered) => {
      const text = lines(rendered);
      // Nothing of the team's own text reaches the parents' version.
      for (const intern of [...internOnly, 'Intern']) {
        expect(
          text.some((line) => line.includes(intern)),
          intern,
        ).toBe(false);
      }
      expect(actionRow(text, '5.1', 'sisl', numericDate('2026-11-26'))).toBe(true);
      expectConfidentialFooters(rendered);
    },
  },
  {
    name: 'stukken',
    build: () => buildPapersDocx(papers4),
    // Four intake forms, each starting on its own page; a long one may run onto a second page.
    pages: { min: 4, max: 6 },
    lines: [
      'Stukken IOT onderbouw',
      'Leerlingnummer 123450',
      'Aangemeld door sisl — Sil Slot (mentor)',
      'Geanonimiseerd: geen toestemming om deze leerling met alle deelnemers te bespreken',
      'Hulpvraag aan het IOT',
    ],
    check: (rendered) => {
      // Each case heads its own page.
      const byPage = pages(rendered);
      const headings = ['5. Jesse de Vries (2B) · 13:53', '6. Leerling uit leerjaar 1 · 14:03', '7. Noah Jansen (1C) · 14:13', 'Mila van Dijk (2A)'];
      for (const heading of headings) {
        const page = byPage.findIndex((lines) => lines.includes(heading));
        expect(page, heading).toBeGreaterThanOrEqual(0);
        // The heading is the first line under the letterhead (name and two contact lines).
        const firstBody = byPage[page]!.findIndex((line) => line === heading || line.startsWith('Stukken IOT'));
        expect(firstBody, heading).toBeLessThanOrEqual(4);
      }
      expectConfidentialFooters(rendered);
    },
  },
  {
    name: 'actielijst',
    build: () => buildActionListDocx(actionList3),
    // Landscape, three holders and eighteen actions.
    pages: { min: 1, max: 3 },
    lines: [
      'Openstaande acties per actiehouder',
      'Leerlingen staan op deze lijst met initialen en klas.',
      'awo — Anna Wolters',
      'sisl — Sil Slot',
      'Kwadraad',
      'Nr Leerling Wat Wie Wanneer Status',
      '22-10-2026 (verlopen)',
    ],
    check: (rendered) => {
      const text = lines(rendered);
      // A student's row: number, student, action, holder, date and status on one line.
      expect(text.some((line) => line.startsWith('5.1 J.d.V. (2B) Gesprek met Jesse en ouders over het verzuim awo'))).toBe(true);
      expectConfidentialFooters(rendered);
    },
  },
  {
    name: 'brieven',
    build: () => buildLetterDocx(letters),
    // Three letters of normal length: exactly one page each, none spilling onto a second.
    pages: { min: 3, max: 3 },
    lines: ['Lindeboom College', 'Utrecht, 1 december 2026', 'Betreft: Wat we hebben afgesproken over Zoë'],
    check: (rendered) => {
      expect(letters.letters).toHaveLength(3);
      const byPage = pages(rendered);
      letters.letters.forEach((letter, index) => {
        const page = byPage[index] ?? [];
        const where = `brief ${index + 1}`;
        // The letter's own address, salutation, body, closing and signature, all on its one page.
        for (const line of [...letter.addressLines, letter.salutation, letter.closing, letter.signatory.name, letter.signatory.role]) {
          expect(
            page.some((candidate) => candidate.includes(collapse(line))),
            `${where}: ${line}`,
          ).toBe(true);
        }
        expect(page.some((line) => line.startsWith(`Kenmerk: ${letter.reference}`)), `${where}: kenmerk`).toBe(true);
        expect(page.some((line) => line.includes('Pagina 1')), `${where}: Pagina 1`).toBe(true);
      });
    },
  },
];

const available = renderTools() !== null;
if (!available) {
  console.warn(
    'Rendertest overgeslagen: LibreOffice (soffice) of poppler (pdfinfo, pdftotext) ontbreekt. ' +
      '`npm test` installeert ze waar het kan; anders zelf installeren of SOFFICE_PATH zetten.',
  );
}

/** A conversion takes 5–10 s, much longer on a loaded two-core machine; each document is converted once. */
const RENDER_TIMEOUT_MS = 120_000;

describe.skipIf(!available)('Word documents as printed (LibreOffice render)', () => {
  it.each(cases)(
    '$name fits its pages and keeps its text',
    async (c) => {
      const rendered = await renderDocx(await c.build(), c.name);
      if (rendered === null) throw new Error('renderDocx gaf null terwijl LibreOffice er is');
      expect(rendered.pages).toBeGreaterThanOrEqual(c.pages.min);
      expect(rendered.pages).toBeLessThanOrEqual(c.pages.max);
      const text = lines(rendered);
      for (const line of c.lines) {
        expect(
          text.some((candidate) => candidate.includes(line)),
          line,
        ).toBe(true);
      }
      c.check?.(rendered);
    },
    RENDER_TIMEOUT_MS,
  );
});
