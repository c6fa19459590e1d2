import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { contactLine, type Letterhead } from '../../electron/export/docx/letterhead';
import { buildYearScheduleDocx, type YearScheduleMeeting } from '../../electron/export/docx/year-schedule';
import { lindeboom } from './fixtures';
import { daysOff, meetings, sample } from './year-schedule.sample';

// Set DOCX_OUT=/tmp/jaarrooster.docx to keep the sample document and look at it (scripts/render-docx.mjs).

interface Unzipped {
  document: string;
  headers: string[];
  footers: string[];
  core: string;
  styles: string;
}

async function unzip(buffer: Buffer): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (file === null) throw new Error(`${path} ontbreekt`);
    return file.async('string');
  };
  const named = (prefix: string) => Object.keys(zip.files).filter((path) => path.startsWith(`word/${prefix}`));
  return {
    document: await read('word/document.xml'),
    headers: await Promise.all(named('header').map(read)),
    footers: await Promise.all(named('footer').map(read)),
    core: await read('docProps/core.xml'),
    styles: await read('word/styles.xml'),
  };
}

/**
 * The text of each paragraph, runs joined, entities decoded: what a reader sees line by line.
 * A field (page number) shows as ‹PAGE›, since Word fills it in only when it lays out the pages.
 */
function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((paragraph) =>
    [...paragraph[0].matchAll(/<w:(t|instrText)(?: [^>]*)?>([^<]*)<\/w:\1>/g)]
      .map(([, kind, text]) => (kind === 'instrText' ? `‹${(text ?? '').trim()}›` : decode(text ?? '')))
      .join(''),
  );
}

function decode(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}

/** "di 8 sep", worked out with Intl rather than date-fns so the test does not copy the code. */
function dutchDay(date: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  const part = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('nl-NL', { ...options, timeZone: 'UTC' }).format(at);
  return `${part({ weekday: 'short' })} ${part({ day: 'numeric' })} ${part({ month: 'short' }).replace(/\.$/, '')}`;
}

