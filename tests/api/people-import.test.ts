import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/api/context';
import type { MethodOutput } from '../../electron/api/contract';
import { call, callError, makeBackend, newSchool, tempDir } from '../helpers/backend';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '..', 'fixtures', name)).toString('base64');

async function analyze(backend: Backend, name: string, content = fixture(name)) {
  return call(backend, 'import.analyze', { fileName: name, contentBase64: content });
}

async function runImport(
  backend: Backend,
  analyzed: MethodOutput<'import.analyze'>,
  onErrors: 'skip' | 'refuse' = 'skip',
): Promise<MethodOutput<'import.progress'>> {
  const { jobId } = await call(backend, 'import.start', { importId: analyzed.importId, mapping: analyzed.mapping, onErrors });
  for (;;) {
    const progress = await call(backend, 'import.progress', { jobId });
    if (progress.state !== 'running') return progress;
    await new Promise((r) => setTimeout(r, 5));
  }
}

const count = async (backend: Backend) =>
  (await call(backend, 'students.search', { query: '', className: null, yearLevel: null, status: 'all', limit: 1 })).total;

describe('importing students and guardians', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  beforeEach(async () => {
    dir = tempDir();
    backend = makeBackend(dir.path);
    await call(backend, 'vault.create', newSchool);
    await call(backend, 'staff.save', { id: null, name: 'Jan de Boer', code: 'jbo', functions: ['mentor'], email: '', active: true });
  });
  afterEach(() => {
    backend.lock();
    dir.cleanup();
  });

  it('adds students from a Magister file, with mentors and a warning for an unknown one', async () => {
    const analyzed = await analyze(backend, 'magister-leerlingen.csv');
    expect(analyzed).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', rowCount: 6, mappingRemembered: false });
    const preview = await call(backend, 'import.preview', { importId: analyzed.importId, mapping: analyzed.mapping });
    expect(preview).toMatchObject({ kind: 'students', toAdd: 6, toUpdate: 0, errors: [] });
    expect(preview.warnings.map((w) => w.message)).toEqual(['Mentor "xyz" is onbekend; de leerling wordt zonder mentor opgeslagen.']);

    const result = await runImport(backend, analyzed);
    expect(result.report).toMatchObject({ added: 6, updated: 0, skipped: 0 });
    const found = await call(backend, 'students.search', { query: 'zoe', className: null, yearLevel: null, status: 'active', limit: 10 });
    expect(found.items.map((s) => s.name)).toEqual(['Zoë de Wit']);
    const zoe = await call(backend, 'students.get', { id: found.items[0]!.id });
    expect(zoe).toMatchObject({ birthDate: '2013-09-03', className: '1A', yearLevel: 1, mentor: { code: 'jbo' } });
    const liv = await call(backend, 'students.search', { query: 'liv', className: null, yearLevel: null, status: 'all', limit: 10 });
    expect(liv.items[0]!.yearLevel).toBe(4); // no leerjaar in the file: taken from class 4V
  });

  it('updates on a second import and never duplicates', async () => {
    await runImport(backend, await analyze(backend, 'magister-leerlingen.csv'));
    const changed = Buffer.from(readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'magister-leerlingen.csv')).toString('latin1').replace('1A;1;havo/vwo;jbo', '2A;2;havo/vwo;jbo'), 'latin1');
    const again = await analyze(backend, 'magister-leerlingen.csv', changed.toString('base64'));
    expect(again.mappingRemembered).toBe(true);
    const result = await runImport(backend, again);
    expect(result.report).toMatchObject({ added: 0, updated: 6 });
    expect(await count(backend)).toBe(6);
    const zoe = (await call(backend, 'students.search', { query: '500101', className: null, yearLevel: null, status: 'all', limit: 1 })).items[0]!;
    expect(zoe.className).toBe('2A');
  });

  it('imports guardians one row per guardian, and guardians from a second file by stamnummer', async () => {
    await runImport(backend, await analyze(backend, 'somtoday-leerlingen-ouders.csv'));
    const daan = (await call(backend, 'students.search', { query: 'daan', className: null, yearLevel: null, status: 'all', limit: 1 })).items[0]!;
    const detail = await call(backend, 'students.get', { id: daan.id });
    expect(detail.guardians.map((g) => g.salutation).sort()).toEqual(['Geachte heer De Vries', 'Geachte mevrouw De Vries']);

    await runImport(backend, await analyze(backend, 'magister-leerlingen.csv'));
    const guardiansFile = await analyze(backend, 'magister-verzorgers.csv');
    const preview = await call(backend, 'import.preview', { importId: guardiansFile.importId, mapping: guardiansFile.mapping });
    expect(preview).toMatchObject({ kind: 'guardians', toAdd: 0, toUpdate: 2 });
    expect(preview.errors[0]!.message).toMatch(/999999 staat nog niet in Zorgoverleg/);
    const result = await runImport(backend, guardiansFile);
    expect(result.report).toMatchObject({ guardiansAdded: 2, skipped: 1 });
    // Importing the same guardians again updates them instead of adding copies.
    const second = await runImport(backend, await analyze(backend, 'magister-verzorgers.csv'));
    expect(second.report).toMatchObject({ guardiansAdded: 0, guardiansUpdated: 2 });
  });

  it('skips bad rows when asked, listing why', async () => {
    const analyzed = await analyze(backend, 'foute-datums.csv');
    const result = await runImport(backend, analyzed, 'skip');
    expect(result.report).toMatchObject({ added: 1, skipped: 3 });
    expect(result.report!.errors.map((e) => e.line)).toEqual([2, 3, 5]);
  });

  it('imports nothing when asked to refuse a file with errors', async () => {
    const analyzed = await analyze(backend, 'dubbele-nummers.csv');
    const error = await callError(backend, 'import.start', { importId: analyzed.importId, mapping: analyzed.mapping, onErrors: 'refuse' });
    expect(error.code).toBe('IMPORT_HAS_ERRORS');
    expect(await count(backend)).toBe(0);
  });

  it('leaves the vault exactly as it was when the import fails halfway', async () => {
    await runImport(backend, await analyze(backend, 'magister-leerlingen.csv'));
    const rows = [['Stamnr', 'Roepnaam', 'Achternaam', 'Klas']];
    for (let i = 0; i < 1200; i++) rows.push([String(100000 + i), `Kind${i}`, 'Groot', '1A']);
    rows.push(['500101', 'Zoë', 'Gewijzigd', '9Z']);
    const big = Buffer.from(rows.map((r) => r.join(';')).join('\n')).toString('base64');
    // A failure deep in the import: the database refuses the 1001st new student.
    backend.session!.vault.sqlite.exec(
      "CREATE TEMP TRIGGER fail_late BEFORE INSERT ON students WHEN NEW.student_number = '101000' BEGIN SELECT RAISE(ABORT, 'schijf vol'); END",
    );
    const result = await runImport(backend, await analyze(backend, 'groot.csv', big));
    expect(result.state).toBe('failed');
    expect(result.error?.message).toMatch(/niets verloren/);
    expect(await count(backend)).toBe(6);
    const zoe = (await call(backend, 'students.search', { query: '500101', className: null, yearLevel: null, status: 'all', limit: 1 })).items[0]!;
    expect(zoe).toMatchObject({ className: '1A', name: 'Zoë de Wit' });
    // And the app works on afterwards.
    await call(backend, 'staff.save', { id: null, name: 'Na de fout', code: 'ndf', functions: [], email: '', active: true });
  });

  it('refuses files it cannot read, with a Dutch reason, and stores nothing', async () => {
    for (const [name, code] of [
      ['leeg.csv', 'IMPORT_EMPTY'],
      ['geen-spreadsheet.xlsx', 'IMPORT_NOT_A_SPREADSHEET'],
      ['zip-maar-geen-werkboek.xlsx', 'IMPORT_NOT_A_SPREADSHEET'],
    ] as const) {
      const error = await callError(backend, 'import.analyze', { fileName: name, contentBase64: fixture(name) });
      expect(error.code).toBe(code);
    }
    const wrong = await analyze(backend, 'verkeerde-kolommen.csv');
    const error = await callError(backend, 'import.preview', { importId: wrong.importId, mapping: wrong.mapping });
    expect(error).toMatchObject({ code: 'IMPORT_MAPPING', message: expect.stringMatching(/leerlingnummer/) });
    expect(await count(backend)).toBe(0);
  });

  it('locking in the middle of an import rolls it back completely', async () => {
    await runImport(backend, await analyze(backend, 'magister-leerlingen.csv'));
    const rows = [['Stamnr', 'Roepnaam', 'Achternaam', 'Klas']];
    for (let i = 0; i < 3000; i++) rows.push([String(200000 + i), `Kind${i}`, 'Groot', '2A']);
    const big = await analyze(backend, 'groot.csv', Buffer.from(rows.map((r) => r.join(';')).join('\n')).toString('base64'));
    const { jobId } = await call(backend, 'import.start', { importId: big.importId, mapping: big.mapping, onErrors: 'skip' });
    // The job writes in chunks; the first has been written, the rest waits for the event loop.
    const halfway = await call(backend, 'import.progress', { jobId });
    expect(halfway).toMatchObject({ state: 'running', total: 3000 });
    expect(halfway.done).toBeLessThan(3000);
    const { environments } = await call(backend, 'vault.status', {});
    await call(backend, 'vault.lock', {});
    await new Promise((r) => setTimeout(r, 50));
    await call(backend, 'vault.unlock', { environmentId: environments[0]!.id, userId: environments[0]!.users[0]!.id, passphrase: newSchool.passphrase });
    expect(await count(backend)).toBe(6);
    // Nothing is busy any more: the app takes changes again.
    await call(backend, 'staff.save', { id: null, name: 'Na de vergrendeling', code: 'ndv', functions: [], email: '', active: true });
  });

  it('forgets a file that was being imported when the vault locks', async () => {
    const analyzed = await analyze(backend, 'magister-leerlingen.csv');
    const { environments } = await call(backend, 'vault.status', {});
    await call(backend, 'vault.lock', {});
    await call(backend, 'vault.unlock', { environmentId: environments[0]!.id, userId: environments[0]!.users[0]!.id, passphrase: newSchool.passphrase });
    const error = await callError(backend, 'import.preview', { importId: analyzed.importId, mapping: analyzed.mapping });
    expect(error.code).toBe('IMPORT_EXPIRED');
  });
});

