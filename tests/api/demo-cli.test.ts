import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/api/context';
import { DEMO_PASSPHRASE } from '../../electron/features/demo/demo-school';
import { call, migrationsFolder, tempDir } from '../helpers/backend';

const root = resolve(import.meta.dirname, '..', '..');

/** The text of a Word file: body, headers and footers, with the markup taken out. */
async function docxText(data: Buffer): Promise<{ text: string; images: string[] }> {
  const zip = await JSZip.loadAsync(data);
  const parts = Object.keys(zip.files).filter((name) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name));
  expect(parts).toContain('word/document.xml');
  const xml = await Promise.all(parts.map((name) => zip.file(name)!.async('string')));
  return {
    text: xml.map((x) => x.replace(/<[^>]+>/g, '')).join('\n'),
    images: Object.keys(zip.files).filter((name) => name.startsWith('word/media/')),
  };
}

const DATE = '\\d{4}-\\d{2}-\\d{2}';
/** Every kind the app makes, as the app names it; the dates are whatever the demo's meeting and today are. */
const kinds = {
  agenda: new RegExp(`^agenda-(${DATE})\\.docx$`),
  stukken: new RegExp(`^stukken-(${DATE})\\.docx$`),
  notulen: new RegExp(`^notulen-(${DATE})(-concept)?\\.docx$`),
  uittreksel: new RegExp(`^uittreksel-(\\d+)-(${DATE})-(dossier|ouders)\\.docx$`),
  brieven: new RegExp(`^brieven-(${DATE})-terugkoppeling\\.docx$`),
  perAdres: new RegExp(`^brieven-(${DATE})-terugkoppeling-per-adres\\.zip$`),
  brief: new RegExp(`^brief-(\\d+)-(${DATE})-terugkoppeling-\\d+\\.docx$`),
  actielijst: new RegExp(`^actielijst-(${DATE})-per-actiehouder\\.docx$`),
  jaarrooster: /^jaarrooster-(\d{4})-(\d{4})\.docx$/,
} as const;

describe('npm run demo -- --out <file> --documents <dir>', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  const out = join(dir.path, 'demo.zorgoverleg');
  // Not there yet: the command makes it.
  const documents = join(dir.path, 'documenten', 'demo');
  const runDemo = (...extra: string[]) =>
    spawnSync(
      process.execPath,
      [resolve(root, 'node_modules/tsx/dist/cli.mjs'), resolve(root, 'scripts/demo.ts'), '--out', out, ...extra],
      {
        encoding: 'utf8',
      },
    );
  let first: SpawnSyncReturns<string>;
  beforeAll(() => {
    first = runDemo('--documents', documents);
  }, 120_000);

  it('writes a demo vault that opens with the demo passphrase, with a logo and letters already sent', async () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(DEMO_PASSPHRASE);

    const backend = new Backend({ dataDir: dir.path, migrationsFolder });
    const { environments } = await call(backend, 'vault.status', {});
    const demo = environments.find((e) => e.id === 'demo')!;
    expect(demo).toMatchObject({ demo: true, problem: null });
    await call(backend, 'vault.unlock', {
      environmentId: 'demo',
      userId: demo.users[0]!.id,
      passphrase: DEMO_PASSPHRASE,
    });
    try {
      const settings = await call(backend, 'settings.get', {});
      expect(settings.schoolName).toBe('Lindeboom College (demo)');
      for (const field of [
        'street',
        'postalCode',
        'city',
        'phone',
        'email',
        'website',
        'letterSignatoryName',
        'letterSignatoryRole',
        'letterFooter',
      ] as const) {
        expect(settings[field], field).not.toBe('');
      }
      expect(await call(backend, 'settings.logo', {})).toMatchObject({ type: 'png', width: 240, height: 240 });

      // The letters the demo sent before today, on the timelines of the students they were about.
      const meetings = (await call(backend, 'agenda.meetings', { scope: 'afgelopen' })).filter((m) => m.cases > 0);
      const studentIds = new Set<string>();
      for (const m of meetings)
        for (const item of (await call(backend, 'agenda.get', { meetingId: m.id })).items)
          if (item.studentId) studentIds.add(item.studentId);
      const letters: { title: string; detail: string }[] = [];
      for (const id of studentIds) letters.push(...(await call(backend, 'students.timeline', { id })).filter((e) => e.kind === 'brief'));
      const titles = new Set(letters.map((l) => l.title));
      expect(titles).toEqual(
        new Set(['Brief: Terugkoppeling na het overleg', 'Brief: Toestemming vragen', 'Brief: Bevestiging van een verwijzing']),
      );
      for (const letter of letters) expect(letter.detail).toMatch(/^Aan (Dhr\.|Mevr\.) [A-Z]/);
    } finally {
      backend.lock();
    }
  });

  it('writes one of each Word document into the new folder, named and filled as the app does it', async () => {
    expect(first.status, first.stderr).toBe(0);
    expect(existsSync(documents)).toBe(true);
    const names = readdirSync(documents);
    for (const name of names) expect(first.stdout).toContain(name);
    const of = (kind: keyof typeof kinds) => names.filter((n) => kinds[kind].test(n));
    for (const kind of Object.keys(kinds) as (keyof typeof kinds)[]) expect(of(kind).length, kind).toBeGreaterThan(0);
    expect(names.every((n) => Object.values(kinds).some((pattern) => pattern.test(n)))).toBe(true);

    // One meeting: agenda, notulen, extracts and letters carry its date. (The stukken are its own
    // too, except early in the school year, when only meetings to come have intakes.)
    const meetingDates = new Set(
      (['agenda', 'notulen', 'uittreksel', 'brieven', 'perAdres', 'brief'] as const).flatMap((kind) =>
        of(kind).map((n) => n.match(new RegExp(DATE))![0]),
      ),
    );
    expect(meetingDates.size).toBe(1);

    // Extracts of two students, each for the dossier and for the parents.
    const extracts = of('uittreksel').map((n) => n.match(kinds.uittreksel)!);
    const numbers = new Set(extracts.map((m) => m[1]!));
    expect(numbers.size).toBe(2);
    for (const number of numbers)
      expect(new Set(extracts.filter((m) => m[1] === number).map((m) => m[3]))).toEqual(new Set(['dossier', 'ouders']));

    for (const name of names.filter((n) => n.endsWith('.docx'))) {
      const { text, images } = await docxText(readFileSync(join(documents, name)));
      expect(text, name).toContain('Lindeboom College (demo)');
      expect(images.length, `${name}: the logo in the letterhead`).toBeGreaterThan(0);
      const number = name.match(kinds.uittreksel)?.[1] ?? name.match(kinds.brief)?.[1];
      if (number) expect(text, name).toContain(number);
    }
    expect((await docxText(readFileSync(join(documents, of('agenda')[0]!)))).text).toMatch(/Agenda/);
    expect((await docxText(readFileSync(join(documents, of('jaarrooster')[0]!)))).text).toContain('Jaarrooster');

    // The letters per address: one Word file per letter, named with the student's number.
    const zip = await JSZip.loadAsync(readFileSync(join(documents, of('perAdres')[0]!)));
    const letters = Object.keys(zip.files);
    expect(letters.length).toBeGreaterThan(0);
    expect(letters.every((n) => kinds.brief.test(n))).toBe(true);
    expect(letters).toContain(of('brief')[0]);
  });

  it('refuses to overwrite an existing file, in Dutch', () => {
    const result = runDemo();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('niet overschreven');
  });
});
