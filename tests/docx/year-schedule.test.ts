import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { contactLine, type Letterhead } from '../../electron/export/docx/letterhead';
import {
  buildYearScheduleDocx,
  type YearScheduleDayOff,
  type YearScheduleDocument,
  type YearScheduleMeeting,
} from '../../electron/export/docx/year-schedule';

// Set DOCX_OUT=/tmp/jaarrooster.docx to keep the sample document and look at it (scripts/render-docx.mjs).

const lindeboom: Letterhead = {
  schoolName: 'Lindeboom College',
  street: 'Lindelaan 12',
  postalCode: '3512 KL',
  city: 'Utrecht',
  phone: '030 123 45 67',
  email: 'zorgteam@lindeboomcollege.example',
  website: 'www.lindeboomcollege.example',
  letterFooter: 'Lindeboom College is een fictieve school. Deze omgeving bevat alleen verzonnen gegevens.',
};

/** Region midden, 2026-2027 (approximately the official dates, plus a school study day). */
const daysOff: YearScheduleDayOff[] = [
  { start: '2026-10-17', end: '2026-10-25', name: 'herfstvakantie' },
  { start: '2026-12-19', end: '2027-01-03', name: 'kerstvakantie' },
  { start: '2027-02-10', end: '2027-02-10', name: 'studiedag' },
  { start: '2027-02-20', end: '2027-02-28', name: 'voorjaarsvakantie' },
  { start: '2027-03-26', end: '2027-03-26', name: 'Goede Vrijdag' },
  { start: '2027-03-29', end: '2027-03-29', name: 'Tweede Paasdag' },
  { start: '2027-04-24', end: '2027-05-09', name: 'meivakantie' },
  { start: '2027-05-17', end: '2027-05-17', name: 'Tweede Pinksterdag' },
  { start: '2027-07-17', end: '2027-08-29', name: 'zomervakantie' },
];

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return next.toISOString().slice(0, 10);
}

const dayOffOn = (date: string) => daysOff.find((day) => day.start <= date && date <= day.end);

/** Every five weeks from the first date; a date in a holiday moves a week later, as the planner does. */
function series(
  seriesName: string,
  firstDate: string,
  times: [string, string],
  location: string,
  intakeDaysBefore: number | null,
): YearScheduleMeeting[] {
  const meetings: YearScheduleMeeting[] = [];
  for (let grid = firstDate; grid <= '2027-07-09'; grid = addDays(grid, 35)) {
    let date = grid;
    let note: string | null = null;
    for (let off = dayOffOn(date); off !== undefined; off = dayOffOn(date)) {
      date = addDays(date, 7);
      note = `verschoven: ${off.name}`;
    }
    if (date > '2027-07-09') continue;
    meetings.push({
      date,
      startTime: times[0],
      endTime: times[1],
      seriesName,
      location,
      note,
      intakeDeadline: intakeDaysBefore === null ? null : addDays(date, -intakeDaysBefore),
      intakeDeadlineNote: null,
    });
  }
  return meetings;
}

const meetings: YearScheduleMeeting[] = [
  ...series('IOT onderbouw', '2026-09-08', ['14:00', '15:30'], 'Lokaal 1.12', 7),
  ...series('ZAT', '2026-09-17', ['09:00', '10:30'], 'Vergaderkamer', 10),
];
// A hand-written note as the team would add one.
const firstZat = meetings.find((meeting) => meeting.seriesName === 'ZAT');
if (firstZat !== undefined) firstZat.note = 'met jeugdarts en leerplicht';

const sample: YearScheduleDocument = {
  schoolYear: '2026-2027',
  letterhead: lindeboom,
  generatedOn: '2026-08-24',
  meetings,
  daysOff,
};

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
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

/** "di 8 september", worked out with Intl rather than date-fns so the test does not copy the code. */
function dutchDay(date: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('nl-NL', { ...options, timeZone: 'UTC' }).format(at);
  return `${part({ weekday: 'short' })} ${part({ day: 'numeric' })} ${part({ month: 'long' })}`;
}

