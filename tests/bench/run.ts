// `npm run bench`: speed and memory of the vault and its domains, measured in one run on this machine.
// Not a test: it prints figures (and ratios, which travel between machines better than ms).
//
// Each section runs in a child process of its own (this file again, with `--section <name>`), one
// after the other. Its peak memory is then the child's getrusage maxRSS: the kernel's own
// high-water mark, exact, and the section's alone. In one process that mark never goes down again
// (a later section could only report the earlier one's peak), and an RSS-sampling timer misses
// the peaks of synchronous SQLite work, during which timers do not fire.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Backend } from '../../electron/api/context';
import { dispatch } from '../../electron/app/dispatch';
import { closeVaultDatabase, createVaultDatabase, VAULT_CIPHER } from '../../db/open';
import { schoolCalendar } from '../../electron/features/schedule/calendar/school-calendar';
import { cheapKdf, migrationsFolder, tempDir } from '../helpers/backend';
import { benchDocuments } from './documents';
import { benchMinutes } from './minutes';
import { benchPresentation } from './presentation';
import { benchBackup } from './backup';
import { benchImport, studentsCsv } from './import';
import { benchSearch } from './search';
import { fmt, mib, openPlain, samePragmas, stats, timed } from './measure';

async function call(backend: Backend, method: string, input: unknown): Promise<unknown> {
  const r = await dispatch(backend, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

/** A new school, unlocked. A cheap scrypt: only the vault section measures the real one. */
async function schoolBackend(dir: string): Promise<Backend> {
  const backend = new Backend({ dataDir: dir, migrationsFolder, kdfCost: cheapKdf });
  await call(backend, 'vault.create', {
    schoolName: 'Bench',
    region: 'midden',
    userName: 'B',
    staffCode: 'ben',
    passphrase: 'bench wachtwoord 2026',
  });
  return backend;
}

/** Students for a section to work on, imported as the wizard does (the import's own speed is tests/bench/import.ts). */
async function importStudents(backend: Backend, csv: string): Promise<void> {
  const { importId, mapping } = (await call(backend, 'import.analyze', {
    fileName: 'leerlingen.csv',
    contentBase64: Buffer.from(csv).toString('base64'),
  })) as {
    importId: string;
    mapping: Record<string, string>;
  };
  const { jobId } = (await call(backend, 'import.start', { importId, mapping, onErrors: 'refuse' })) as {
    jobId: string;
  };
  for (;;) {
    const p = (await call(backend, 'import.progress', { jobId })) as {
      state: string;
      error: { message: string } | null;
    };
    if (p.state === 'failed') throw new Error(p.error?.message);
    if (p.state === 'done') return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

const figures = (s: ReturnType<typeof stats>) => `p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)} (n=${s.n})`;

/** Create and unlock with the real scrypt cost, and the dispatcher's own price on a read and a write. */
async function benchVault(dir: string): Promise<string[]> {
  const backend = new Backend({ dataDir: dir, migrationsFolder });
  const passphrase = 'bench wachtwoord 2026';
  const [created, createMs] = await timed(() =>
    dispatch(backend, 'vault.create', {
      schoolName: 'Bench',
      region: 'midden',
      userName: 'B',
      staffCode: 'ben',
      passphrase,
    }),
  );
  if (!created.ok) throw new Error(created.error.message);
  backend.lock();
  const env = ((await call(backend, 'vault.status', {})) as { environments: { id: string; users: { id: string }[] }[] }).environments[0]!;
  const unlock = { environmentId: env.id, userId: env.users[0]!.id, passphrase };
  const unlocks: number[] = [];
  for (let i = 0; i < 5; i++) {
    unlocks.push((await timed(() => call(backend, 'vault.unlock', unlock)))[1]);
    if (i < 4) backend.lock();
  }
  const [wrong, wrongMs] = await timed(() => dispatch(backend, 'vault.unlock', { ...unlock, passphrase: 'fout' }));
  if (wrong.ok) throw new Error('wrong passphrase accepted');
  const reads: number[] = [];
  for (let i = 0; i < 2000; i++) reads.push((await timed(() => call(backend, 'settings.get', {})))[1]);
  const settings = (await call(backend, 'settings.get', {})) as object;
  const writes: number[] = [];
  for (let i = 0; i < 200; i++) writes.push((await timed(() => call(backend, 'settings.update', { ...settings, city: `Plaats ${i}` })))[1]);
  backend.lock();
  return [
    `create environment (2 scrypt wraps + migrations): ${fmt(createMs)}`,
    `unlock (scrypt N=2^17 + open + checks): ${figures(stats(unlocks))}`,
    `wrong passphrase refused in: ${fmt(wrongMs)}`,
    `settings.get via dispatcher: ${figures(stats(reads))}`,
    `settings.update via dispatcher (synchronous=FULL): ${figures(stats(writes))}`,
  ];
}

/**
 * The price of encryption: an encrypted vault and a plain SQLite file made alike (same migrations,
 * so the same tables and indexes, same pragmas, checked), differing in the cipher only. Each is
 * warmed up first; then the samples alternate between the two, in turns, so a busy moment of the
 * machine falls on both. Reads reopen the file each time: SQLite's page cache starts empty and
 * every page is decrypted (the operating system's file cache stays warm for both).
 */
async function benchEncryption(dir: string): Promise<string[]> {
  const ROUNDS = 15;
  const ROWS = 5_000;
  const dataKey = randomBytes(32);
  const encPath = join(dir, 'enc.db');
  const plainPath = join(dir, 'plain.db');
  const encrypted = createVaultDatabase(encPath, Buffer.from(dataKey), { migrationsFolder });
  const plain = openPlain(plainPath);
  samePragmas(encrypted.sqlite, plain.sqlite);
  // A bare connection for the reads, keyed as db/open.ts keys one (cipher, then the raw key) or not at all.
  const reopen = (path: string, key: Buffer | null) => {
    const sqlite = new Database(path, { fileMustExist: true });
    if (key) {
      sqlite.pragma(`cipher='${VAULT_CIPHER}'`);
      sqlite.pragma(`key="x'${key.toString('hex')}'"`);
    }
    return sqlite;
  };
  const sides = [
    {
      name: 'encrypted',
      sqlite: encrypted.sqlite,
      inserts: [] as number[],
      lookups: [] as number[],
      scans: [] as number[],
      reopen: () => reopen(encPath, dataKey),
    },
    {
      name: 'plain',
      sqlite: plain.sqlite,
      inserts: [] as number[],
      lookups: [] as number[],
      scans: [] as number[],
      reopen: () => reopen(plainPath, null),
    },
  ];
  let next = 0;
  const insertBatch = (sqlite: Database.Database) => {
    const insert = sqlite.prepare('INSERT INTO audit_log (at, user_id, method) VALUES (?, ?, ?)');
    sqlite.transaction(() => {
      for (let i = 0; i < ROWS; i++) insert.run(new Date(Date.UTC(2026, 8, 1) + (next + i) * 60_000).toISOString(), 'u', 'x'.repeat(64));
    })();
  };
  const lookups = (sqlite: Database.Database) => {
    // By the index on `at`, as the audit screen filters on a period.
    const q = sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE at >= ? AND at < ?');
    for (let day = 0; day < 50; day++)
      q.get(new Date(Date.UTC(2026, 8, 1 + day)).toISOString(), new Date(Date.UTC(2026, 8, 2 + day)).toISOString());
  };
  const scan = (side: (typeof sides)[number]) => {
    const sqlite = side.reopen();
    try {
      return sqlite.prepare('SELECT count(*) AS n, max(length(method)) AS m FROM audit_log').get() as { n: number };
    } finally {
      sqlite.close();
    }
  };
  // Warm-up: one batch, the lookups and a scan on each, not counted.
  for (const side of sides) {
    insertBatch(side.sqlite);
    lookups(side.sqlite);
    scan(side);
  }
  next += ROWS;
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) side.inserts.push((await timed(() => insertBatch(side.sqlite)))[1]);
    next += ROWS;
    for (const side of order) side.lookups.push((await timed(() => lookups(side.sqlite)))[1]);
    for (const side of order) side.scans.push((await timed(() => scan(side)))[1]);
  }
  const rows = (sides[0]!.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  closeVaultDatabase(encrypted);
  closeVaultDatabase(plain);
  const [enc, pl] = sides as [(typeof sides)[number], (typeof sides)[number]];
  const compare = (title: string, a: number[], b: number[]) => {
    const [x, y] = [stats(a), stats(b)];
    return [
      `  ${title}`,
      `    encrypted: ${figures(x)}`,
      `    plain:     ${figures(y)}`,
      `    encrypted ÷ plain: median ${(x.p50 / y.p50).toFixed(2)}x, p95 ${(x.p95 / y.p95).toFixed(2)}x`,
    ];
  };
  return [
    `encryption (ChaCha20-Poly1305) against plain SQLite, same schema and pragmas, ${ROUNDS} alternating rounds after a warm-up:`,
    ...compare(
      `${ROWS.toLocaleString('en')} audit rows inserted in one transaction (audit_log with its index on both)`,
      enc.inserts,
      pl.inserts,
    ),
    ...compare('50 indexed range counts (one per day)', enc.lookups, pl.lookups),
    ...compare(`reopen + full scan of the table (${rows.toLocaleString('en')} rows at the end)`, enc.scans, pl.scans),
  ];
}

/** Four series planned for a school year, then the screens and exports that read them. */
async function benchSchedule(dir: string): Promise<string[]> {
  const backend = await schoolBackend(dir);
  const schoolYear = '2026-2027';
  const base = {
    id: null,
    durationMinutes: 90,
    location: 'Lokaal 1.12',
    chairId: null,
    secretaryId: null,
    withExternalPartners: false,
    intakeDeadlineSchoolDays: 5,
    moveRule: 'week-after',
    continueFrom: 'grid',
    active: true,
    attendees: { staffIds: [], partnerIds: [] },
  };
  const plans: number[] = [];
  for (const [i, [name, weekday, firstDate]] of (
    [
      ['IOT', 2, '2026-09-01'],
      ['ZAT', 4, '2026-09-03'],
      ['OT', 1, '2026-08-31'],
      ['LCO', 3, '2026-09-02'],
    ] as const
  ).entries()) {
    const { id } = (await call(backend, 'series.save', {
      ...base,
      name,
      kind: name,
      intervalWeeks: i === 3 ? 1 : 5,
      weekday,
      startTime: '14:00',
      color: 'teal',
    })) as { id: string };
    plans.push((await timed(() => call(backend, 'schedule.previewYear', { seriesId: id, schoolYear, firstDate })))[1]);
    await call(backend, 'schedule.applyYear', { seriesId: id, schoolYear, firstDate });
  }
  const overviews: number[] = [];
  for (let i = 0; i < 200; i++) overviews.push((await timed(() => call(backend, 'schedule.overview', { schoolYear })))[1]);
  const [ics, icsMs] = await timed(() => call(backend, 'schedule.exportIcs', { schoolYear, seriesId: null }));
  const [, docxMs] = await timed(() => call(backend, 'schedule.exportDocx', { schoolYear }));
  backend.lock();
  const events = ((ics as { content: string }).content.match(/BEGIN:VEVENT/g) ?? []).length;
  return [
    `schedule.previewYear (generate, compare, collisions) per series: max ${fmt(Math.max(...plans))}`,
    `schedule.overview of a year with ${events} meetings: ${figures(stats(overviews))}`,
    `exports of that year: .ics ${fmt(icsMs)}, Word jaarrooster ${fmt(docxMs)}`,
  ];
}

/** The school calendar answers "is this day off?" for every day a plan or a deadline looks at. */
async function benchCalendar(): Promise<string[]> {
  const calendar = schoolCalendar('midden', [
    { id: 'studiedag', kind: 'study-day', name: 'studiedag', start: '2026-11-18', end: '2026-11-18', replaces: null },
  ]);
  const round = () => {
    let closed = 0;
    for (let i = 0; i < 20_000; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (i % 12)).padStart(2, '0');
      if (calendar.closedReason(`2027-${month}-${day}`) !== null) closed++;
    }
    if (closed === 0) throw new Error('bench: the calendar found no day off');
  };
  round(); // warm-up
  const rounds: number[] = [];
  for (let i = 0; i < 20; i++) rounds.push((await timed(round))[1]);
  const s = stats(rounds);
  return [`school calendar, 20,000 closedReason lookups: ${figures(s)} — target ≤ 500 ms ${s.p95 <= 500 ? '✓' : '✗'}`];
}

/**
 * Intakes and consent: autosaving a draft as the aanmelder types, and the consent gate of a ZAT
 * with 30 cases and four external partners (the list the coordinator opens per meeting).
 */
async function benchIntakes(dir: string): Promise<string[]> {
  const backend = await schoolBackend(dir);
  await importStudents(backend, studentsCsv(200, 100_000));
  const partnerIds: string[] = [];
  for (const [organisation, kind] of [
    ['SWV', 'samenwerkingsverband'],
    ['Sociaal Team', 'jeugdhulp'],
    ['GGD', 'ggd'],
    ['Leerplicht', 'leerplicht'],
  ]) {
    partnerIds.push(
      (
        (await call(backend, 'partners.save', {
          id: null,
          organisation,
          kind,
          contactName: '',
          email: '',
          phone: '',
          active: true,
        })) as { id: string }
      ).id,
    );
  }
  const { id: seriesId } = (await call(backend, 'series.save', {
    id: null,
    name: 'ZAT met partners',
    kind: 'ZAT',
    intervalWeeks: 5,
    weekday: 4,
    startTime: '13:30',
    durationMinutes: 90,
    location: '',
    chairId: null,
    secretaryId: null,
    withExternalPartners: true,
    intakeDeadlineSchoolDays: 5,
    moveRule: 'week-after',
    continueFrom: 'grid',
    color: 'grape',
    active: true,
    attendees: { staffIds: [], partnerIds },
  })) as { id: string };
  await call(backend, 'schedule.applyYear', { seriesId, schoolYear: '2026-2027', firstDate: '2026-09-03' });
  const overview = (await call(backend, 'schedule.overview', { schoolYear: '2026-2027' })) as {
    meetings: { id: string; date: string; seriesId: string | null }[];
  };
  const meetingId = overview.meetings.find((m) => m.seriesId === seriesId && m.date > '2026-10-01')!.id;
  const found = (await call(backend, 'students.search', {
    query: '',
    className: null,
    yearLevel: null,
    status: 'active',
    limit: 30,
  })) as { items: { id: string }[] };
  const answers = {
    aanleiding: 'Sinds de herfstvakantie vaak afwezig op maandag en dinsdag, wisselende verklaringen. '.repeat(8),
    vraag: 'Is verwijzing naar de jeugdarts nodig, en welke ondersteuning kan school bieden?',
    zorgen: {
      verzuim: '40 lesuren ongeoorloofd afwezig. '.repeat(4),
      gezondheid: 'Klaagt over hoofdpijn en slecht slapen. '.repeat(4),
    },
    geprobeerd: 'Drie mentorgesprekken in zes weken, afspraken over op tijd komen, contact met ouders. '.repeat(6),
  };
  const intakeIds: string[] = [];
  for (const [i, student] of found.items.entries()) {
    const detail = (await call(backend, 'students.get', { id: student.id })) as { guardians: { id: string }[] };
    // Two in three cases have complete consent (both parents, and the student for the jeugdarts); the others miss one parent's.
    const signers = [
      ...detail.guardians.slice(0, i % 3 === 0 ? 1 : 2).map((g) => ({ kind: 'guardian', guardianId: g.id })),
      { kind: 'student' },
    ];
    for (const signer of signers) {
      await call(backend, 'consent.record', {
        studentId: student.id,
        signer,
        decision: 'given',
        purposes: ['bespreking'],
        partnerIds,
        method: 'schriftelijk',
        informationGiven: '',
        givenOn: '2026-09-15',
        validUntil: '2027-07-31',
      });
    }
    const { id } = (await call(backend, 'intakes.create', {
      studentId: student.id,
      anonymousYearLevel: null,
      seriesId: null,
    })) as { id: string };
    await call(backend, 'intakes.saveDraft', {
      id,
      revision: 0,
      referrerId: null,
      referredOn: null,
      meetingId,
      answers,
    });
    intakeIds.push(id);
  }
  // Autosave: the same draft saved 300 times as the text grows, as while typing.
  const saves: number[] = [];
  let revision = 1;
  for (let i = 0; i < 300; i++) {
    const draft = { ...answers, aanleiding: `${answers.aanleiding}${'x'.repeat(i)}` };
    const [saved, ms] = await timed(() =>
      call(backend, 'intakes.saveDraft', {
        id: intakeIds[0],
        revision,
        referrerId: null,
        referredOn: null,
        meetingId,
        answers: draft,
      }),
    );
    revision = (saved as { revision: number }).revision;
    saves.push(ms);
  }
  const gates: number[] = [];
  let blocked = 0;
  for (let i = 0; i < 100; i++) {
    const [rows, ms] = await timed(() => call(backend, 'intakes.list', { status: null, meetingId, studentId: null, mine: false }));
    blocked = (rows as { consent: { state: string } }[]).filter((r) => r.consent.state !== 'ok').length;
    gates.push(ms);
  }
  const [, oneGateMs] = await timed(() => call(backend, 'intakes.get', { id: intakeIds[0] }));
  backend.lock();
  return [
    `intakes.saveDraft (autosave, ~2.5 kB of answers): ${figures(stats(saves))}`,
    `consent gate of a meeting with 30 cases × 4 partners (intakes.list per meeting, ` +
      `${blocked} cases without complete consent): ${figures(stats(gates))}`,
    `one aanmeldformulier with its gate (intakes.get): ${fmt(oneGateMs)}`,
  ];
}

type Section = [name: string, title: string, run: (dir: string) => Promise<string[]>];

/** The sections in the order they run, each with a title and what it does in a fresh temporary folder. */
const sections: Section[] = [
  ['vault', 'vault and dispatcher', benchVault],
  ['encryption', 'the price of encryption', benchEncryption],
  ['import', 'import of students and guardians (tests/bench/import.ts)', benchImport],
  ['search', 'student search (tests/bench/search.ts)', benchSearch],
  ['schedule', 'year schedule', benchSchedule],
  ['calendar', 'school calendar', benchCalendar],
  ['intakes', 'intakes and consent', benchIntakes],
  ['minutes', 'agenda, minutes and actions of a ten-year school (tests/bench/minutes.ts)', benchMinutes],
  ['documents', 'Word documents (tests/bench/documents.ts)', benchDocuments],
  ['presentation', 'presenteren (tests/bench/presentation.ts)', benchPresentation],
  ['backup', 'backups (tests/bench/backup.ts)', benchBackup],
];

const RESULT = 'BENCH_SECTION_RESULT ';

interface SectionResult {
  lines: string[];
  /** Resident memory when the section began (the modules loaded) and the process's peak, in bytes. */
  startRss: number;
  peakRss: number;
  ms: number;
}

/** In the child: run one section and hand its lines and memory back on stdout. */
async function runSection(name: string): Promise<void> {
  const section = sections.find(([n]) => n === name);
  if (!section) throw new Error(`bench: no section ${name}`);
  const dir = tempDir(`zorgoverleg-bench-${name}-`);
  try {
    const startRss = process.memoryUsage.rss();
    const [lines, ms] = await timed(() => section[2](dir.path));
    const result: SectionResult = { lines, startRss, peakRss: process.resourceUsage().maxRSS * 1024, ms };
    process.stdout.write(`${RESULT}${JSON.stringify(result)}\n`);
  } finally {
    dir.cleanup();
  }
}

/** In the parent: one child per section, in turn (never two at once: they would measure each other). */
function childFor(name: string): Promise<SectionResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--section', name], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT));
      if (code !== 0 || !line) return reject(new Error(`bench section ${name} failed (exit ${code}):\n${out}`));
      resolve(JSON.parse(line.slice(RESULT.length)) as SectionResult);
    });
  });
}

const sectionFlag = process.argv.indexOf('--section');
if (sectionFlag >= 0) {
  await runSection(process.argv[sectionFlag + 1] ?? '');
  // Worker threads or timers a section left behind must not keep the child alive.
  process.exit(0);
} else {
  console.log("Zorgoverleg bench (each section in its own process; memory: that process's peak resident set)");
  // `npm run bench -- --only vault,encryption` runs just those sections.
  const onlyFlag = process.argv.indexOf('--only');
  const only = onlyFlag >= 0 ? (process.argv[onlyFlag + 1] ?? '').split(',') : null;
  const memory: string[] = [];
  for (const [name, title] of sections.filter(([n]) => only === null || only.includes(n))) {
    const result = await childFor(name);
    console.log(`${title}  [${(result.ms / 1000).toFixed(1)} s]`);
    for (const line of result.lines) console.log(`  ${line}`);
    memory.push(
      `  ${name.padEnd(12)} peak rss ${mib(result.peakRss).padStart(8)}  ` +
        `(${mib(result.startRss)} at the start of the section, ` +
        `+${mib(result.peakRss - result.startRss)} during it)`,
    );
  }
  console.log('memory per section');
  for (const line of memory) console.log(line);
}
