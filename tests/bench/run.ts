// `npm run bench`: speed and memory of the vault and the people domain, measured in one run on this machine.
// Not a test: it prints figures (and ratios, which travel between machines better than ms).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Backend } from '../../electron/api/context';
import { dispatch } from '../../electron/api/dispatch';
import { closeVaultDatabase, createVaultDatabase } from '../../db/open';
import { migrationsFolder, tempDir } from '../helpers/backend';
import { benchDocuments } from './documents';
import { benchMinutes } from './minutes';
import { benchPresentation } from './presentation';
import { benchBackup } from './backup';
import { fmt, percentile, timed } from './measure';


async function call(backend: Backend, method: string, input: unknown): Promise<unknown> {
  const r = await dispatch(backend, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const givenNames = ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Mila', 'Finn', 'Tess', 'Noah', 'Zoë', 'Liam', 'Sara', 'Mohammed', 'Yara', 'Bram', 'Lotte'];
const familyNames = [['de', 'Vries'], ['', 'Jansen'], ['van', 'Dijk'], ['', 'Bakker'], ['', 'Visser'], ['', 'Smit'], ['de', 'Boer'], ['', 'Öztürk'], ['', 'El Amrani'], ['van der', 'Meer'], ['', 'Mulder'], ['de', 'Jong']];

/** A Somtoday-shaped CSV: one row per guardian, students repeated. */
function studentsCsv(count: number, firstNumber: number): string {
  const lines = ['Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Klas;Leerjaar;Relatie;Voorletters ouder;Tussenvoegsel ouder;Achternaam ouder;Gezag;Straat;Huisnummer;Postcode;Woonplaats;E-mail ouder'];
  for (let i = 0; i < count; i++) {
    const [infix, family] = familyNames[i % familyNames.length]!;
    const year = 1 + (i % 4);
    const student = [firstNumber + i, givenNames[i % givenNames.length], infix, family, `${String(1 + (i % 28)).padStart(2, '0')}-0${1 + (i % 9)}-201${year}`, `${year}${'ABCDEFGH'[i % 8]}`, year];
    for (const relation of ['Moeder', 'Vader']) {
      lines.push([...student, relation, 'A.', infix, family, 'ja', 'Lindelaan', 1 + (i % 200), '3512 AB', 'Utrecht', `ouder${i}@mail.example`].join(';'));
    }
  }
  return lines.join('\r\n');
}

async function importCsv(backend: Backend, csv: string): Promise<{ analyzeMs: number; applyMs: number }> {
  const [analysis, analyzeMs] = await timed(() =>
    call(backend, 'import.analyze', { fileName: 'leerlingen.csv', contentBase64: Buffer.from(csv).toString('base64') }),
  );
  const { importId, mapping } = analysis as { importId: string; mapping: Record<string, string> };
  const [, applyMs] = await timed(async () => {
    const { jobId } = (await call(backend, 'import.start', { importId, mapping, onErrors: 'refuse' })) as { jobId: string };
    for (;;) {
      const p = (await call(backend, 'import.progress', { jobId })) as { state: string; error: { message: string } | null };
      if (p.state === 'failed') throw new Error(p.error?.message);
      if (p.state === 'done') return;
      await new Promise((r) => setTimeout(r, 5));
    }
  });
  return { analyzeMs, applyMs };
}

/** Four series planned for a school year, then the screens and exports that read them. */
async function benchSchedule(backend: Backend): Promise<string[]> {
  const schoolYear = '2026-2027';
  const base = {
    id: null, durationMinutes: 90, location: 'Lokaal 1.12', chairId: null, secretaryId: null, withExternalPartners: false,
    intakeDeadlineSchoolDays: 5, moveRule: 'week-after', continueFrom: 'grid', active: true, attendees: { staffIds: [], partnerIds: [] },
  };
  const plans: number[] = [];
  for (const [i, [name, weekday, firstDate]] of ([['IOT', 2, '2026-09-01'], ['ZAT', 4, '2026-09-03'], ['OT', 1, '2026-08-31'], ['LCO', 3, '2026-09-02']] as const).entries()) {
    const { id } = (await call(backend, 'series.save', { ...base, name, kind: name, intervalWeeks: i === 3 ? 1 : 5, weekday, startTime: '14:00', color: 'teal' })) as { id: string };
    plans.push((await timed(() => call(backend, 'schedule.previewYear', { seriesId: id, schoolYear, firstDate })))[1]);
    await call(backend, 'schedule.applyYear', { seriesId: id, schoolYear, firstDate });
  }
  const overviews: number[] = [];
  for (let i = 0; i < 200; i++) overviews.push((await timed(() => call(backend, 'schedule.overview', { schoolYear })))[1]);
  overviews.sort((a, b) => a - b);
  const [ics, icsMs] = await timed(() => call(backend, 'schedule.exportIcs', { schoolYear, seriesId: null }));
  const [, docxMs] = await timed(() => call(backend, 'schedule.exportDocx', { schoolYear }));
  const events = ((ics as { content: string }).content.match(/BEGIN:VEVENT/g) ?? []).length;
  return [
    `schedule.previewYear (generate, compare, collisions) per series: max ${fmt(Math.max(...plans))}`,
    `schedule.overview of a year with ${events} meetings: p50 ${fmt(percentile(overviews, 50))}, p95 ${fmt(percentile(overviews, 95))} (n=200)`,
    `exports of that year: .ics ${fmt(icsMs)}, Word jaarrooster ${fmt(docxMs)}`,
  ];
}

async function benchPeople(backend: Backend): Promise<string[]> {
  const first = await importCsv(backend, studentsCsv(5_000, 100_000));
  await importCsv(backend, studentsCsv(15_000, 200_000));
  const queries = ['daan', 'de vr', 'jan', 'öztü', '2b', '1000', 'emma van', 'el am', 'x', 'mila smit 3'];
  const searches: number[] = [];
  for (let round = 0; round < 30; round++) {
    for (const q of queries) {
      // As the type-ahead sends it: every prefix of what is typed.
      for (let n = 1; n <= q.length; n++) {
        const input = { query: q.slice(0, n), className: null, yearLevel: null, status: 'active', limit: 200 };
        searches.push((await timed(() => call(backend, 'students.search', input)))[1]);
      }
    }
  }
  searches.sort((a, b) => a - b);
  const [, getMs] = await timed(() => call(backend, 'students.filters', {}));
  return [
    `import 5,000 students + 10,000 guardians (10,000 CSV rows): read+map ${fmt(first.analyzeMs)}, check+write ${fmt(first.applyMs)}`,
    `students.search among 20,000 students via dispatcher: p50 ${fmt(percentile(searches, 50))}, p95 ${fmt(percentile(searches, 95))}, max ${fmt(searches.at(-1)!)} (n=${searches.length})`,
    `students.filters (distinct classes and years) among 20,000: ${fmt(getMs)}`,
  ];
}
/**
 * Intakes and consent: autosaving a draft as the aanmelder types, and the consent gate of a ZAT
 * with 30 cases and four external partners (the list the coordinator opens per meeting).
 */
async function benchIntakes(backend: Backend): Promise<string[]> {
  const partnerIds: string[] = [];
  for (const [organisation, kind] of [['SWV', 'samenwerkingsverband'], ['Sociaal Team', 'jeugdhulp'], ['GGD', 'ggd'], ['Leerplicht', 'leerplicht']]) {
    partnerIds.push(((await call(backend, 'partners.save', { id: null, organisation, kind, contactName: '', email: '', phone: '', active: true })) as { id: string }).id);
  }
  const { id: seriesId } = (await call(backend, 'series.save', {
    id: null, name: 'ZAT met partners', kind: 'ZAT', intervalWeeks: 5, weekday: 4, startTime: '13:30', durationMinutes: 90, location: '',
    chairId: null, secretaryId: null, withExternalPartners: true, intakeDeadlineSchoolDays: 5, moveRule: 'week-after', continueFrom: 'grid',
    color: 'grape', active: true, attendees: { staffIds: [], partnerIds },
  })) as { id: string };
  await call(backend, 'schedule.applyYear', { seriesId, schoolYear: '2026-2027', firstDate: '2026-09-03' });
  const overview = (await call(backend, 'schedule.overview', { schoolYear: '2026-2027' })) as { meetings: { id: string; date: string; seriesId: string | null }[] };
  const meetingId = overview.meetings.find((m) => m.seriesId === seriesId && m.date > '2026-10-01')!.id;
  const found = (await call(backend, 'students.search', { query: '', className: null, yearLevel: null, status: 'active', limit: 30 })) as { items: { id: string }[] };
  const answers = {
    aanleiding: 'Sinds de herfstvakantie vaak afwezig op maandag en dinsdag, wisselende verklaringen. '.repeat(8),
    vraag: 'Is verwijzing naar de jeugdarts nodig, en welke ondersteuning kan school bieden?',
    zorgen: { verzuim: '40 lesuren ongeoorloofd afwezig. '.repeat(4), gezondheid: 'Klaagt over hoofdpijn en slecht slapen. '.repeat(4) },
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
        studentId: student.id, signer, decision: 'given', purposes: ['bespreking'], partnerIds,
        method: 'schriftelijk', informationGiven: '', givenOn: '2026-09-15', validUntil: '2027-07-31',
      });
    }
    const { id } = (await call(backend, 'intakes.create', { studentId: student.id, anonymousYearLevel: null, seriesId: null })) as { id: string };
    await call(backend, 'intakes.saveDraft', { id, revision: 0, referrerId: null, referredOn: null, meetingId, answers });
    intakeIds.push(id);
  }
  // Autosave: the same draft saved 300 times as the text grows, as while typing.
  const saves: number[] = [];
  let revision = 1;
  for (let i = 0; i < 300; i++) {
    const draft = { ...answers, aanleiding: `${answers.aanleiding}${'x'.repeat(i)}` };
    const [saved, ms] = await timed(() => call(backend, 'intakes.saveDraft', { id: intakeIds[0], revision, referrerId: null, referredOn: null, meetingId, answers: draft }));
    revision = (saved as { revision: number }).revision;
    saves.push(ms);
  }
  saves.sort((a, b) => a - b);
  const gates: number[] = [];
  let blocked = 0;
  for (let i = 0; i < 100; i++) {
    const [rows, ms] = await timed(() => call(backend, 'intakes.list', { status: null, meetingId, studentId: null, mine: false }));
    blocked = (rows as { consent: { state: string } }[]).filter((r) => r.consent.state !== 'ok').length;
    gates.push(ms);
  }
  gates.sort((a, b) => a - b);
  const [, oneGateMs] = await timed(() => call(backend, 'intakes.get', { id: intakeIds[0] }));
  return [
    `intakes.saveDraft (autosave, ~2.5 kB of answers): p50 ${fmt(percentile(saves, 50))}, p95 ${fmt(percentile(saves, 95))} (n=${saves.length})`,
    `consent gate of a meeting with 30 cases × 4 partners (intakes.list per meeting, ${blocked} cases without complete consent): p50 ${fmt(percentile(gates, 50))}, p95 ${fmt(percentile(gates, 95))} (n=${gates.length})`,
    `one aanmeldformulier with its gate (intakes.get): ${fmt(oneGateMs)}`,
  ];
}

