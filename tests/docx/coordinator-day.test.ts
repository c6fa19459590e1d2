import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/api/context';
import type { MethodOutput } from '../../electron/app/contract';
import { buildYearScheduleDocx, type YearScheduleMeeting } from '../../electron/export/docx/year-schedule';
import { DEMO_PASSPHRASE } from '../../electron/features/demo/demo-school';
import { letterValues, type LetterFacts } from '../../electron/features/letters/letter-values';
import { mergeText } from '../../electron/features/letters/template-merge';
import { schoolYearOf } from '../../electron/features/schedule/vocabulary';
import { call, makeBackend, tempDir } from '../helpers/backend';
import { paragraphText, paragraphXml, tables, unzipDocx } from './docx-text';
import { renderDocx, renderTools } from './render';
import { sample } from './year-schedule.sample';

/**
 * Issue 23, point 12: the Word documents of a coordinator's day, made from the demo school through
 * the app's own methods (minutes, extract, letters, jaarrooster), as the coordinator gets them.
 */

type File = MethodOutput<'documents.minutes'>;
const bytes = (file: File) => Buffer.from(file.contentBase64, 'base64');

/** The texts of the paragraphs from the one that reads `from` up to (not including) the one that reads `to`. */
function between(texts: string[], from: string, to?: string): string[] {
  const start = texts.indexOf(from);
  expect(start, from).toBeGreaterThanOrEqual(0);
  const end = to === undefined ? texts.length : texts.indexOf(to, start);
  return texts.slice(start, end === -1 ? texts.length : end);
}