function expectNoPlaceholders(texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toMatch(/undefined|null|NaN|\[object|\{|\}|Invalid Date/);
  }
}

describe('year schedule (jaarrooster)', () => {
  it('lists every meeting under its Dutch month heading, in date order', async () => {
    const buffer = await buildYearScheduleDocx(sample);
    if (process.env.DOCX_OUT) writeFileSync(process.env.DOCX_OUT, buffer);
    const { document } = await unzip(buffer);
    const texts = paragraphTexts(document);

    expect(texts[0]).toBe('Jaarrooster zorgoverleggen 2026-2027');
    expect(texts[1]).toBe('Lindeboom College  ·  gemaakt op 24 augustus 2026');

    expect(texts).toContain('di 8 september');
    expect(texts).toContain('do 17 september');
    for (const meeting of meetings) expect(texts, meeting.date).toContain(dutchDay(meeting.date));
    for (const name of ['IOT onderbouw', 'ZAT']) {
      const count = meetings.filter((meeting) => meeting.seriesName === name).length;
      expect(texts.filter((text) => text === name)).toHaveLength(count);
    }
    expect(texts).toContain('14:00–15:30');
    expect(texts).toContain('09:00–10:30');
    expect(texts).toContain('Lokaal 1.12');
    expect(texts).toContain('01-09'); // intake deadline of 8 September
    expect(texts).toContain('met jeugdarts en leerplicht');
    expect(texts).toContain('verschoven: herfstvakantie');

    const headings = ['Datum', 'Tijd', 'Overleg', 'Locatie', 'Aanmelden t/m', 'Opmerking'];
    for (const header of headings) expect(texts).toContain(header);

    // Month headings: only months that have meetings, in school-year order.
    const monthHeadings = texts.filter((text) => /^[a-z]+ 20\d\d$/.test(text));
    expect(monthHeadings[0]).toBe('september 2026');
    expect(monthHeadings).toContain('oktober 2026');
    expect(monthHeadings).toContain('juni 2027');
    expect(monthHeadings).not.toContain('augustus 2026');
    expect(new Set(monthHeadings).size).toBe(monthHeadings.length);

    // Meetings appear in date order: the day numbers of September are ascending.
    const september = texts.slice(texts.indexOf('september 2026'), texts.indexOf('oktober 2026'));
    expect(september.filter((text) => /^[a-z]{2} \d+ september$/.test(text))).toEqual([
      'di 8 september',
      'do 17 september',
    ]);

    // Header rows repeat on each page; rows do not break across pages; pages are A4.
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('<w:cantSplit/>');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expectNoPlaceholders(texts);
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
      [
        'Lindelaan 12, 3512 KL Utrecht',
        '030 123 45 67',
        'zorgteam@lindeboomcollege.example',
        'www.lindeboomcollege.example',
      ].join('  ·  '),
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
    const old: YearScheduleMeeting = { ...first, date: '2026-09-02', seriesName: 'ZAT', intakeDeadline: '2026-07-14', intakeDeadlineNote: null };
    const { document } = await unzip(await buildYearScheduleDocx({ ...sample, meetings: [first, old, ...meetings] }));
    const texts = paragraphTexts(document);
    expect(texts).toContain('31-08*');
    expect(texts).toContain('* 31-08: eerste schooldag na de zomervakantie');
    expect(texts).toContain('14-07-2026');
    expect(texts).not.toContain('14-07');
    // The explanation follows September's table, before October's heading.
    const september = texts.slice(texts.indexOf('september 2026'), texts.indexOf('oktober 2026'));
    expect(september).toContain('* 31-08: eerste schooldag na de zomervakantie');
    expect(texts.filter((text) => text.startsWith('* '))).toHaveLength(1);
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
    expect(contactLine({ ...empty, postalCode: '1312 AB', email: 'zorg@baken.example' })).toBe(
      '1312 AB  ·  zorg@baken.example',
    );
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