const dir = tempDir('zorgoverleg-bench-');
try {
  // 1. Create and unlock with the real scrypt cost.
  const backend = new Backend({ dataDir: dir.path, migrationsFolder });
  const passphrase = 'bench wachtwoord 2026';
  const [created, createMs] = await timed(() =>
    dispatch(backend, 'vault.create', { schoolName: 'Bench', region: 'midden', userName: 'B', staffCode: 'ben', passphrase }),
  );
  if (!created.ok) throw new Error(created.error.message);
  backend.lock();
  const status = await dispatch(backend, 'vault.status', {});
  if (!status.ok) throw new Error('status');
  const env = (status.value as { environments: { id: string; users: { id: string }[] }[] }).environments[0]!;
  const unlockTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [r, ms] = await timed(() => dispatch(backend, 'vault.unlock', { environmentId: env.id, userId: env.users[0]!.id, passphrase }));
    if (!r.ok) throw new Error(r.error.message);
    unlockTimes.push(ms);
    if (i < 4) backend.lock();
  }
  const [wrong, wrongMs] = await timed(() => dispatch(backend, 'vault.unlock', { environmentId: env.id, userId: env.users[0]!.id, passphrase: 'fout' }));
  if (wrong.ok) throw new Error('wrong passphrase accepted');

  // 2. Read and write latency through the dispatcher (the path every screen takes).
  const reads: number[] = [];
  for (let i = 0; i < 2000; i++) reads.push((await timed(() => dispatch(backend, 'settings.get', {})))[1]);
  const settings = await dispatch(backend, 'settings.get', {});
  if (!settings.ok) throw new Error('settings');
  const writes: number[] = [];
  for (let i = 0; i < 200; i++) {
    writes.push((await timed(() => dispatch(backend, 'settings.update', { ...(settings.value as object), city: `Plaats ${i}` })))[1]);
  }
  // 3. People: import 5,000 students with two guardians each (one row per guardian, as Somtoday
  // exports), then search among 20,000 students the way the type-ahead does.
  const people = await benchPeople(backend);
  const schedule = await benchSchedule(backend);
  const intake = await benchIntakes(backend);
  backend.lock();
  reads.sort((a, b) => a - b);
  writes.sort((a, b) => a - b);

  // 4. The price of encryption: the same inserts, encrypted vault vs plain SQLite, same pragmas.
  const rows = 20_000;
  const encrypted = createVaultDatabase(join(dir.path, 'enc.db'), randomBytes(32), { migrationsFolder });
  const encInsert = encrypted.sqlite.prepare('INSERT INTO audit_log (at, user_id, method) VALUES (?, ?, ?)');
  const [, encMs] = await timed(() =>
    encrypted.sqlite.transaction(() => {
      for (let i = 0; i < rows; i++) encInsert.run(`${i}`, 'u', 'x'.repeat(64));
    })(),
  );
  const [, encReadMs] = await timed(() => encrypted.sqlite.prepare('SELECT count(*), max(length(method)) FROM audit_log').get());
  closeVaultDatabase(encrypted);
  const plain = new Database(join(dir.path, 'plain.db'));
  plain.pragma('journal_mode = WAL');
  plain.pragma('synchronous = FULL');
  plain.exec('CREATE TABLE audit_log (id integer primary key autoincrement, at text not null, user_id text not null, method text not null)');
  const insert = plain.prepare('INSERT INTO audit_log (at, user_id, method) VALUES (?, ?, ?)');
  const [, plainMs] = await timed(() =>
    plain.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run(`${i}`, 'u', 'x'.repeat(64));
    })(),
  );
  plain.close();

  // 5. Agenda, minutes and actions of a ten-year school, encrypted and plain (tests/bench/minutes.ts).
  const minutes = await benchMinutes(dir.path);

  // 6. Word documents of a meeting of 30 items and 200 letters home (tests/bench/documents.ts).
  const documents = await benchDocuments(dir.path);

  // 7. Presenteren: the chair's key and the secretary's action reaching the projector (tests/bench/presentation.ts).
  const presentation = await benchPresentation(dir.path);

  // 8. Backups of the ten-year vault, at the lock and while unlocked, and a restore (tests/bench/backup.ts).
  const backup = await benchBackup(dir.path);

  const memory = process.memoryUsage();
  const peopleLines = people;
  console.log('Zorgoverleg bench');
  console.log(`  create environment (2 scrypt wraps + migrations): ${fmt(createMs)}`);
  console.log(`  unlock, median of 5 (scrypt N=2^17 + open + checks): ${fmt(unlockTimes.sort((a, b) => a - b)[2]!)}`);
  console.log(`  wrong passphrase refused in: ${fmt(wrongMs)}`);
  console.log(`  settings.get via dispatcher: p50 ${fmt(percentile(reads, 50))}, p95 ${fmt(percentile(reads, 95))} (n=${reads.length})`);
  console.log(`  settings.update via dispatcher (synchronous=FULL): p50 ${fmt(percentile(writes, 50))}, p95 ${fmt(percentile(writes, 95))} (n=${writes.length})`);
  console.log(`  ${rows} inserts in one transaction: encrypted ${fmt(encMs)}, plain ${fmt(plainMs)}, ratio ${(encMs / plainMs).toFixed(2)}x`);
  console.log(`  full scan of ${rows} encrypted rows: ${fmt(encReadMs)}`);
  for (const line of [...peopleLines, ...schedule, ...intake, ...minutes, ...documents, ...presentation, ...backup]) console.log(`  ${line}`);
  // Peak, not final: maxRSS is the high-water mark of the whole run (kilobytes).
  console.log(`  memory: peak rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB, at the end rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`);
} finally {
  dir.cleanup();
}
