import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/api/context';
import type { MethodOutput } from '../../electron/app/contract';
import { dispatch } from '../../electron/app/dispatch';
import { call, callError, makeBackend, newSchool, tempDir } from '../helpers/backend';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '..', 'fixtures', name)).toString('base64');

async function analyze(backend: Backend, name: string, content = fixture(name)) {
  return call(backend, 'import.analyze', { fileName: name, contentBase64: content });
}

async function runImport(
  backend: Backend,
  analyzed: MethodOutput<'import.analyze'>,
  onErrors: 'skip' | 'refuse' = 'skip',
  choice: { updates?: 'all' | string[]; mapping?: MethodOutput<'import.analyze'>['mapping'] } = {},
): Promise<MethodOutput<'import.progress'>> {
  const { jobId } = await call(backend, 'import.start', {
    importId: analyzed.importId,
    mapping: choice.mapping ?? analyzed.mapping,
    onErrors,
    updates: choice.updates ?? 'all',
  });
  for (;;) {
    const progress = await call(backend, 'import.progress', { jobId });
    if (progress.state !== 'running') return progress;
    await new Promise((r) => setTimeout(r, 5));
  }
}

const findOne = async (backend: Backend, studentNumber: string) =>
  (
    await call(backend, 'students.search', {
      query: studentNumber,
      className: null,
      yearLevel: null,
      status: 'all',
      limit: 1,
    })
  ).items[0]!;

const count = async (backend: Backend) =>
  (await call(backend, 'students.search', { query: '', className: null, yearLevel: null, status: 'all', limit: 1 })).total;