describe('people by hand', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  beforeEach(async () => {
    dir = tempDir();
    backend = makeBackend(dir.path);
    await call(backend, 'vault.create', newSchool);
  });
  afterEach(() => {
    backend.lock();
    dir.cleanup();
  });

  const student = {
    id: null,
    studentNumber: '123456',
    givenName: 'Tess',
    infix: '',
    familyName: 'Visser',
    birthDate: '2013-04-01',
    className: '1B',
    yearLevel: 1,
    level: 'havo/vwo',
    mentorId: null,
  };

  it('creates, edits and deactivates a student with guardians; numbers stay unique', async () => {
    const { id } = await call(backend, 'students.save', student);
    expect((await callError(backend, 'students.save', student)).message).toBe('Leerlingnummer 123456 is al in gebruik.');
    await call(backend, 'students.save', { ...student, id, className: '1C' });
    const guardian = await call(backend, 'guardians.save', {
      id: null,
      studentId: id,
      givenName: 'Petra',
      infix: '',
      familyName: 'Visser',
      relation: 'moeder',
      parentalAuthority: true,
      street: 'Lindelaan',
      houseNumber: '3',
      postalCode: '3512kl',
      city: 'Utrecht',
      email: 'petra@mail.example',
      phone: '',
      salutation: 'Geachte mevrouw Visser',
    });
    expect((await call(backend, 'students.get', { id })).guardians[0]).toMatchObject({ id: guardian.id, postalCode: '3512 KL' });

    expect((await callError(backend, 'students.setStatus', { id, status: 'left', leftOn: null })).message).toMatch(/datum van uitschrijving/);
    expect((await callError(backend, 'students.setStatus', { id, status: 'left', leftOn: '2027-02-30' })).code).toBe('VALIDATION');
    await call(backend, 'students.setStatus', { id, status: 'left', leftOn: '2027-01-31' });
    expect(await call(backend, 'students.get', { id })).toMatchObject({ status: 'left', leftOn: '2027-01-31', className: '1C' });
    expect((await call(backend, 'students.search', { query: 'tess', className: null, yearLevel: null, status: 'active', limit: 5 })).total).toBe(0);
    expect((await call(backend, 'students.search', { query: 'tess', className: null, yearLevel: null, status: 'left', limit: 5 })).total).toBe(1);
    await call(backend, 'students.setStatus', { id, status: 'active', leftOn: null });
    expect(await call(backend, 'students.get', { id })).toMatchObject({ status: 'active', leftOn: null });
  });

  it('filters the list by klas and leerjaar', async () => {
    await call(backend, 'students.save', student);
    await call(backend, 'students.save', { ...student, studentNumber: '223344', givenName: 'Bo', className: '2A', yearLevel: 2 });
    const list = (className: string | null, yearLevel: number | null) =>
      call(backend, 'students.search', { query: '', className, yearLevel, status: 'all', limit: 10 }).then((r) => r.items.map((s) => s.studentNumber));
    expect(await list('2A', null)).toEqual(['223344']);
    expect(await list(null, 2)).toEqual(['223344']);
    expect(await list(null, null)).toHaveLength(2);
    expect(await call(backend, 'students.filters', {})).toEqual({ classes: [student.className, '2A'].sort(), yearLevels: [student.yearLevel, 2].sort() });
  });

  it('keeps staff codes unique and links the first user to a staff member', async () => {
    const staff = await call(backend, 'staff.list', {});
    expect(staff.map((s) => s.code)).toEqual(['awo']);
    const error = await callError(backend, 'staff.save', { id: null, name: 'Ander', code: 'AWO', functions: [], email: '', active: true });
    expect(error.message).toBe('De code "awo" is al in gebruik.');
    const invalid = await callError(backend, 'staff.save', { id: null, name: 'X', code: 'a', functions: [], email: 'geen', active: true });
    expect(invalid.code).toBe('VALIDATION');
    const [awo] = staff;
    await call(backend, 'staff.save', { ...awo!, active: false });
    expect((await call(backend, 'staff.list', {}))[0]).toMatchObject({ code: 'awo', active: false });
  });

  it('manages external partners', async () => {
    const { id } = await call(backend, 'partners.save', { id: null, organisation: 'GGD', kind: 'ggd', contactName: 'Jeugdarts', email: '', phone: '', active: true });
    await call(backend, 'partners.save', { id, organisation: 'GGD regio', kind: 'ggd', contactName: 'Jeugdarts', email: '', phone: '', active: false });
    expect(await call(backend, 'partners.list', {})).toMatchObject([{ organisation: 'GGD regio', active: false }]);
  });

  it('ships a demo school with a realistic population', async () => {
    backend.lock();
    const demo = await call(backend, 'vault.openDemo', {});
    const env = (await call(backend, 'vault.status', {})).environments.find((e) => e.id === demo.environmentId)!;
    await call(backend, 'vault.unlock', { environmentId: env.id, userId: env.users[0]!.id, passphrase: demo.passphrase });
    const all = await call(backend, 'students.search', { query: '', className: null, yearLevel: null, status: 'all', limit: 500 });
    expect(all.total).toBeGreaterThan(300);
    const filters = await call(backend, 'students.filters', {});
    expect(filters.yearLevels).toEqual([1, 2, 3, 4]);
    const staff = await call(backend, 'staff.list', {});
    for (const fn of ['OCO', 'LLCO', 'BPO', 'schoolpsycholoog', 'unitleider', 'counselor', 'RT', 'mentor']) {
      expect(staff.some((s) => s.functions.includes(fn))).toBe(true);
    }
    expect((await call(backend, 'partners.list', {})).map((p) => p.kind)).toEqual(
      expect.arrayContaining(['samenwerkingsverband', 'jeugdhulp', 'ggd', 'leerplicht', 'politie']),
    );
    // Some students have separated parents: two guardians at different addresses.
    let separated = 0;
    for (const s of all.items.slice(0, 60)) {
      const g = (await call(backend, 'students.get', { id: s.id })).guardians;
      if (g.length === 2 && g[0]!.postalCode !== g[1]!.postalCode) separated++;
    }
    expect(separated).toBeGreaterThan(3);
  });
});

