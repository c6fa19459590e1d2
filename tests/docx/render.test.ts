import { describe, expect, it } from 'vitest';
import { buildYearScheduleDocx } from '../../electron/export/docx/year-schedule';
import { compactWeekdayDate } from '../../electron/shared/dutch-dates';
import { renderDocx, renderTools, type RenderedDocx } from './render';
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
  return rendered.text.split(/\n|\f/).map((line) => line.replace(/\s+/g, ' ').trim());
}

// One entry per document kind. Add agenda, minutes (notulen), extract (uittreksel), papers
// (stukken), action list (actielijst) and letter (brief) here as their builders land.
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