/** A run is bold by its paragraph style when that style sets <w:b/>. */
function styleIsBold(styles: string, styleId: string): boolean {
  const style = new RegExp(`<w:style [^>]*w:styleId="${styleId}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
  return /<w:rPr>[\s\S]*<w:b\/>[\s\S]*<\/w:rPr>/.test(style);
}

describe('the Word documents of a coordinator’s day (demo school)', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  let meetingId: string;

  beforeAll(async () => {
    // A fixed day some weeks after the demo's last IOT, so the demo is the same on every run.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 11, 7, 9, 0, 0) });
    dir = tempDir();
    backend = makeBackend(dir.path);
    const { environmentId } = await call(backend, 'demo.open', {});
    const users = (await call(backend, 'vault.status', {})).environments.find((e) => e.id === environmentId)!.users;
    backend.lock();
    await call(backend, 'vault.unlock', {
      environmentId,
      userId: users.find((u) => u.staffCode === 'awo')!.id,
      passphrase: DEMO_PASSPHRASE,
    });
    // The last IOT with cases and minutes: the one the demo's documents are made of.
    const past = await call(backend, 'agenda.meetings', { scope: 'afgelopen' });
    const iot = past.filter((m) => m.title === 'IOT' && m.cases > 0).sort((a, b) => b.date.localeCompare(a.date))[0];
    expect(iot, 'een afgelopen IOT met leerlingen').toBeDefined();
    meetingId = iot!.id;
  }, 60_000);
  afterAll(() => {
    backend.lock();
    dir.cleanup();
    vi.useRealTimers();
  });

  async function lettersFor(templateId: string): Promise<{ texts: string[]; document: string; styles: string }> {
    const options = { includeWithoutAuthority: [], copyToParents: true };
    const { cases } = await call(backend, 'letters.cases', { meetingId, templateId, ...options });
    const studentIds = cases.filter((c) => c.letters.length > 0).map((c) => c.studentId);
    const { jobId } = await call(backend, 'letters.start', { templateId, meetingId, studentIds, ...options });
    // The finished run hands its files over once.
    let result: MethodOutput<'letters.progress'>['result'] = null;
    await expect
      .poll(
        async () => {
          const progress = await call(backend, 'letters.progress', { jobId });
          result = progress.result;
          return progress.state;
        },
        { timeout: 60_000 },
      )
      .toBe('done');
    const print = bytes(result!.print);
    const zip = await unzipDocx(print);
    const styles = await (await JSZip.loadAsync(print)).file('word/styles.xml')!.async('string');
    return { texts: paragraphXml(zip.document).map(paragraphText), document: zip.document, styles };
  }

  it('letters: a referral names the partner the case goes to, the decision type once, questions as bold headings', async () => {
    const { texts, document, styles } = await lettersFor('terugkoppeling');
    const body = texts.join('\n');
    // Adam's case goes to Jeugdhulp Midden (the partner holding his actions): named, and no other organisation.
    expect(body).toContain('Doorverwijzing naar hulp buiten school, bij Jeugdhulp Midden (fictief): ouders vragen via de huisarts');
    expect(body).not.toContain('bijvoorbeeld jeugdhulp');
    expect(body).not.toMatch(/de jeugdarts of leerplicht|Sociaal Team|GGD regio|Leerplicht Lindestad/);
    // Jurre's decision: the type in the parents' words once, the team's text after it.
    expect(body).not.toContain('Basisondersteuning op school. Basisondersteuning');
    expect(body).toContain('Basisondersteuning op school: vaste plek, planner met de mentor en een maatje in de klas.');
    // "Wat hebben we besloten?" is a paragraph of its own in the letter's question style, which is bold.
    const questions = paragraphXml(document).filter((p) => paragraphText(p) === 'Wat hebben we besloten?');
    expect(questions.length).toBeGreaterThan(0);
    for (const question of questions) expect(question).toContain('<w:pStyle w:val="LetterQuestion"/>');
    expect(styleIsBold(styles, 'LetterQuestion')).toBe(true);
    expect(texts.filter((t) => t === 'Wat gaan we doen?').length).toBe(questions.length);
  }, 90_000);

  it(
    'notulen: the closing actielijst lists a carried action once, marks an overdue one, and keeps own ' + 'and carried numbers apart',
    async () => {
      const file = await call(backend, 'documents.minutes', { meetingId, names: 'initialen' });
      const { document } = await unzipDocx(bytes(file));
      const texts = paragraphXml(document).map(paragraphText);
      const list = between(texts, 'Actielijst');
      expect(list).toContain('Uit dit overleg');
      expect(list).toContain('Uit eerdere overleggen');
      // 6.1 of IOT 06-10-2026 is discussed under Actiepunten and on Femke's case: listed once.
      const all = tables(document);
      const [own, earlier] = all.slice(-2);
      const carriedNumbers = earlier!.slice(1).map((row) => row[0]);
      expect(carriedNumbers.filter((n) => n === '6.1\nuit IOT\n06-10-2026')).toHaveLength(1);
      expect(new Set(carriedNumbers).size).toBe(carriedNumbers.length);
      // This meeting's own actions carry no origin; carried ones always do, so "5.1" and "5.1 uit IOT" are told apart.
      expect(own!.slice(1).every((row) => /^\d+\.\d+$/.test(row[0] ?? ''))).toBe(true);
      expect(earlier!.slice(1).every((row) => /^\d+\.\d+\nuit /.test(row[0] ?? ''))).toBe(true);
      // Due 20-10-2026 and still open at the meeting of 10-11-2026: marked, and the mark explained.
      const late = earlier!.find((row) => row[0] === '6.1\nuit IOT\n06-10-2026')!;
      expect(late[3]).toBe('20-10-2026 (over tijd)');
      expect(earlier!.find((row) => row[0]?.startsWith('5.1'))![3]).toBe('14-12-2026');
      expect(list.some((t) => t.startsWith('Over tijd: de actie stond op 10 november 2026 nog open'))).toBe(true);
    },
    60_000,
  );

  it('dossier extract: the action table takes the paragraph before it along, never alone on a page', async () => {
    const agenda = await call(backend, 'agenda.get', { meetingId });
    const jurre = agenda.items.find((i) => i.kind === 'casus' && (i.caseName ?? '').startsWith('Jurre'))!;
    expect(jurre, 'Jurre op de agenda').toBeDefined();
    const file = await call(backend, 'documents.extract', { itemId: jurre.id, version: 'dossier' });
    const { document } = await unzipDocx(bytes(file));
    const paragraphs = paragraphXml(document.slice(0, document.indexOf('<w:tbl>', document.indexOf('>Acties<'))));
    const actions = paragraphs.findIndex((p) => paragraphText(p) === 'Acties');
    // The heading "Acties" (Heading 2: keepNext by its style), and before it the last paragraph of the minutes and its heading.
    expect(paragraphs[actions]).toContain('<w:pStyle w:val="Heading2"/>');
    const before = paragraphs.slice(0, actions).reverse();
    const lastText = before[0]!;
    expect(paragraphText(lastText)).toBe('bgr belt ouders; de mentor krijgt het verslag.');
    expect(lastText).toContain('<w:keepNext/>');
    expect(paragraphText(before[1]!)).toContain('Wie informeert ouders en mentor');

    const rendered = renderTools() === null ? null : await renderDocx(bytes(file), 'uittreksel-demo-dossier');
    if (rendered === null) return;
    // As printed: the page with the table also has the paragraph before it.
    const pages = rendered.text.split('\f').map((page) => page.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()));
    const withTable = pages.find((page) => page.includes('Acties'))!;
    expect(withTable.some((line) => line.startsWith('bgr belt ouders'))).toBe(true);
  }, 150_000);

  it('jaarrooster: every moved deadline has its own note number, each leading to its note', async () => {
    const meeting = (await call(backend, 'agenda.meetings', { scope: 'afgelopen' })).find((m) => m.id === meetingId)!;
    const file = await call(backend, 'schedule.exportDocx', { schoolYear: schoolYearOf(meeting.date) });
    const { document } = await unzipDocx(bytes(file));
    expectDistinctNotes(document);
  }, 60_000);
});

/** Marks in the table are superscript numbers; each number has exactly one note line, and the notes differ. */
function expectDistinctNotes(document: string): void {
  const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)?.[0] ?? '';
  const superscripts = (xml: string) =>
    [
      ...xml.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:vertAlign w:val="superscript"\/>(?:(?!<\/w:r>)[\s\S])*?<w:t[^>]*>([^<]*)<\/w:t>/g),
    ].map((m) => m[1]);
  const marks = new Set(superscripts(table));
  expect(marks.size).toBeGreaterThan(1);
  const after = document.slice(document.indexOf(table) + table.length);
  const notes = paragraphXml(after).filter((p) => superscripts(p).length > 0);
  const numbers = notes.map((p) => superscripts(p)[0]);
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(new Set(numbers)).toEqual(marks);
  const reasons = notes.map((p) => paragraphText(p).replace(/^\d+ /, ''));
  expect(new Set(reasons).size).toBe(reasons.length);
  expect(document).not.toMatch(/<w:t[^>]*>\*/);
}

describe('jaarrooster notes (sample year)', () => {
  it('gives two deadlines moved for different reasons different marks', async () => {
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
    const second: YearScheduleMeeting = {
      ...first,
      date: '2027-01-05',
      intakeDeadline: '2027-01-04',
      intakeDeadlineNote: 'eerste schooldag na de kerstvakantie',
    };
    const again: YearScheduleMeeting = { ...first, seriesName: 'ZAT' };
    const { document } = await unzipDocx(await buildYearScheduleDocx({ ...sample, meetings: [first, again, second, ...sample.meetings] }));
    expectDistinctNotes(document);
    const texts = paragraphXml(document).map(paragraphText);
    expect(texts).toContain('1 31-08: eerste schooldag na de zomervakantie');
    expect(texts).toContain('2 04-01: eerste schooldag na de kerstvakantie');
    // The same deadline for the same reason (two series) shares its note.
    expect(texts.filter((t) => t === '31-081')).toHaveLength(2);
  });
});

describe('the decision in a letter', () => {
  const facts: LetterFacts = {
    student: { givenName: 'Daan', infix: '', familyName: 'Smit', className: '2A', studentNumber: '500200' },
    addressees: ['Eva Smit'],
    meeting: { name: 'ZAT', date: '2026-11-12', startTime: '14:00', location: 'Vergaderkamer', caseStartTime: null },
    decision: {
      type: 'extern',
      textForParents: 'Extern: het wijkteam neemt contact met u op.',
      partners: ['het wijkteam'],
    },
    actions: [],
    consent: null,
    coordinator: null,
    school: { name: 'Lindeboom College', phone: '030 123 45 67', email: 'zorg@school.example' },
    letterDate: '2026-12-01',
  };

  it('names only the partners involved, and no examples when none is known', () => {
    expect(mergeText('{{besluit}}', letterValues(facts))).toBe(
      'Doorverwijzing naar hulp buiten school, bij het wijkteam: het wijkteam neemt contact met u op.',
    );
    const unknown = letterValues({
      ...facts,
      decision: { type: 'extern', textForParents: 'Ouders zoeken hulp via de huisarts.', partners: [] },
    });
    expect(mergeText('{{besluit}}', unknown)).toBe('Doorverwijzing naar hulp buiten school. Ouders zoeken hulp via de huisarts.');
  });

  it('says the type once when the team started its text with it', () => {
    const basis = (text: string) =>
      mergeText('{{besluit}}', letterValues({ ...facts, decision: { type: 'basisondersteuning', textForParents: text } }));
    expect(basis('Basisondersteuning: huiswerkklas op dinsdag.')).toBe('Basisondersteuning op school: huiswerkklas op dinsdag.');
    expect(basis('basisondersteuning : huiswerkklas')).toBe('Basisondersteuning op school: huiswerkklas.');
    // A text about something else keeps its own first sentence.
    expect(basis('Zoë gaat naar de huiswerkklas.')).toBe('Basisondersteuning op school. Zoë gaat naar de huiswerkklas.');
  });
});