describe('type-ahead search', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  beforeEach(async () => {
    dir = tempDir();
    backend = makeBackend(dir.path);
    await call(backend, 'vault.create', newSchool);
    const student = { birthDate: null, className: '2B', yearLevel: 2, level: 'havo', mentorId: null, infix: '' };
    await call(backend, 'students.save', { ...student, id: null, studentNumber: '1001', givenName: 'Dex', infix: 'van', familyName: 'Beek' });
    await call(backend, 'students.save', { ...student, id: null, studentNumber: '1002', givenName: 'Daan', infix: 'de', familyName: 'Vries' });
    await call(backend, 'students.save', { ...student, id: null, studentNumber: '1003', givenName: 'Mo_', familyName: '100%', className: '3A' });
  });
  afterEach(() => {
    backend.lock();
    dir.cleanup();
  });
  const search = async (query: string) =>
    (await call(backend, 'students.search', { query, className: null, yearLevel: null, status: 'all', limit: 50 })).items.map((s) => s.name);

  it('matches the start of words and ranks the typed phrase first', async () => {
    expect(await search('de v')).toEqual(['Daan de Vries', 'Dex van Beek']);
    expect(await search('ries')).toEqual([]);
    expect(await search('vries daan')).toEqual(['Daan de Vries']);
    expect(await search('1001')).toEqual(['Dex van Beek']);
  });

  it('treats % and _ as the characters they are', async () => {
    expect(await search('100%')).toEqual(['Mo_ 100%']);
    expect(await search('mo_')).toEqual(['Mo_ 100%']);
    expect(await search('m_')).toEqual([]);
  });
});
