import { randomUUID } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/api/context';
import { closeVaultDatabase, openVaultDatabase } from '../../db/open';
import { normalizeForSearch, studentSearchText } from '../../electron/features/people/names';
import { searchStudents } from '../../electron/features/people/search-store';
import { call, callError, cheapKdf, makeBackend, migrationsFolder, newSchool, tempDir } from '../helpers/backend';

type Status = 'active' | 'left' | 'all';
const base = { birthDate: null, yearLevel: 2, level: 'havo', mentorId: null, infix: '' };

async function addStudent(
  backend: Backend,
  s: { givenName: string; infix?: string; familyName: string; studentNumber: string; className?: string },
) {
  return (await call(backend, 'students.save', { ...base, className: '2B', ...s, id: null })).id;
}

const searchAs =
  (backend: Backend) =>
  async (query: string, status: Status = 'all', limit = 50) =>
    (await call(backend, 'students.search', { query, className: null, yearLevel: null, status, limit })).items.map((s) => s.name);

describe('student search: folding, particles and Dutch order', () => {
  const dir = tempDir();
  const backend = makeBackend(dir.path);
  const search = searchAs(backend);
  beforeAll(async () => {
    await call(backend, 'vault.create', newSchool);
    const people = [
      { givenName: 'Amélie', familyName: 'Eléonore-Dubois', studentNumber: '1001' },
      { givenName: 'Eléonore', familyName: 'Bakker-de Jong', studentNumber: '1002' },
      { givenName: 'Elif', familyName: 'Aydın', studentNumber: '1003' },
      { givenName: 'Ayşe', familyName: 'Çelik', studentNumber: '1004' },
      { givenName: 'Emre', familyName: 'Ünal', studentNumber: '1005' },
      { givenName: 'Pieter', infix: "van 't", familyName: 'Hooft', studentNumber: '1006' },
      { givenName: 'Anna', infix: 'van', familyName: 'Dijk', studentNumber: '1007' },
      { givenName: 'Jesse', infix: 'de', familyName: 'Jong', studentNumber: '1008' },
      { givenName: 'Lotte', familyName: 'Jongeneel', studentNumber: '1009' },
      { givenName: 'Søren', familyName: 'Groß', studentNumber: '1010' },
      { givenName: 'Łukasz', familyName: 'Đorđević', studentNumber: '2001', className: '3A' },
      { givenName: 'Dex', infix: 'van', familyName: 'Beek', studentNumber: '2002' },
      { givenName: 'Daan', infix: 'de', familyName: 'Vries', studentNumber: '2003' },
    ];
    for (const p of people) await addStudent(backend, p);
  });
  afterAll(() => {
    backend.lock();
    dir.cleanup();
  });

  it('finds hyphenated and particle names by any part, and folds every letter', async () => {
    expect(await search('dubois')).toEqual(['Amélie Eléonore-Dubois']);
    expect(await search('de jong')).toEqual(['Eléonore Bakker-de Jong', 'Jesse de Jong']);
    expect(await search('bakker-de jong')).toEqual(['Eléonore Bakker-de Jong']);
    expect(await search('aydin')).toEqual(['Elif Aydın']);
    expect(await search('AYDIN')).toEqual(['Elif Aydın']);
    expect(await search('celik')).toEqual(['Ayşe Çelik']);
    expect(await search('ayse')).toEqual(['Ayşe Çelik']);
    expect(await search('Çelik')).toEqual(['Ayşe Çelik']);
    expect(await search('gross')).toEqual(['Søren Groß']);
    expect(await search('soren')).toEqual(['Søren Groß']);
    expect(await search('lukasz dordevic')).toEqual(['Łukasz Đorđević']);
    expect(await search("'t hooft")).toEqual(["Pieter van 't Hooft"]);
    // The family name that starts with it first, then the given name.
    expect(await search('eleonore')).toEqual(['Amélie Eléonore-Dubois', 'Eléonore Bakker-de Jong']);
  });

  it('matches the start of words only, ranks family names that start with the query first, then the typed phrase', async () => {
    expect(await search('ries')).toEqual([]);
    expect(await search('vries daan')).toEqual(['Daan de Vries']);
    expect(await search('de v')).toEqual(['Daan de Vries', 'Dex van Beek']);
    // "jong": the family name Jong exactly, then one that starts with it, then the rest by name.
    expect(await search('jong')).toEqual(['Jesse de Jong', 'Lotte Jongeneel', 'Eléonore Bakker-de Jong']);
    expect(await search('bakker')).toEqual(['Eléonore Bakker-de Jong']);
  });

  it('finds by leerlingnummer and class prefix, and by a single letter', async () => {
    expect(await search('1001')).toEqual(['Amélie Eléonore-Dubois']);
    expect(await search('200')).toEqual(['Dex van Beek', 'Łukasz Đorđević', 'Daan de Vries']);
    expect(await search('3a')).toEqual(['Łukasz Đorđević']);
    // One letter: family names starting with it first, then every other name with a word starting with it.
    expect(await search('e')).toEqual(['Amélie Eléonore-Dubois', 'Elif Aydın', 'Eléonore Bakker-de Jong', 'Emre Ünal']);
    expect(await search('ü')).toEqual(['Emre Ünal']);
  });

  it('sorts in Dutch order: Çelik with C, Ünal with U, particles ignored', async () => {
    expect(await search('')).toEqual([
      'Elif Aydın',
      'Eléonore Bakker-de Jong',
      'Dex van Beek',
      'Ayşe Çelik',
      'Anna van Dijk',
      'Łukasz Đorđević',
      'Amélie Eléonore-Dubois',
      'Søren Groß',
      "Pieter van 't Hooft",
      'Jesse de Jong',
      'Lotte Jongeneel',
      'Emre Ünal',
      'Daan de Vries',
    ]);
    const list = await call(backend, 'students.search', {
      query: '',
      className: null,
      yearLevel: null,
      status: 'active',
      limit: 3,
    });
    expect(list.items.map((s) => s.sortName)).toEqual(['Aydın, Elif', 'Bakker-de Jong, Eléonore', 'Beek, Dex van']);
    expect(list.total).toBe(13);
  });

  it('takes quotes and FTS5 syntax as plain text, never as a query error', async () => {
    for (const query of [
      '"',
      "'",
      '""',
      '*',
      '-',
      '^',
      ':',
      '(',
      ')',
      '{',
      '}',
      '+',
      'NEAR(',
      'AND',
      'OR',
      'NOT',
      '"de jong',
      'de" OR "x',
      'vries*',
      'jong AND',
      'col:vries',
      '100%',
      'mo_',
      '\\',
      '\u0000',
    ]) {
      const result = await call(backend, 'students.search', {
        query,
        className: null,
        yearLevel: null,
        status: 'all',
        limit: 50,
      });
      expect(result.items.length, query).toBeLessThanOrEqual(13);
    }
    expect(await search('"de jong"')).toEqual(['Eléonore Bakker-de Jong', 'Jesse de Jong']);
    expect(await search('vries*')).toEqual(['Daan de Vries']);
    expect(await search('jong AND')).toEqual([]);
    expect(await search('(dubois)')).toEqual(['Amélie Eléonore-Dubois']);
    expect(await search('*')).toHaveLength(13);
  });

  it('keeps the index in step with changes: a new name is found, the old one no longer, a left student by status', async () => {
    const id = await addStudent(backend, { givenName: 'Noor', familyName: 'Yılmaz', studentNumber: '3001' });
    expect(await search('yilmaz')).toEqual(['Noor Yılmaz']);
    await call(backend, 'students.save', {
      ...base,
      className: '2B',
      id,
      givenName: 'Noor',
      familyName: 'Şahin',
      studentNumber: '3001',
    });
    expect(await search('yilmaz')).toEqual([]);
    expect(await search('sahin')).toEqual(['Noor Şahin']);
    await call(backend, 'students.setStatus', { id, status: 'left', leftOn: '2026-07-01' });
    expect(await search('sahin', 'active')).toEqual([]);
    expect(await search('sahin', 'left')).toEqual(['Noor Şahin']);
    const error = await callError(backend, 'students.save', {
      ...base,
      className: '2B',
      id: null,
      givenName: 'X',
      familyName: 'Y',
      studentNumber: '3001',
    });
    expect(error.code).toBe('DUPLICATE');
    expect(await search('x')).toEqual([]);
  });
});

