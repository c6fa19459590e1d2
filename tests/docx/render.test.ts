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
  const all = rendered.text.split('\f').map((page) =>
    page
      .split('\n')
      .map(collapse)
      .filter((line) => line !== ''),
  );
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

/** An action row whose number, holder and date stand on one line: neither holder nor date wrapped in its cell. */
function actionRow(text: string[], number: string, holder: string, due: string): boolean {
  return text.some((line) => line.startsWith(`${number} `) && line.includes(` ${holder} ${due} `));
}

/** The letterhead with a logo: school name, address line and contact line, above every page's text. */
const LETTERHEAD_LINES = 3;

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
      'Genodigden Anna Wolters (awo)',
      'Els Smit (Kwadraad)',
      'Nr Tijd Onderwerp Inbrenger Duur',
      'Gasten: ouders, leerling',
      'Z.Ö. (2C) vervallen awo',
      'Gewijzigd na verzending op 5 november 2026: de wijzigingen zijn gemarkeerd.',
      'Leerlingen staan op deze agenda met initialen en klas.',
    ],
    check: (rendered) => {
      const text = lines(rendered);
      // Every item's number, start, title and marks on one line, presenter and length after them: no time wrapped.
      for (const item of agenda12.items) {
        if (item.number === null) continue;
        const row = `${item.number} ${item.start} ${item.title}`;
        expect(
          text.some(
            (line) =>
              line.startsWith(row) && line.endsWith(`${item.presenter === null ? '' : `${item.presenter} `}${item.durationMinutes} min`),
          ),
          row,
        ).toBe(true);
      }
      expect(text).toContain('5 13:49 J.d.V. (2B) gewijzigd sisl 10 min');
      expectConfidentialFooters(rendered);
    },
  },
  {
    name: 'notulen',
    build: () => buildMinutesDocx(minutes30),
    // 30 items (7 standard, 23 cases with a decision, three or four paragraphs and up to three actions) and the action list.
    pages: { min: 10, max: 18 },
    lines: [
      'Notulen IOT onderbouw',
      'Concept · nog niet vastgesteld, kan nog veranderen',
      'Aanwezig Anna Wolters (awo)',
      'Afwezig met bericht Yusuf Demir (GGD)',
      'Leerlingen staan in deze notulen met initialen en klas.',
      'Besluit: Basisondersteuning',
      'Bespreking Intern',
      'Wie informeert ouders en mentor Intern',
      'Z.Ö. (2C) vervallen',
      'Acties uit eerdere overleggen',
      'Actielijst',
    ],
    check: (rendered) => {
      const text = lines(rendered);
      // Every numbered item's heading survives, in order of the agenda.
      const headings = minutes30.items.flatMap((item) => (item.lapsed || item.number === null ? [] : [`${item.number}. ${item.title}`]));
      expect(headings).toHaveLength(29);
      const found = headings.map((heading) => text.indexOf(heading));
      expect(
        found.every((index) => index >= 0),
        'alle kopjes',
      ).toBe(true);
      expect([...found].sort((a, b) => a - b)).toEqual(found);
      expect(actionRow(text, '5.1', 'sisl', numericDate('2026-11-26'))).toBe(true);
      expect(actionRow(text, '7.3', 'Kwadraad', numericDate('2026-12-10'))).toBe(true);
      // Every action's holder (a staff code) and date stay on the row's one line.
      for (const action of minutes30.items.flatMap((item) => item.actions)) {
        expect(
          actionRow(
            text,
            action.number,
            action.holder ?? '',
            action.due === 'volgende-overleg' ? 'volgende overleg' : numericDate(action.due ?? ''),
          ),
          action.number,
        ).toBe(true);
      }
      // A carried action's meeting under its number, its date whole on a line of its own.
      expect(text.filter((line) => line.startsWith('uit IOT onderbouw')).length).toBeGreaterThan(0);
      expect(text.some((line) => line.startsWith('08-10-2026') || line.includes(' 08-10-2026'))).toBe(true);
      expect(text.some((line) => /\b08-$/.test(line))).toBe(false);
      // No page ends with a case's heading and its decision alone.
      pages(rendered).forEach((page, index) => {
        const footer = page.findIndex((line) => line.startsWith('Vertrouwelijk'));
        const [heading, last] = page.slice(0, footer).slice(-2);
        const orphan = /^\d+\. /.test(heading ?? '') && (last ?? '').startsWith('Besluit: ');
        expect(orphan, `pagina ${index + 1} eindigt met "${heading}" / "${last}"`).toBe(false);
      });
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
      '11 december 2026, 10:05 · Sil Slot',
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
      for (const intern of [...internOnly, 'Intern', 'Wie informeert ouders en mentor']) {
        expect(
          text.some((line) => line.includes(intern)),
          intern,
        ).toBe(false);
      }
      expect(actionRow(text, '5.1', 'Sil Slot', numericDate('2026-11-26'))).toBe(true);
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
      'Aangemeld door Sil Slot',
      'Geanonimiseerd: geen toestemming om deze leerling met alle deelnemers te bespreken',
      '[naam] trekt zich terug in de klas',
      'Hulpvraag aan het IOT',
    ],
    check: (rendered) => {
      const byPage = pages(rendered);
      const headings = [
        '5. Jesse de Vries (2B) · 13:53',
        '6. Leerling uit leerjaar 1 · 14:03',
        '7. Noah Jansen (1C) · 14:13',
        'Mila van Dijk (2A)',
      ];
      let previous = -1;
      for (const [index, heading] of headings.entries()) {
        const page = byPage.findIndex((lines) => lines.includes(heading));
        expect(page, heading).toBeGreaterThan(previous);
        // Every case after the first heads its own page, right under the letterhead.
        if (index > 0) expect(byPage[page]?.indexOf(heading), heading).toBe(LETTERHEAD_LINES);
        previous = page;
      }
      // The anonymised case names nobody.
      expect(lines(rendered).some((line) => line.includes('Sanne'))).toBe(false);
      expectConfidentialFooters(rendered);
    },
  },
  {
    name: 'actielijst',
    build: () => buildActionListDocx(actionList3),
    // Landscape, three holders and eighteen actions; a holder's actions stay together, so up to a page each.
    pages: { min: 1, max: 3 },
    lines: [
      'Openstaande acties per actiehouder',
      'Leerlingen staan op deze lijst met initialen en klas.',
      'awo — Anna Wolters',
      'sisl — Sil Slot',
      'Kwadraad',
      'Nr Leerling Wat Wie Wanneer Status',
      '22-10-2026 (over tijd) Open',
    ],
    check: (rendered) => {
      const text = lines(rendered);
      // A row: number with its origin, student, action, date and status on one line.
      expect(
        text.some(
          (line) =>
            /^5\.1 uit \S+ J\.d\.V\. \(2B\) Gesprek met Jesse en ouders over het verzuim/.test(line) && line.endsWith('26-11-2026 Open'),
        ),
      ).toBe(true);
      expect(
        text.some((line) =>
          /^15\.1 uit \S+ B\.v\.d\.M\. \(3C\) Screening dyslexie afnemen en terugkoppelen aan mentor sisl volgende overleg Open/.test(line),
        ),
      ).toBe(true);
      // The meeting's date under a number stays whole.
      expect(text.some((line) => line.includes('12-11-2026'))).toBe(true);
      expect(text.some((line) => /\b12-$/.test(line))).toBe(false);
      expectConfidentialFooters(rendered);
    },
  },
  {
    name: 'brieven',
    build: () => buildLetterDocx(letters),
    // Three letters of normal length (two to Zoë's parents, who live apart, one to Noah's): one page each.
    pages: { min: 3, max: 3 },
    lines: ['Utrecht, 1 december 2026', 'Betreft: Wat we hebben afgesproken over Zoë', 'Betreft: Wat we hebben afgesproken over Noah'],
    check: (rendered) => {
      expect(letters.letters).toHaveLength(3);
      const byPage = pages(rendered);
      letters.letters.forEach((letter, index) => {
        const page = byPage[index] ?? [];
        const where = `brief ${index + 1}`;
        // The letterhead, the letter's own address and salutation, and its closing and signature, all on its one page.
        expect(page[0], `${where}: briefhoofd`).toBe('Lindeboom College');
        for (const line of [...letter.addressLines, letter.salutation, letter.closing, letter.signatory.name, letter.signatory.role]) {
          expect(
            page.some((candidate) => candidate === collapse(line)),
            `${where}: ${line}`,
          ).toBe(true);
        }
        expect(page, `${where}: kenmerk`).toContain(`Kenmerk: ${letter.reference}`);
        // Pages are counted per letter: each starts at 1 ("van N" is left out, see letterhead.ts).
        expect(page.at(-1), `${where}: voettekst`).toBe(
          'Lindeboom College is een fictieve school. Deze omgeving bevat alleen verzonnen gegevens. Pagina 1',
        );
        // A letter home holds one student's data and is the family's own: no "Vertrouwelijk" stamp.
        expect(
          page.some((line) => line.startsWith('Vertrouwelijk')),
          `${where}: geen Vertrouwelijk`,
        ).toBe(false);
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

/** Each document is converted once, shared by its case and its known issues. */
const renders = new Map<string, Promise<RenderedDocx>>();

function render(name: string): Promise<RenderedDocx> {
  const c = cases.find((candidate) => candidate.name === name);
  if (c === undefined) throw new Error(`Geen rendercase ${name}`);
  let rendered = renders.get(name);
  if (rendered === undefined) {
    rendered = c.build().then(async (buffer) => {
      const result = await renderDocx(buffer, c.name);
      if (result === null) throw new Error('renderDocx gaf null terwijl LibreOffice er is');
      return result;
    });
    renders.set(name, rendered);
  }
  return rendered;
}

describe.skipIf(!available)('Word documents as printed (LibreOffice render)', () => {
  it.each(cases)(
    '$name fits its pages and keeps its text',
    async (c) => {
      const rendered = await render(c.name);
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