/** The body's top-level tables (the letterhead's are in the header and footer parts). */
function tables(document: string): string[] {
  return [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((match) => match[0]);
}

/** The column widths of a table in twips, from its grid. */
function gridColumns(table: string): number[] {
  return [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
}

function expectNoPlaceholders(texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toMatch(/undefined|null|NaN|\[object|\{|\}|Invalid Date/);
  }
}

describe('year schedule (jaarrooster)', () => {
  it('lists every meeting of the year in one table, month by month, in date order', async () => {
    const buffer = await buildYearScheduleDocx(sample);
    if (process.env.DOCX_OUT) writeFileSync(process.env.DOCX_OUT, buffer);
    const { document } = await unzip(buffer);
    const texts = paragraphTexts(document);

    expect(texts[0]).toBe('Jaarrooster zorgoverleggen 2026-2027');
    expect(texts[1]).toBe('Lindeboom College  ·  gemaakt op 24 augustus 2026');

    // A realistic year: three series, a meeting every four weeks.
    expect(meetings.length).toBeGreaterThanOrEqual(30);
    expect(texts).toContain('di 8 sep');
    expect(texts).toContain('do 17 sep');
    for (const meeting of meetings) expect(texts, meeting.date).toContain(dutchDay(meeting.date));
    for (const name of ['IOT onderbouw', 'ZAT', 'MDO bovenbouw']) {
      const count = meetings.filter((meeting) => meeting.seriesName === name).length;
      expect(count).toBeGreaterThan(8);
      expect(texts.filter((text) => text === name)).toHaveLength(count);
    }
    expect(texts).toContain('14:00–15:30');
    expect(texts).toContain('09:00–10:30');
    expect(texts).toContain('13:30–15:00');
    expect(texts).toContain('Lokaal 1.12');
    expect(texts).toContain('01-09'); // intake deadline of 8 September
    expect(texts).toContain('met jeugdarts en leerplicht');
    expect(texts).toContain('verschoven: herfstvakantie');
    expect(texts).toContain('verschoven: voorjaarsvakantie');

    const headings = ['Datum', 'Tijd', 'Overleg', 'Locatie', 'Aanmelden t/m', 'Opmerking'];
    for (const header of headings) expect(texts.filter((text) => text === header)).toHaveLength(1);

    // Month rows: only months that have meetings, in school-year order, each once.
    const monthRows = texts.filter((text) => /^[a-z]+ 20\d\d$/.test(text));
    expect(monthRows[0]).toBe('september 2026');
    expect(monthRows).toContain('oktober 2026');
    expect(monthRows).toContain('juni 2027');
    expect(monthRows).not.toContain('augustus 2026');
    expect(new Set(monthRows).size).toBe(monthRows.length);

    // Meetings appear in date order: the day numbers of September are ascending.
    const september = texts.slice(texts.indexOf('september 2026'), texts.indexOf('oktober 2026'));
    expect(september.filter((text) => /^[a-z]{2} \d+ sep$/.test(text))).toEqual(['di 8 sep', 'do 17 sep', 'wo 23 sep']);

    // One table for all meetings (and one for the holidays): one header row, a row per month and per meeting.
    const [meetingTable, daysOffTable, ...more] = tables(document);
    expect(more).toHaveLength(0);
    expect(meetingTable).toBeDefined();
    expect(daysOffTable).toContain('Vakantie of vrije dag');
    expect(meetingTable?.match(/<w:tr>/g)).toHaveLength(1 + monthRows.length + meetings.length);
    expect(meetingTable?.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    // Month rows span the table.
    expect(meetingTable?.match(/<w:gridSpan w:val="6"\/>/g)).toHaveLength(monthRows.length);
    // Fixed widths that fill the 17 cm between the margins, with room for a date and a time on one line.
    const columns = gridColumns(meetingTable ?? '');
    expect(columns).toHaveLength(6);
    expect(columns.reduce((sum, width) => sum + width, 0)).toBe(11906 - 2 * 2 * 567);
    expect(columns[0]).toBeGreaterThanOrEqual(1000); // "wo 30 sep"
    expect(columns[1]).toBeGreaterThanOrEqual(1150); // "13:30–15:00"
    expect(meetingTable).toContain('<w:tblLayout w:type="fixed"/>');

    // Header rows repeat on each page; rows do not break across pages; pages are A4.
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('<w:cantSplit/>');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expectNoPlaceholders(texts);
  });

  it('keeps the title clear of the rule under the letterhead', async () => {
    const { document, styles } = await unzip(await buildYearScheduleDocx(sample));
    const title = /<w:p>[\s\S]*?<\/w:p>/.exec(document.slice(document.indexOf('<w:body>')))?.[0] ?? '';
    expect(paragraphTexts(title)).toEqual(['Jaarrooster zorgoverleggen 2026-2027']);
    expect(title).toContain('<w:pStyle w:val="Title"/>');
    // The only rule at the top of the page is the letterhead's: nothing in the body or its heading styles draws one.
    expect(document).not.toContain('<w:pBdr>');
    for (const id of ['Title', 'Heading1', 'Heading2', 'Muted']) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0];
      expect(style, id).toBeDefined();
      expect(style, id).not.toContain('<w:pBdr>');
    }
    // A header taller than the top margin pushes the body up against the rule, 6 pt under the
    // header's text; LibreOffice then draws the rule through the title unless the title keeps more space before it.
    const before = Number(/<w:spacing [^>]*w:before="(\d+)"/.exec(title)?.[1] ?? 0);
    expect(before).toBeGreaterThanOrEqual(160);
  });

  it('lists the holidays and study days with Dutch date ranges', async () => {
    const { document } = await unzip(await buildYearScheduleDocx(sample));
    const texts = paragraphTexts(document);
    expect(texts).toContain('Vakanties en vrije dagen');
    expect(texts).toContain('za 17 oktober t/m zo 25 oktober 2026');
    expect(texts).toContain('za 19 december 2026 t/m zo 3 januari 2027');
    expect(texts).toContain('wo 10 februari 2027');
    expect(texts).toContain('za 17 juli t/m zo 29 augustus 2027');
    for (const day of daysOff) expect(texts).toContain(day.name);
  });

  it('puts the letterhead in the header and page numbers in the footer', async () => {
    const { headers, footers, core, styles } = await unzip(await buildYearScheduleDocx(sample));
    const headerTexts = headers.flatMap(paragraphTexts);
    const footerTexts = footers.flatMap(paragraphTexts);
    expect(headerTexts).toContain('Lindeboom College');
    expect(headerTexts).toContain(
      ['Lindelaan 12, 3512 KL Utrecht', '030 123 45 67', 'zorgteam@lindeboomcollege.example', 'www.lindeboomcollege.example'].join('  ·  '),
    );
    expect(footerTexts).toContain(lindeboom.letterFooter);
    expect(footerTexts).toContain('Pagina ‹PAGE› van ‹NUMPAGES›');
    expectNoPlaceholders([...headerTexts, ...footerTexts]);

    expect(core).toContain('<dc:title>Jaarrooster zorgoverleggen 2026-2027</dc:title>');
    expect(core).toContain('<dc:creator>Zorgoverleg</dc:creator>');
    expect(core).not.toContain('undefined');
    expect(styles).toContain('w:val="nl-NL"');
  });

  it('marks a deadline moved past a holiday, and shows the year of a deadline outside the school year', async () => {
    const first: YearScheduleMeeting = {
      date: '2026-09-01',
      startTime: '14:00',
      endTime: '15:30',
      seriesName: 'IOT onderbouw',
      location: 'Lokaal 1.12',
      note: null,
      intakeDeadline: '2026-08-31',
      intakeDeadlineNote: 'eerste schooldag na de zomervakantie',
    };
    // Not what the app plans any more, but a document must never pass July of last year off as this year's.
    const old: YearScheduleMeeting = {
      ...first,
      date: '2026-09-02',
      seriesName: 'ZAT',
      intakeDeadline: '2026-07-14',
      intakeDeadlineNote: null,
    };
    const { document } = await unzip(await buildYearScheduleDocx({ ...sample, meetings: [first, old, ...meetings] }));
    const texts = paragraphTexts(document);
    // The mark is a superscript note number ("31-08¹"), read here as "31-081".
    expect(texts).toContain('31-081');
    expect(document).toContain('<w:vertAlign w:val="superscript"/>');
    expect(texts).toContain('1 31-08: eerste schooldag na de zomervakantie');
    expect(texts).toContain('14-07-2026');
    expect(texts).not.toContain('14-07');
    // The explanation follows the table, before the holidays.
    const afterTable = texts.slice(texts.lastIndexOf('juni 2027'), texts.indexOf('Vakanties en vrije dagen'));
    expect(afterTable).toContain('1 31-08: eerste schooldag na de zomervakantie');
    expect(texts.filter((text) => /^\d+ \d{2}-\d{2}: /.test(text))).toHaveLength(1);
    expectNoPlaceholders(texts);
  });

  it('says so plainly when there is nothing to list', async () => {
    const { document } = await unzip(await buildYearScheduleDocx({ ...sample, meetings: [], daysOff: [] }));
    const texts = paragraphTexts(document);
    expect(texts).toContain('Er zijn voor dit schooljaar nog geen overleggen gepland.');
    expect(texts).toContain('Er zijn voor dit schooljaar geen vakanties of vrije dagen bekend.');
    expect(document).not.toContain('<w:tbl>');
    expectNoPlaceholders(texts);
  });
});

describe('letterhead', () => {
  const empty: Letterhead = {
    schoolName: 'Het Baken',
    street: '',
    postalCode: '',
    city: '',
    phone: '',
    email: '',
    website: '',
    letterFooter: '',
  };

  it('leaves out empty fields without stray separators', () => {
    expect(contactLine(empty)).toBe('');
    expect(contactLine({ ...empty, city: 'Almere' })).toBe('Almere');
    expect(contactLine({ ...empty, street: 'Dijk 4', city: 'Almere' })).toBe('Dijk 4, Almere');
    expect(contactLine({ ...empty, postalCode: '1312 AB', email: 'zorg@baken.example' })).toBe('1312 AB  ·  zorg@baken.example');
    expect(contactLine({ ...empty, street: '  ', phone: ' 036 555 00 00 ', website: 'baken.example' })).toBe(
      '036 555 00 00  ·  baken.example',
    );
  });

  it('builds a clean header and footer from a sparse letterhead', async () => {
    const sparse = { ...empty, city: 'Almere', email: 'zorg@baken.example' };
    const { headers, footers } = await unzip(await buildYearScheduleDocx({ ...sample, letterhead: sparse }));
    const headerTexts = headers.flatMap(paragraphTexts).filter((text) => text !== '');
    expect(headerTexts).toEqual(['Het Baken', 'Almere  ·  zorg@baken.example']);
    const footerTexts = footers.flatMap(paragraphTexts).filter((text) => text !== '');
    expect(footerTexts).toEqual(['Pagina ‹PAGE› van ‹NUMPAGES›']);
    for (const text of [...headerTexts, ...footerTexts]) {
      expect(text).not.toMatch(/^[\s·,]|[\s·,]$|·\s*·|,\s*,/);
    }
    expectNoPlaceholders([...headerTexts, ...footerTexts]);
  });
});