describe('importing students and guardians', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  beforeEach(async () => {
    dir = tempDir();
    backend = makeBackend(dir.path);
    await call(backend, 'vault.create', newSchool);
    await call(backend, 'staff.save', {
      id: null,
      name: 'Jan de Boer',
      code: 'jbo',
      functions: ['mentor'],
      email: '',
      active: true,
    });
  });
  afterEach(() => {
    backend.lock();
    dir.cleanup();
  });

  it('adds students from a Magister file, with mentors and a warning for an unknown one', async () => {
    const analyzed = await analyze(backend, 'magister-leerlingen.csv');
    expect(analyzed).toMatchObject({
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      rowCount: 6,
      mappingRemembered: false,
      source: 'magister',
    });
    const preview = await call(backend, 'import.preview', { importId: analyzed.importId, mapping: analyzed.mapping });
    expect(preview).toMatchObject({ kind: 'students', toAdd: 6, toUpdate: 0, errors: [] });
    expect(preview.warnings.map((w) => w.message)).toEqual(['Mentor "xyz" is onbekend; de leerling wordt zonder mentor opgeslagen.']);

    const result = await runImport(backend, analyzed);
    expect(result.report).toMatchObject({ added: 6, updated: 0, skipped: 0 });
    const found = await call(backend, 'students.search', {
      query: 'zoe',
      className: null,
      yearLevel: null,
      status: 'active',
      limit: 10,
    });
    expect(found.items.map((s) => s.name)).toEqual(['Zoë de Wit']);
    const zoe = await call(backend, 'students.get', { id: found.items[0]!.id });
    expect(zoe).toMatchObject({ birthDate: '2013-09-03', className: '1A', yearLevel: 1, mentor: { code: 'jbo' } });
    const liv = await call(backend, 'students.search', {
      query: 'liv',
      className: null,
      yearLevel: null,
      status: 'all',
      limit: 10,
    });
    expect(liv.items[0]!.yearLevel).toBe(4); // no leerjaar in the file: taken from class 4V
  });

  it('updates on a second import and never duplicates', async () => {
    await runImport(backend, await analyze(backend, 'magister-leerlingen.csv'));
    const changed = Buffer.from(
      readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'magister-leerlingen.csv'))
        .toString('latin1')
        .replace('1A;1;havo/vwo;jbo', '2A;2;havo/vwo;jbo'),
      'latin1',
    );
    const again = await analyze(backend, 'magister-leerlingen.csv', changed.toString('base64'));
    expect(again.mappingRemembered).toBe(true);
    const result = await runImport(backend, again);
    // Only the row that differs is written; the rest is as stored.
    expect(result.report).toMatchObject({ added: 0, updated: 1, unchanged: 5 });
    expect(await count(backend)).toBe(6);
    const zoe = (
      await call(backend, 'students.search', {
        query: '500101',
        className: null,
        yearLevel: null,
        status: 'all',
        limit: 1,
      })
    ).items[0]!;
    expect(zoe.className).toBe('2A');
  });

  it('imports guardians one row per guardian, and guardians from a second file by stamnummer', async () => {
    await runImport(backend, await analyze(backend, 'somtoday-leerlingen-ouders.csv'));
    const daan = (
      await call(backend, 'students.search', {
        query: 'daan',
        className: null,
        yearLevel: null,
        status: 'all',
        limit: 1,
      })
    ).items[0]!;
    const detail = await call(backend, 'students.get', { id: daan.id });
    expect(detail.guardians.map((g) => g.salutation).sort()).toEqual(['Geachte heer De Vries', 'Geachte mevrouw De Vries']);

    await runImport(backend, await analyze(backend, 'magister-leerlingen.csv'));
    const guardiansFile = await analyze(backend, 'magister-verzorgers.csv');
    const preview = await call(backend, 'import.preview', {
      importId: guardiansFile.importId,
      mapping: guardiansFile.mapping,
    });
    expect(preview).toMatchObject({ kind: 'guardians', toAdd: 0, toUpdate: 2 });
    expect(preview.errors[0]!.message).toMatch(/999999 staat nog niet in Zorgoverleg/);
    const result = await runImport(backend, guardiansFile);
    expect(result.report).toMatchObject({ guardiansAdded: 2, skipped: 1 });
    // Importing the same guardians again updates them instead of adding copies.
    const second = await runImport(backend, await analyze(backend, 'magister-verzorgers.csv'));
    expect(second.report).toMatchObject({ guardiansAdded: 0, guardiansUpdated: 0, unchanged: 2 });
  });

  it('imports particles and salutations from a Magister export and offers a changed student as an update', async () => {
    await runImport(backend, await analyze(backend, 'magister-leerlingen.csv'));
    await runImport(backend, await analyze(backend, 'magister-verzorgers.csv'));
    const zoeBefore = await findOne(backend, '500101');
    const analyzed = await analyze(backend, 'magister-tussenvoegsels.csv');
    expect(analyzed).toMatchObject({ source: 'magister', mappingRemembered: true });
    const column = (header: string) => String(analyzed.headers.indexOf(header));
    expect(analyzed.mapping[column('Tussenv')]).toBe('student.infix');
    expect(analyzed.mapping[column('Ouder 2 voorvoegsel')]).toBe('g2.infix');
    expect(analyzed.mapping[column('Ouder1 aanhef')]).toBe('g1.salutation');
    expect(analyzed.mapping[column('Geslacht')]).toBeUndefined();

    const preview = await call(backend, 'import.preview', { importId: analyzed.importId, mapping: analyzed.mapping });
    expect(preview).toMatchObject({ kind: 'students', toAdd: 3, toUpdate: 1, unchanged: 0 });
    expect(preview.updates).toEqual([
      {
        line: 2,
        studentNumber: '500101',
        name: 'Zoë de Wit',
        message: 'Verschilt in: klas, leerjaar.',
        changes: [
          { field: 'Klas', from: '1A', to: '2A' },
          { field: 'Leerjaar', from: '1', to: '2' },
        ],
        guardians: [],
      },
    ]);
    expect(preview.errors).toEqual([
      {
        line: 5,
        studentNumber: '10499X',
        message:
          'Kolom "Stamnr": Het leerlingnummer bestaat alleen uit cijfers; "10499X" is geen leerlingnummer. ' +
          'Kolom "Geb.datum": "31-02-2013" is geen geldige datum (verwacht dd-mm-jjjj).',
      },
    ]);
    const warnings = preview.warnings.map((w) => `${w.line}: ${w.message}`);
    expect(warnings).toContain(
      '4: Kolom "Ouder1 mobiel": "bel na 17 uur" is geen telefoonnummer; schrijf bijvoorbeeld 06-12345678 of +31 6 12345678.',
    );
    expect(warnings).toContainEqual(
      expect.stringMatching(/^6: Kolom "Geb.datum": Met geboortedatum 01-01-1990 is de leerling \d+ jaar; klopt dat\?$/),
    );

    // The update declined: the new students come in, Zoë stays in 1A.
    const declined = await runImport(backend, analyzed, 'skip', { updates: [] });
    expect(declined.report).toMatchObject({ added: 3, updated: 0, notUpdated: 1, skipped: 1, guardiansAdded: 4 });
    expect((await findOne(backend, '500101')).className).toBe('1A');
    const daan = await call(backend, 'students.get', { id: (await findOne(backend, '510201')).id });
    expect(daan).toMatchObject({
      givenName: 'Daan',
      infix: 'de',
      familyName: 'Vries',
      level: 'havo/vwo',
      mentor: { code: 'jbo' },
    });
    expect(daan.guardians.map((g) => [g.infix, g.familyName, g.salutation]).sort()).toEqual([
      ['de', 'Vries', 'Geachte heer De Vries'],
      ['van', 'Dam', 'Geachte mevrouw Van Dam'],
    ]);
    const eleonore = await call(backend, 'students.get', { id: (await findOne(backend, '510202')).id });
    expect(eleonore.guardians[0]).toMatchObject({
      infix: "van 't",
      salutation: "Geachte heer Van 't Hooft",
      phone: 'bel na 17 uur',
    });

    // The same file again: the new students are "ongewijzigd" now, Zoë's update is offered again and chosen.
    const again = await analyze(backend, 'magister-tussenvoegsels.csv');
    const second = await call(backend, 'import.preview', { importId: again.importId, mapping: again.mapping });
    expect(second).toMatchObject({ toAdd: 0, toUpdate: 1, unchanged: 3 });
    const chosen = await runImport(backend, again, 'skip', { updates: ['500101'] });
    expect(chosen.report).toMatchObject({ added: 0, updated: 1, unchanged: 3, notUpdated: 0 });
    expect(await call(backend, 'students.get', { id: zoeBefore.id })).toMatchObject({
      className: '2A',
      yearLevel: 2,
      infix: 'de',
    });
    // Audited, naming the student whose data changed.
    const { entries } = await call(backend, 'audit.list', {
      filter: { userId: null, studentId: zoeBefore.id, from: null, to: null },
      before: null,
      limit: 50,
    });
    expect(entries.find((e) => e.method === 'import.start')?.detail).toBe(
      'Import (Magister): 0 nieuw, 1 bijgewerkt, 0 niet bijgewerkt, 3 ongewijzigd, 1 overgeslagen',
    );
  });

  it('updates guardians of a student already there: by name, adds new ones, never removes one', async () => {
    await runImport(backend, await analyze(backend, 'somtoday-leerlingen-ouders.csv'));
    const daan = await findOne(backend, '600201');
    const before = await call(backend, 'students.get', { id: daan.id });
    // A guardian added by hand, who is in no export.
    await call(backend, 'guardians.save', {
      ...before.guardians[0]!,
      id: null,
      studentId: daan.id,
      givenName: 'Oma',
      infix: '',
      familyName: 'Post',
      relation: 'verzorger',
      salutation: 'Beste oma',
    });
    const rows = [
      'Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Klas;Relatie;Voorletters ' +
        'ouder;Tussenvoegsel ouder;Achternaam ouder;Gezag;E-mail ouder',
      '600201;Daan;de;Vries;12-03-2013;1C;Moeder;M.;de;Vries;Ja;nieuw@mail.example',
      '600201;Daan;de;Vries;12-03-2013;1C;Voogd;T.;;Smit;Ja;t.smit@mail.example',
    ];
    const analyzed = await analyze(backend, 'ouders.csv', Buffer.from(rows.join('\n')).toString('base64'));
    expect(analyzed.source).toBe('somtoday');
    const preview = await call(backend, 'import.preview', { importId: analyzed.importId, mapping: analyzed.mapping });
    expect(preview.updates[0]!.guardians).toEqual([
      {
        name: 'M. de Vries',
        action: 'updated',
        changes: [{ field: 'E-mail', from: 'm.devries@mail.example', to: 'nieuw@mail.example' }],
      },
      {
        name: 'T. Smit',
        action: 'added',
        changes: expect.arrayContaining([{ field: 'Relatie', from: '', to: 'voogd' }]),
      },
      { name: 'Oma Post', action: 'kept', changes: [] },
      { name: 'J. de Vries', action: 'kept', changes: [] },
    ]);
    expect(preview.updates[0]!.message).toBe('Ouder/verzorger M. de Vries: e-mail. Nieuwe ouder/verzorger: T. Smit.');
    const result = await runImport(backend, analyzed);
    expect(result.report).toMatchObject({ updated: 1, guardiansAdded: 1, guardiansUpdated: 1 });
    const after = await call(backend, 'students.get', { id: daan.id });
    expect(after.guardians.map((g) => `${g.givenName} ${g.familyName} ${g.email}`).sort()).toEqual([
      'J. Vries j.devries@mail.example',
      'M. Vries nieuw@mail.example',
      'Oma Post m.devries@mail.example',
      'T. Smit t.smit@mail.example',
    ]);
    // Columns this file lacks (address, phone) are left as they were.
    expect(after.guardians.find((g) => g.givenName === 'M.')).toMatchObject({
      street: 'Kerkstraat',
      phone: '06 11111111',
      salutation: 'Geachte mevrouw De Vries',
    });
  });

  it('remembers the mapping per source, by column name, for the next file from that source', async () => {
    const first = await analyze(backend, 'magister-tussenvoegsels.csv');
    const column = (a: MethodOutput<'import.analyze'>, header: string) => String(a.headers.indexOf(header));
    // By hand: Studie is not imported, Geslacht knowingly left out (not mapped).
    const mapping = { ...first.mapping };
    delete mapping[column(first, 'Studie')];
    await runImport(backend, first, 'skip', { mapping });

    // Next Magister export: other column order, Studie and Geslacht still there, one column more.
    const table = (await import('../../electron/features/people/import/read-table')).readTable;
    const original = await table(readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'magister-tussenvoegsels.csv')), 'x.csv');
    const order = [3, 0, 2, 1, 8, 6, 5, 4, 7];
    const lines = [
      [...order.map((i) => original.headers[i]!), 'Ouder1 aanhef'].join(';'),
      ...original.rows.map((r) => [...order.map((i) => r[i]!), r[12]!].join(';')),
    ];
    const next = await analyze(backend, 'magister-later.csv', Buffer.from(lines.join('\n')).toString('base64'));
    expect(next).toMatchObject({ source: 'magister', mappingRemembered: true });
    expect(next.headers.slice(0, 4)).toEqual(['Achternaam', 'Stamnr', 'Tussenv', 'Roepnaam']);
    expect(next.mapping).toMatchObject({
      0: 'student.familyName',
      1: 'student.studentNumber',
      2: 'student.infix',
      3: 'student.givenName',
      9: 'g1.salutation',
    });
    expect(next.mapping[column(next, 'Studie')]).toBeUndefined();
    expect(next.ignored.map((c) => next.headers[Number(c)]).sort()).toEqual(['Geslacht', 'Studie']);

    // A Somtoday file has its own memory: nothing remembered for it yet.
    expect(await analyze(backend, 'somtoday-leerlingen-ouders.csv')).toMatchObject({
      source: 'somtoday',
      mappingRemembered: false,
      ignored: [],
    });
  });

  it('skips bad rows when asked, listing why', async () => {
    const analyzed = await analyze(backend, 'foute-datums.csv');
    const result = await runImport(backend, analyzed, 'skip');
    expect(result.report).toMatchObject({ added: 1, skipped: 3 });
    expect(result.report!.errors.map((e) => e.line)).toEqual([2, 3, 5]);
  });

  it('imports nothing when asked to refuse a file with errors', async () => {
    const analyzed = await analyze(backend, 'dubbele-nummers.csv');
    const error = await callError(backend, 'import.start', {
      importId: analyzed.importId,
      mapping: analyzed.mapping,
      onErrors: 'refuse',
    });
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
    const zoe = (
      await call(backend, 'students.search', {
        query: '500101',
        className: null,
        yearLevel: null,
        status: 'all',
        limit: 1,
      })
    ).items[0]!;
    expect(zoe).toMatchObject({ className: '1A', name: 'Zoë de Wit' });
    // And the app works on afterwards.
    await call(backend, 'staff.save', {
      id: null,
      name: 'Na de fout',
      code: 'ndf',
      functions: [],
      email: '',
      active: true,
    });
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

  it('an import is written whole or not at all: a lock that comes as it starts leaves nothing of it', async () => {
    await runImport(backend, await analyze(backend, 'magister-leerlingen.csv'));
    const rows = [['Stamnr', 'Roepnaam', 'Achternaam', 'Klas']];
    for (let i = 0; i < 3000; i++) rows.push([String(200000 + i), `Kind${i}`, 'Groot', '2A']);
    const big = await analyze(backend, 'groot.csv', Buffer.from(rows.map((r) => r.join(';')).join('\n')).toString('base64'));
    const { environments } = await call(backend, 'vault.status', {});
    // The lock is handled before the import's turn comes: the call says so, and writes nothing.
    const started = dispatch(backend, 'import.start', {
      importId: big.importId,
      mapping: big.mapping,
      onErrors: 'skip',
    });
    const locked = call(backend, 'vault.lock', {});
    const answer = await started;
    expect(answer.ok ? 'ok' : answer.error.code).toBe('LOCKED');
    await locked;
    await call(backend, 'vault.unlock', {
      environmentId: environments[0]!.id,
      userId: environments[0]!.users[0]!.id,
      passphrase: newSchool.passphrase,
    });
    expect(await count(backend)).toBe(6);
    // Nothing is busy any more: the app takes changes again, and the same file imports whole.
    await call(backend, 'staff.save', {
      id: null,
      name: 'Na de vergrendeling',
      code: 'ndv',
      functions: [],
      email: '',
      active: true,
    });
    const again = await runImport(
      backend,
      await analyze(backend, 'groot.csv', Buffer.from(rows.map((r) => r.join(';')).join('\n')).toString('base64')),
    );
    expect(again.state).toBe('done');
    expect(await count(backend)).toBe(3006);
  });

  it('forgets a file that was being imported when the vault locks', async () => {
    const analyzed = await analyze(backend, 'magister-leerlingen.csv');
    const { environments } = await call(backend, 'vault.status', {});
    await call(backend, 'vault.lock', {});
    await call(backend, 'vault.unlock', {
      environmentId: environments[0]!.id,
      userId: environments[0]!.users[0]!.id,
      passphrase: newSchool.passphrase,
    });
    const error = await callError(backend, 'import.preview', {
      importId: analyzed.importId,
      mapping: analyzed.mapping,
    });
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
    expect((await call(backend, 'students.get', { id })).guardians[0]).toMatchObject({
      id: guardian.id,
      postalCode: '3512 KL',
    });

    expect((await callError(backend, 'students.setStatus', { id, status: 'left', leftOn: null })).message).toMatch(
      /datum van uitschrijving/,
    );
    expect((await callError(backend, 'students.setStatus', { id, status: 'left', leftOn: '2027-02-30' })).code).toBe('VALIDATION');
    await call(backend, 'students.setStatus', { id, status: 'left', leftOn: '2027-01-31' });
    expect(await call(backend, 'students.get', { id })).toMatchObject({
      status: 'left',
      leftOn: '2027-01-31',
      className: '1C',
    });
    expect(
      (
        await call(backend, 'students.search', {
          query: 'tess',
          className: null,
          yearLevel: null,
          status: 'active',
          limit: 5,
        })
      ).total,
    ).toBe(0);
    expect(
      (
        await call(backend, 'students.search', {
          query: 'tess',
          className: null,
          yearLevel: null,
          status: 'left',
          limit: 5,
        })
      ).total,
    ).toBe(1);
    await call(backend, 'students.setStatus', { id, status: 'active', leftOn: null });
    expect(await call(backend, 'students.get', { id })).toMatchObject({ status: 'active', leftOn: null });
  });

  it('filters the list by klas and leerjaar', async () => {
    await call(backend, 'students.save', student);
    await call(backend, 'students.save', {
      ...student,
      studentNumber: '223344',
      givenName: 'Bo',
      className: '2A',
      yearLevel: 2,
    });
    const list = (className: string | null, yearLevel: number | null) =>
      call(backend, 'students.search', { query: '', className, yearLevel, status: 'all', limit: 10 }).then((r) =>
        r.items.map((s) => s.studentNumber),
      );
    expect(await list('2A', null)).toEqual(['223344']);
    expect(await list(null, 2)).toEqual(['223344']);
    expect(await list(null, null)).toHaveLength(2);
    expect(await call(backend, 'students.filters', {})).toEqual({
      classes: [student.className, '2A'].sort(),
      yearLevels: [student.yearLevel, 2].sort(),
    });
  });

  it('keeps staff codes unique and links the first user to a staff member', async () => {
    const staff = await call(backend, 'staff.list', {});
    expect(staff.map((s) => s.code)).toEqual(['awo']);
    const error = await callError(backend, 'staff.save', {
      id: null,
      name: 'Ander',
      code: 'AWO',
      functions: [],
      email: '',
      active: true,
    });
    expect(error.message).toBe('De code "awo" is al in gebruik.');
    const invalid = await callError(backend, 'staff.save', {
      id: null,
      name: 'X',
      code: 'a',
      functions: [],
      email: 'geen',
      active: true,
    });
    expect(invalid.code).toBe('VALIDATION');
    const [awo] = staff;
    await call(backend, 'staff.save', { ...awo!, active: false });
    expect((await call(backend, 'staff.list', {}))[0]).toMatchObject({ code: 'awo', active: false });
  });

  it('manages external partners', async () => {
    const { id } = await call(backend, 'partners.save', {
      id: null,
      organisation: 'GGD',
      kind: 'ggd',
      contactName: 'Jeugdarts',
      email: '',
      phone: '',
      active: true,
    });
    await call(backend, 'partners.save', {
      id,
      organisation: 'GGD regio',
      kind: 'ggd',
      contactName: 'Jeugdarts',
      email: '',
      phone: '',
      active: false,
    });
    expect(await call(backend, 'partners.list', {})).toMatchObject([{ organisation: 'GGD regio', active: false }]);
  });

  it('ships a demo school with a realistic population', async () => {
    backend.lock();
    const demo = await call(backend, 'demo.open', {});
    const env = (await call(backend, 'vault.status', {})).environments.find((e) => e.id === demo.environmentId)!;
    await call(backend, 'vault.unlock', {
      environmentId: env.id,
      userId: env.users[0]!.id,
      passphrase: demo.passphrase,
    });
    const all = await call(backend, 'students.search', {
      query: '',
      className: null,
      yearLevel: null,
      status: 'all',
      limit: 500,
    });
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
    await call(backend, 'students.save', {
      ...student,
      id: null,
      studentNumber: '1001',
      givenName: 'Dex',
      infix: 'van',
      familyName: 'Beek',
    });
    await call(backend, 'students.save', {
      ...student,
      id: null,
      studentNumber: '1002',
      givenName: 'Daan',
      infix: 'de',
      familyName: 'Vries',
    });
    await call(backend, 'students.save', {
      ...student,
      id: null,
      studentNumber: '1003',
      givenName: 'Mo_',
      familyName: '100%',
      className: '3A',
    });
  });
  afterEach(() => {
    backend.lock();
    dir.cleanup();
  });
  const search = async (query: string) =>
    (await call(backend, 'students.search', { query, className: null, yearLevel: null, status: 'all', limit: 50 })).items.map(
      (s) => s.name,
    );

  it('matches the start of words and ranks the typed phrase first', async () => {
    expect(await search('de v')).toEqual(['Daan de Vries', 'Dex van Beek']);
    expect(await search('ries')).toEqual([]);
    expect(await search('vries daan')).toEqual(['Daan de Vries']);
    expect(await search('1001')).toEqual(['Dex van Beek']);
  });

  it('treats % and _ as punctuation, not as wildcards', async () => {
    // "100%" is the word 100: the family name first, then leerlingnummers starting with it.
    expect(await search('100%')).toEqual(['Mo_ 100%', 'Dex van Beek', 'Daan de Vries']);
    expect(await search('mo_')).toEqual(['Mo_ 100%']);
    expect(await search('_o')).toEqual([]);
    expect(await search('%')).toHaveLength(3);
  });
});