/**
 * The rule the search follows, written out plainly: every typed word starts a word of the search
 * text; family names starting with the phrase first, then the phrase at a word start (several
 * words), then the rest; name order within each.
 */
function expected(
  rows: { id: string; searchText: string; status: string; className: string }[],
  query: string,
  status: Status,
  className: string | null = null,
) {
  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  const phrase = words.join(' ');
  const tier = (text: string) =>
    text.startsWith(phrase) ? 0 : words.length > 1 && ` ${text.replaceAll('\t', ' ')}`.includes(` ${phrase}`) ? 1 : 2;
  const found = rows
    .filter((r) => status === 'all' || r.status === status)
    .filter((r) => className === null || r.className === className)
    .filter((r) => words.every((w) => r.searchText.split(/[\t ]/).some((part) => part.startsWith(w))))
    .sort((a, b) => tier(a.searchText) - tier(b.searchText) || (a.searchText < b.searchText ? -1 : 1));
  return { total: found.length, ids: found.map((r) => r.id) };
}

describe('student search among thousands: one letter, numbers, classes', () => {
  const dir = tempDir();
  const backend = makeBackend(dir.path);
  const rows: { id: string; searchText: string; status: string; className: string }[] = [];
  beforeAll(async () => {
    await call(backend, 'vault.create', newSchool);
    const { sqlite } = backend.session!.vault;
    const given = ['Daan', 'Emma', 'Aydın', 'Eléonore', 'Zoë', 'Mila', 'Dex', 'Ayşe', 'Jesse', 'Lotte', 'Søren'];
    const infixes = ['', '', 'de', 'van', 'van der', "van 't"];
    const families = [
      'Vries',
      'Jansen',
      'Dijk',
      'Bakker-de Jong',
      'Çelik',
      'Ünal',
      'Aydın',
      'El Amrani',
      'Eléonore-Dubois',
      'Jong',
      'Hooft',
      'Dekker',
      'Visser',
      'Groß',
    ];
    const insert = sqlite.prepare(
      'INSERT INTO students (id, student_number, given_name, infix, family_name, class_name, year_level, status, search_text, ' +
        'updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    sqlite.transaction(() => {
      for (let i = 0; i < 3500; i++) {
        const s = {
          givenName: given[i % given.length]!,
          infix: infixes[i % infixes.length]!,
          familyName: `${families[i % families.length]!}${i % 5 === 0 ? '' : ` ${['ter', 'Mol', 'Berg', 'Hol'][i % 4]}`}`,
          studentNumber: String(100_000 + ((i * 7919) % 900_000)),
          className: `${1 + (i % 6)}${'ABCD'[i % 4]}`,
        };
        const row = {
          id: randomUUID(),
          searchText: studentSearchText(s),
          status: i % 7 === 0 ? 'left' : 'active',
          className: s.className,
        };
        insert.run(
          row.id,
          s.studentNumber,
          s.givenName,
          s.infix,
          s.familyName,
          s.className,
          1 + (i % 6),
          row.status,
          row.searchText,
          '2026-01-01',
        );
        rows.push(row);
      }
    })();
  });
  afterAll(() => {
    backend.lock();
    dir.cleanup();
  });

  const search = async (query: string, status: Status, className: string | null = null, limit = 200) => {
    const result = await call(backend, 'students.search', { query, className, yearLevel: null, status, limit });
    return { total: result.total, ids: result.items.map((s) => s.id) };
  };

  it.each([
    ['d', 'active'],
    ['e', 'all'],
    ['a', 'left'],
    ['1', 'active'],
    ['de', 'active'],
    ['de v', 'active'],
    ['van d', 'all'],
    ['jong', 'active'],
    ['el am', 'active'],
    ['aydin', 'all'],
    ['2', 'active'],
    ['eleonore dubois', 'active'],
    ['x', 'active'],
  ] as const)('%j (%s) gives the first page and the total the rule says', async (query, status) => {
    const want = expected(rows, query, status);
    const got = await search(query, status);
    expect(got.total).toBe(want.total);
    expect(got.ids).toEqual(want.ids.slice(0, 200));
  });

  it('narrows by class, also when the query alone matches thousands', async () => {
    for (const query of ['d', 'e', 'de jong', '']) {
      const want = expected(rows, query, 'active', '3C');
      const got = await search(query, 'active', '3C', 50);
      expect(got.total, query).toBe(want.total);
      expect(got.ids, query).toEqual(want.ids.slice(0, 50));
    }
  });

  it('keeps finding the right students after VACUUM and in a VACUUM INTO copy (the index is keyed by rowid)', async () => {
    const { sqlite, db } = backend.session!.vault;
    // Gaps in the rowids, as deleted students leave them.
    const gone = new Set(rows.filter((_, i) => i % 3 === 1).map((r) => r.id));
    sqlite.prepare('DELETE FROM students WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify([...gone]));
    const left = rows.filter((r) => !gone.has(r.id));
    sqlite.exec('VACUUM');
    for (const query of ['d', 'aydin', 'de v'])
      expect((await search(query, 'all')).ids, query).toEqual(expected(left, query, 'all').ids.slice(0, 200));
    // Rank 1: the index is checked against the students table itself (SQLITE_CORRUPT_VTAB if they differ).
    expect(() => sqlite.prepare("INSERT INTO students_fts (students_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();

    const copy = join(dir.path, 'kopie.zorgoverleg');
    sqlite.prepare('VACUUM INTO ?').run(copy);
    const opened = openVaultDatabase(copy, backend.session!.dataKey, { migrationsFolder });
    try {
      for (const query of ['e', 'celik', 'jong']) {
        expect(
          searchStudents(opened.db, query, { className: null, yearLevel: null, status: 'all' }, 200).rows.map((r) => r.id),
          query,
        ).toEqual(searchStudents(db, query, { className: null, yearLevel: null, status: 'all' }, 200).rows.map((r) => r.id));
      }
    } finally {
      closeVaultDatabase(opened);
    }
  });
});

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

describe('a vault from before the search index', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('is migrated: students stored before are found and sorted by the new rule', async () => {
    // An app with the migrations up to 0008 (before the search index) makes the vault.
    const older = join(dir.path, 'migrations-0008');
    cpSync(migrationsFolder, older, { recursive: true });
    const journalPath = join(older, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
    const keep = journal.entries.findIndex((e) => e.tag === '0009_student_search');
    for (const dropped of journal.entries.slice(keep)) rmSync(join(older, `${dropped.tag}.sql`));
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, keep) }));
    const data = join(dir.path, 'data');
    const before = new Backend({ dataDir: data, migrationsFolder: older, kdfCost: cheapKdf });
    await call(before, 'vault.create', newSchool);
    const { sqlite } = before.session!.vault;
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'students_fts'").get()).toBeUndefined();
    // Its search text as that version wrote it: accents stripped, ı and ß left as they were.
    const oldText = (s: string) =>
      s
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim();
    const insert = sqlite.prepare(
      'INSERT INTO students (id, student_number, given_name, infix, family_name, class_name, search_text, updated_at) ' +
        "VALUES (?, ?, ?, ?, ?, '2B', ?, '2025-09-01')",
    );
    for (const [number, given, infix, family] of [
      ['1', 'Elif', '', 'Aydın'],
      ['2', 'Daan', 'de', 'Vries'],
      ['3', 'Ayşe', '', 'Çelik'],
      ['4', 'Eléonore', '', 'Bakker-de Jong'],
      ['5', 'Sven', '', 'Groß'],
    ]) {
      insert.run(randomUUID(), number, given, infix, family, oldText(`${given} ${infix} ${family} ${family} ${number} 2B`));
    }
    before.lock();

    // Today's app opens it.
    const backend = new Backend({ dataDir: data, migrationsFolder, kdfCost: cheapKdf });
    const env = (await call(backend, 'vault.status', {})).environments[0]!;
    await call(backend, 'vault.unlock', {
      environmentId: env.id,
      userId: env.users[0]!.id,
      passphrase: newSchool.passphrase,
    });
    const search = searchAs(backend);
    try {
      expect(await search('aydin')).toEqual(['Elif Aydın']);
      expect(await search('gross')).toEqual(['Sven Groß']);
      expect(await search('de jong')).toEqual(['Eléonore Bakker-de Jong']);
      expect(await search('')).toEqual(['Elif Aydın', 'Eléonore Bakker-de Jong', 'Ayşe Çelik', 'Sven Groß', 'Daan de Vries']);
      // And what is written after the upgrade is indexed too.
      await addStudent(backend, { givenName: 'Emre', familyName: 'Ünal', studentNumber: '6' });
      expect(await search('unal')).toEqual(['Emre Ünal']);
    } finally {
      backend.lock();
    }
  });
});
