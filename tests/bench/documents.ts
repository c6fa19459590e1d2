// `npm run bench`, section "documents": the Word documents of a meeting of 30 items and a run of
// 200 letters home, measured twice: the builders alone (sample models from tests/docx/render-fixtures.ts),
// and through the real dispatcher on an unlocked vault holding the same kind of meeting
// (documents.agenda, documents.minutes, and the letters job: letters.start + letters.progress).
// Not a test: targets are printed next to the figures with a ratio, a miss never fails the run.
import { join } from 'node:path';
import type { Backend } from '../../electron/api/context';
import { buildAgendaDocx } from '../../electron/export/docx/agenda';
import { buildLetterDocx } from '../../electron/export/docx/letter';
import { buildMinutesDocx } from '../../electron/export/docx/minutes';
import type { LetterDocument } from '../../electron/export/docx/models';
import { agenda30, letterDocument, manyLetterStudents, minutes30 } from '../docx/render-fixtures';
import { buildNameIndex, type NameIndex } from '../../electron/features/disclosure/scrubber';
import { nameIndexOf, peopleOfVault, professionalsOfVault } from '../../electron/features/disclosure/store';
import { minutesDocument } from '../../electron/features/documents/compose-minutes';
import { partnerNames, staffById, studentsById } from '../../electron/features/people/store';
import { minutesView } from '../../electron/features/minutes/view';
import { projectorFacts } from '../../electron/features/presentation/handlers';
import { applyCommand, startPresenting } from '../../electron/features/presentation/presenting';
import { projectorScreen } from '../../electron/features/presentation/projector-view';
import { documentSchool } from '../../electron/features/settings/letterhead';
import { call, makeBackend, newSchool } from '../helpers/backend';
import { fmt, percentile, timed } from './measure';

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** Targets in ms, as the issue sets them. */
const TARGET = { agenda: 300, minutes: 500, letters: 5_000 } as const;

const LETTER_COUNT = 200;

/** Peak resident memory: sampled after every step and by an interval, and getrusage's high-water mark. */
function memoryPeak() {
  const startMax = process.resourceUsage().maxRSS * 1024;
  const startRss = process.memoryUsage.rss();
  let peak = startRss;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
  };
  const timer = setInterval(sample, 5);
  timer.unref();
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      const maxRss = process.resourceUsage().maxRSS * 1024;
      return { startRss, sampledPeak: peak, maxRss, setHere: maxRss > startMax };
    },
  };
}

interface Stats {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0, n: sorted.length };
}

/** "p50 120.00 ms, p95 140.00 ms (n=30) — target 300 ms: p50 0.40x, p95 0.47x ✓" */
function against(s: Stats, target: number): string {
  const ratio = (ms: number) => (ms / target).toFixed(2);
  return (
    `p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}, max ${fmt(s.max)} (n=${s.n}) — target ${target} ms: ` +
    `p50 ${ratio(s.p50)}x, p95 ${ratio(s.p95)}x ${s.p95 <= target ? '✓' : '✗'}`
  );
}

/** Runs `fn` `warmup` times untimed, then `rounds` times timed. */
async function sample(rounds: number, warmup: number, fn: () => Promise<unknown>, after: () => void): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    times.push((await timed(fn))[1]);
    after();
  }
  return stats(times);
}

// ---------------------------------------------------------------------------------------------
// The vault: a school with 223 students (23 cases on the meeting of 30 items, 200 on the letters' ZAT)

/** A Somtoday-shaped CSV: one row per guardian, both parents at one address, every student under 16. */
function studentsCsv(count: number, varied = false): string {
  const given = [
    'Daan',
    'Emma',
    'Sem',
    'Julia',
    'Lucas',
    'Mila',
    'Finn',
    'Tess',
    'Noah',
    'Zoë',
    'Liam',
    'Sara',
    'Mohammed',
    'Yara',
    'Bram',
    'Lotte',
  ];
  const families = [
    ['de', 'Vries'],
    ['', 'Jansen'],
    ['van', 'Dijk'],
    ['', 'Bakker'],
    ['', 'Visser'],
    ['', 'Smit'],
    ['de', 'Boer'],
    ['', 'Öztürk'],
    ['', 'El Amrani'],
    ['van der', 'Meer'],
    ['', 'Mulder'],
    ['de', 'Jong'],
  ];
  if (varied) {
    // A real school's spread: every student a name of their own (the scrubber's index grows with it).
    given.push(
      ...[
        'Anna',
        'Ruben',
        'Fleur',
        'Thijs',
        'Isa',
        'Jesse',
        'Noor',
        'Milan',
        'Evi',
        'Luuk',
        'Saar',
        'Gijs',
        'Roos',
        'Ayoub',
        'Fenna',
        'Stijn',
        'Lieke',
        'Bilal',
        'Femke',
        'Jayden',
        'Elif',
        'Youssef',
        'Nina',
        'Mats',
      ],
    );
    families.push(
      ...[
        'Peters',
        'Hendriks',
        'Dekker',
        'Brouwer',
        'Dijkstra',
        'Koster',
        'Prins',
        'Huisman',
        'Kok',
        'Vos',
        'Kramer',
        'Postma',
        'Kuipers',
        'Veenstra',
        'Willems',
        'Aydın',
        'Çelik',
        'Yılmaz',
        'Bos',
        'Wouters',
        'Schouten',
        'Hoekstra',
        'Jacobs',
        'Maas',
        'Verhoeven',
        'Graaf',
        'Hermans',
        'Sanders',
        'Bosman',
        'Meijer',
        'Bulut',
        'Boukhari',
        'Timmermans',
        'Groot',
        'Evers',
        'Koning',
        'Lammers',
        'Brink',
      ].map((f) => (f === 'Graaf' ? ['de', f] : ['', f])),
    );
  }
  const thisYear = new Date().getFullYear();
  const lines = [
    'Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Klas;Leerjaar;Relatie;Voorletters ' +
      'ouder;Tussenvoegsel ouder;Achternaam ouder;Gezag;Straat;Huisnummer;Postcode;Woonplaats;E-mail ouder',
  ];
  for (let i = 0; i < count; i++) {
    const [infix, family] = families[(varied ? Math.floor(i / given.length) : i) % families.length]!;
    const year = 1 + (i % 3);
    // 12 to 14 years old whenever the bench runs: letters go to the parents, not to the student.
    const birthDate = `${String(1 + (i % 28)).padStart(2, '0')}-0${1 + (i % 9)}-${thisYear - 11 - year}`;
    const student = [800_000 + i, given[i % given.length], infix, family, birthDate, `${year}${'ABCD'[i % 4]}`, year];
    const parents = varied
      ? [
          ['Moeder', given[(i + 7) % given.length]!],
          ['Vader', given[(i + 13) % given.length]!],
        ]
      : [
          ['Moeder', 'A.'],
          ['Vader', 'P.'],
        ];
    for (const [relation, initials] of parents) {
      lines.push(
        [...student, relation, initials, infix, family, 'ja', 'Lindelaan', 1 + i, '3512 AB', 'Utrecht', `ouder${i}@mail.example`].join(';'),
      );
    }
  }
  return lines.join('\r\n');
}

async function importStudents(backend: Backend, count: number, varied = false): Promise<void> {
  const csv = studentsCsv(count, varied);
  const analysis = await call(backend, 'import.analyze', {
    fileName: 'leerlingen.csv',
    contentBase64: Buffer.from(csv).toString('base64'),
  });
  const { jobId } = await call(backend, 'import.start', {
    importId: analysis.importId,
    mapping: analysis.mapping,
    onErrors: 'refuse',
  });
  for (;;) {
    const progress = await call(backend, 'import.progress', { jobId });
    if (progress.state === 'failed') throw new Error(`import: ${progress.error?.message ?? 'failed'}`);
    if (progress.state === 'done') return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const paragraphs = {
  vraag:
    'Aanleiding: {n} verzuimt sinds de herfstvakantie vaker het eerste uur; 36 lesuren ' +
    'ongeoorloofd.\nVraag: wat kan school nog doen, en is de jeugdarts nodig?',
  bespreking:
    'Mentor vertelt dat {n} in de les stil is en weinig contact maakt. Met een paar klasgenoten gaat het ' +
    'goed, in groepswerk haakt {n} af. ' +
    'De orthopedagoog herkent het beeld van de observatie vorige maand. Het team bespreekt of extra ' +
    'ondersteuning binnen de school voldoende is of dat verwijzing nodig is.',
  besluit: '{n} gaat twee keer per week naar de huiswerkklas. Na de kerstvakantie kijken we samen of dat helpt.',
  informeren: 'De mentor belt ouders deze week.',
};

const actionTexts = [
  'Gesprek met {n} en ouders over het verzuim',
  'Aanmelden bij de jeugdarts voor het spreekuur',
  'Handelingsplan bijstellen en delen met de docenten van de klas',
];

interface Seeded {
  backend: Backend;
  meeting30: string;
  letterMeeting: string;
  letterStudentIds: string[];
  templateId: string;
  items: number;
}

/**
 * A case as the secretary leaves it after the meeting: question, discussion, decision (the text may
 * go to the parents) and one to three actions. `full`: all four paragraphs and up to three
 * actions; otherwise only what a letter reads (decision and two actions for the parents).
 */
async function minutesOfCase(
  backend: Backend,
  itemId: string,
  name: string,
  staffIds: string[],
  index: number,
  full: boolean,
): Promise<void> {
  const fill = (text: string) => text.replaceAll('{n}', name);
  const fields: [keyof typeof paragraphs, 'intern' | 'ouders'][] = full
    ? [
        ['vraag', 'ouders'],
        ['bespreking', 'intern'],
        ['besluit', 'ouders'],
        ['informeren', 'intern'],
      ]
    : [['besluit', 'ouders']];
  for (const [field, audience] of fields) {
    const saved = await call(backend, 'minutes.saveField', {
      itemId,
      field,
      text: fill(paragraphs[field]),
      audience,
      baseRevision: 0,
    });
    if (!saved.saved) throw new Error('minutes.saveField: conflict in the bench');
  }
  await call(backend, 'minutes.setDecision', {
    itemId,
    decision: index % 3 === 0 ? 'extra-ondersteuning' : 'basisondersteuning',
    decided: true,
  });
  const count = full ? 1 + (index % 3) : 2;
  for (let k = 0; k < count; k++) {
    const saved = await call(backend, 'actions.save', {
      itemId,
      what: fill(actionTexts[k % actionTexts.length]!),
      holder: { kind: 'staff', staffId: staffIds[(index + k) % staffIds.length]!, partnerId: null },
      due: k === 1 ? { kind: 'volgende-overleg' } : { kind: 'datum', date: '2026-11-26' },
      audience: 'ouders',
    });
    if (!saved.saved) throw new Error('actions.save: conflict in the bench');
  }
}

async function seedVault(dir: string): Promise<Seeded> {
  const backend = makeBackend(join(dir, 'documents'));
  await call(backend, 'vault.create', newSchool);
  // Letters are refused while the school's contact details they name are empty.
  const settings = await call(backend, 'settings.get', {});
  await call(backend, 'settings.update', { ...settings, phone: '030 123 45 67', email: 'zorgteam@school.example' });
  const awo = (await call(backend, 'staff.list', {})).find((s) => s.code === newSchool.staffCode)!.id;
  const staffIds = [awo];
  for (const [name, code] of [
    ['Sil Slot', 'sisl'],
    ['Hanneke Brouwer', 'hbr'],
    ['Mirjam Kessels', 'mke'],
  ]) {
    staffIds.push(
      (
        await call(backend, 'staff.save', {
          id: null,
          name: name!,
          code: code!,
          functions: ['mentor'],
          email: '',
          active: true,
        })
      ).id,
    );
  }
  await importStudents(backend, 23 + LETTER_COUNT);
  const found = await call(backend, 'students.search', {
    query: '',
    className: null,
    yearLevel: null,
    status: 'active',
    limit: 500,
  });
  const students = found.items.map((s) => ({ id: s.id, name: s.name.split(' ')[0] ?? s.name }));
  if (students.length < 23 + LETTER_COUNT) throw new Error(`bench: ${students.length} students imported`);

  const meeting = (date: string, title: string, durationMinutes: number) =>
    call(backend, 'meetings.save', {
      id: null,
      seriesId: null,
      title,
      date,
      startTime: '13:30',
      durationMinutes,
      location: 'Lokaal 1.12',
      note: null,
      chairId: awo,
      secretaryId: staffIds[1]!,
      attendees: { staffIds, partnerIds: [] },
    });

  // The meeting of 30 items: the standard agenda (7 items) and 23 cases.
  const meeting30 = (await meeting('2026-11-12', 'IOT onderbouw', 240)).id;
  await call(backend, 'agenda.create', { meetingId: meeting30 });
  for (const student of students.slice(0, 23)) {
    await call(backend, 'agenda.addItem', {
      meetingId: meeting30,
      kind: 'casus',
      studentId: student.id,
      intakeId: null,
      origin: 'handmatig',
    });
  }
  const view = await call(backend, 'minutes.get', { meetingId: meeting30 });
  const nameOf = new Map(students.map((s) => [s.id, s.name]));
  for (const [index, item] of view.items.entries()) {
    if (item.kind === 'casus' && item.studentId)
      await minutesOfCase(backend, item.id, nameOf.get(item.studentId) ?? 'de leerling', staffIds, index, true);
    else {
      const saved = await call(backend, 'minutes.saveField', {
        itemId: item.id,
        field: 'notities',
        text: 'De studiedag van 10 februari gaat over executieve functies.',
        audience: 'intern',
        baseRevision: 0,
      });
      if (!saved.saved) throw new Error('minutes.saveField: conflict in the bench');
    }
  }

  // The letters' meeting: 200 cases, each with a decision and actions the parents may read.
  const letterMeeting = (await meeting('2026-11-19', 'ZAT', 240)).id;
  const letterStudents = students.slice(23, 23 + LETTER_COUNT);
  for (const student of letterStudents) {
    await call(backend, 'agenda.addItem', {
      meetingId: letterMeeting,
      kind: 'casus',
      studentId: student.id,
      intakeId: null,
      origin: 'handmatig',
    });
  }
  const letterView = await call(backend, 'minutes.get', { meetingId: letterMeeting });
  for (const [index, item] of letterView.items.entries()) {
    if (item.kind === 'casus' && item.studentId)
      await minutesOfCase(backend, item.id, nameOf.get(item.studentId) ?? 'de leerling', staffIds, index, false);
  }
  const template = (await call(backend, 'letters.templates', {})).find((t) => t.shippedKey === 'terugkoppeling');
  if (template === undefined) throw new Error('bench: no shipped template "terugkoppeling"');
  return {
    backend,
    meeting30,
    letterMeeting,
    letterStudentIds: letterStudents.map((s) => s.id),
    templateId: template.id,
    items: view.items.length,
  };
}

/** One run of the letters job, from start until its files are handed out; returns the letters made. */
async function lettersJob(seeded: Seeded): Promise<{ letters: number; jobId: string }> {
  const { jobId } = await call(seeded.backend, 'letters.start', {
    templateId: seeded.templateId,
    meetingId: seeded.letterMeeting,
    studentIds: seeded.letterStudentIds,
    includeWithoutAuthority: [],
    copyToParents: true,
  });
  for (;;) {
    const progress = await call(seeded.backend, 'letters.progress', { jobId });
    if (progress.state === 'failed') throw new Error(`letters: ${progress.error?.message ?? 'failed'}`);
    if (progress.state === 'done') return { letters: progress.result?.letters ?? 0, jobId };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

// ---------------------------------------------------------------------------------------------
// Disclosure: the vault-wide scrubber in a school of 2,000 students

const SCHOOL_SIZE = 2_000;
/** Issue 21: what the scrubber may add at the 95th percentile (ms). */
const SCRUB_BUDGET = { minutes: 20, projector: 5 } as const;

/** A 30-item ZAT with Leerplicht at the table (no consent: every case anonymised), its free text naming other students. */
async function seedSchool(dir: string) {
  const backend = makeBackend(join(dir, 'disclosure'));
  await call(backend, 'vault.create', newSchool);
  const awo = (await call(backend, 'staff.list', {})).find((s) => s.code === newSchool.staffCode)!.id;
  const leerplicht = (
    await call(backend, 'partners.save', {
      id: null,
      organisation: 'Leerplicht Utrecht',
      kind: 'leerplicht',
      contactName: 'Karin Meijer',
      email: '',
      phone: '',
      active: true,
    })
  ).id;
  await importStudents(backend, SCHOOL_SIZE, true);
  const found = await call(backend, 'students.search', {
    query: '',
    className: null,
    yearLevel: null,
    status: 'active',
    limit: 500,
  });
  const students = found.items.map((s) => ({ id: s.id, name: s.name }));
  const meetingId = (
    await call(backend, 'meetings.save', {
      id: null,
      seriesId: null,
      title: 'ZAT',
      date: '2026-11-12',
      startTime: '13:30',
      durationMinutes: 240,
      location: 'Lokaal 1.12',
      note: null,
      chairId: awo,
      secretaryId: awo,
      attendees: { staffIds: [awo], partnerIds: [leerplicht] },
    })
  ).id;
  await call(backend, 'agenda.create', { meetingId });
  for (const student of students.slice(0, 23))
    await call(backend, 'agenda.addItem', {
      meetingId,
      kind: 'casus',
      studentId: student.id,
      intakeId: null,
      origin: 'handmatig',
    });
  const view = await call(backend, 'minutes.get', { meetingId });
  for (const [index, item] of view.items.entries()) {
    if (item.kind !== 'casus' || !item.studentId) continue;
    const name = students.find((s) => s.id === item.studentId)!.name;
    // Another student of the school in the text, in full and as a possessive, as secretaries write.
    const other = students[(index * 37 + 100) % students.length]!.name;
    await minutesOfCase(backend, item.id, `${name} (met ${other}, ${other.split(' ')[0]}s broer)`, [awo], index, true);
  }
  return { backend, meetingId, items: view.items.length, caseItem: view.items.find((i) => i.kind === 'casus')!.id };
}

/** Two ways of doing one thing, sampled in pairs: each of them, and per pair what `a` took more than `b`. */
interface Paired {
  a: Stats;
  b: Stats;
  /** Per pair a − b: what `a` adds, with the machine's load of that moment on both sides. */
  added: Stats;
}

/**
 * Samples `a` and `b` in pairs, the order turning every round (ab, ba, ab, …): the machine's load
 * hits both alike, and neither always runs on the other's warm caches or pays its garbage.
 */
async function interleaved(rounds: number, warmup: number, a: () => unknown, b: () => unknown): Promise<Paired> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const first = i % 2 === 0 ? a : b;
    const second = first === a ? b : a;
    const t1 = (await timed(async () => first()))[1];
    const t2 = (await timed(async () => second()))[1];
    ta.push(first === a ? t1 : t2);
    tb.push(first === a ? t2 : t1);
  }
  return { a: stats(ta), b: stats(tb), added: stats(ta.map((t, i) => t - tb[i]!)) };
}

async function benchDisclosure(dir: string, memory: ReturnType<typeof memoryPeak>): Promise<string[]> {
  const [seeded, seedMs] = await timed(() => seedSchool(dir));
  memory.sample();
  const { backend, meetingId } = seeded;
  try {
    const session = backend.session!;
    const db = session.vault.db;
    const userId = session.user.id;
    const [, buildMs] = await timed(async () => buildNameIndex(peopleOfVault(db), professionalsOfVault(db)));
    const index = nameIndexOf(db);
    const lookups = await sample(50, 3, async () => nameIndexOf(db), memory.sample);
    // After any write (the secretary typing), the index asks the tables whether a name changed.
    const afterWrites: number[] = [];
    for (let i = 0; i < 30; i++) {
      const saved = await call(backend, 'minutes.saveField', {
        itemId: seeded.caseItem,
        field: 'reactie',
        text: `Reactie ${i}`,
        audience: 'intern',
        baseRevision: i,
      });
      if (!saved.saved) throw new Error('minutes.saveField: conflict in the bench');
      afterWrites.push((await timed(async () => nameIndexOf(db)))[1]);
    }
    const afterWrite = stats(afterWrites);
    const empty: NameIndex = buildNameIndex([], []);

    // The notulen as documents.minutes makes them (view, model, Word file), with and without scrubbing.
    const notulen = async (withScrubber: boolean) => {
      const view = minutesView(db, meetingId, userId);
      const students = studentsById(
        db,
        view.items.flatMap((i) => (i.studentId ? [i.studentId] : [])),
      );
      const doc = minutesDocument(
        view,
        students,
        { staff: staffById(db), partners: partnerNames(db) },
        documentSchool(db),
        'initialen',
        '2026-11-12',
        null,
        {
          audience: { kind: 'team' },
          index: withScrubber ? nameIndexOf(db) : null,
        },
      );
      return buildMinutesDocx(doc);
    };
    const minutes = await interleaved(
      100,
      5,
      () => notulen(true),
      () => notulen(false),
    );

    // A projector answer on a case with the minutes shown, with and without scrubbing.
    const items = minutesView(db, meetingId, userId).items.map((i) => ({ id: i.id, lapsed: i.change === 'vervallen' }));
    const p = {
      ...applyCommand(startPresenting(meetingId, userId, items, 0), { command: 'goTo', itemId: seeded.caseItem }, items, 0),
      showMinutes: true,
    };
    const projector = await interleaved(
      300,
      10,
      () => projectorScreen(projectorFacts(db, p), p),
      () => projectorScreen(projectorFacts(db, p, empty), p),
    );
    // The scrubbing alone: the same view and facts, the model made with and without the index.
    const view = minutesView(db, meetingId, userId);
    const viewStudents = studentsById(
      db,
      view.items.flatMap((i) => (i.studentId ? [i.studentId] : [])),
    );
    const infoSources = { staff: staffById(db), partners: partnerNames(db) };
    const school = documentSchool(db);
    const model = (withIndex: NameIndex | null) =>
      minutesDocument(view, viewStudents, infoSources, school, 'initialen', '2026-11-12', null, {
        audience: { kind: 'team' },
        index: withIndex,
      });
    const modelOnly = await interleaved(
      200,
      5,
      () => model(index),
      () => model(null),
    );
    const facts = projectorFacts(db, p);
    const bare = { ...facts, index: empty };
    const screenOnly = await interleaved(
      500,
      10,
      () => projectorScreen(facts, p),
      () => projectorScreen(bare, p),
    );
    // The figure: how much later the 95th percentile comes with the scrubber (p95 with − p95 without),
    // next to the scrubber's cost per pair (median and p95 of with − without; the p95 of pairs also holds both sides' noise).
    const added = ({ a, b, added: d }: Paired, budget: number) => {
      const delta = a.p95 - b.p95;
      const signed = (ms: number) => `${ms < 0 ? '−' : '+'}${fmt(Math.abs(ms))}`;
      return (
        `with p50 ${fmt(a.p50)}, p95 ${fmt(a.p95)}; without p50 ${fmt(b.p50)}, p95 ${fmt(b.p95)} ` +
        `(n=${a.n} pairs): p95 ${signed(delta)}, per pair median ${signed(d.p50)}, p95 ` +
        `${signed(d.p95)} — budget +${budget} ms at p95 ${delta <= budget ? '✓' : '✗'}`
      );
    };
    return [
      `    disclosure: the vault-wide scrubber, ${SCHOOL_SIZE} students with ${SCHOOL_SIZE * 2} ` +
        `guardians (${index.size} name forms), a ${seeded.items}-item ZAT with a partner at the ` +
        `table (set up in ${fmt(seedMs)}):`,
      `      name index built from the vault: ${fmt(buildMs)} once; reused while nothing was ` +
        `written: p50 ${fmt(lookups.p50)}, p95 ${fmt(lookups.p95)}; after a write elsewhere (a ` +
        `count and the newest change per table): p50 ${fmt(afterWrite.p50)}, p95 ${fmt(afterWrite.p95)}`,
      `      notulen (minutesView + model + Word), with and without the scrubber, interleaved: ${added(minutes, SCRUB_BUDGET.minutes)}`,
      `      projector answer (projectorFacts + projectorScreen), the same: ${added(projector, SCRUB_BUDGET.projector)}`,
      `      the scrubbing alone, same view: notulen model ` +
        `${added(modelOnly, SCRUB_BUDGET.minutes)}; projector screen ${added(screenOnly, SCRUB_BUDGET.projector)}`,
    ];
  } finally {
    backend.lock();
  }
}

// ---------------------------------------------------------------------------------------------
// The bench

export async function benchDocuments(dir: string): Promise<string[]> {
  const memory = memoryPeak();
  const out: string[] = [];

  // 1. The builders alone, on the sample models.
  const agendaItems = agenda30.items.length;
  const minutesItems = minutes30.items.length;
  const agenda = await sample(30, 3, () => buildAgendaDocx(agenda30), memory.sample);
  const minutes = await sample(30, 3, () => buildMinutesDocx(minutes30), memory.sample);
  const students = manyLetterStudents(LETTER_COUNT);
  let merged: LetterDocument = letterDocument(students);
  const merge = await sample(
    10,
    1,
    async () => {
      merged = letterDocument(students);
    },
    memory.sample,
  );
  let printed: Buffer = Buffer.alloc(0);
  const letters = await sample(
    7,
    1,
    async () => {
      printed = await buildLetterDocx(letterDocument(students));
    },
    memory.sample,
  );
  // The letters job also writes each letter as its own file (one per address, for the zip): what that costs.
  const single = await sample(
    40,
    3,
    () => buildLetterDocx({ ...merged, title: merged.letters[0]!.subject, letters: [merged.letters[0]!] }),
    memory.sample,
  );
  out.push(
    'documents: Word files of a meeting of 30 items and of 200 letters home',
    `    builders alone (sample models of tests/docx/render-fixtures.ts):`,
    `      agenda, ${agendaItems} items (buildAgendaDocx): ${against(agenda, TARGET.agenda)}`,
    `      minutes, ${minutesItems} items, 23 cases (buildMinutesDocx): ${against(minutes, TARGET.minutes)}`,
    `      ${merged.letters.length} letters merged from the shipped template "terugkoppeling" ` +
      `(letterAddressees + letterValues + mergeTemplate), no Word yet: p50 ${fmt(merge.p50)}, ` +
      `p95 ${fmt(merge.p95)} (n=${merge.n})`,
    `      ${merged.letters.length} letters merged and built into one document ` +
      `(buildLetterDocx, ${mib(printed.length)} .docx): ${against(letters, TARGET.letters)}`,
    `      one letter as a document of its own (buildLetterDocx, 1 letter): p50 ` +
      `${fmt(single.p50)}, p95 ${fmt(single.p95)} (n=${single.n}); ${merged.letters.length}× ` +
      `that is ${fmt(single.p50 * merged.letters.length)} at the median`,
  );

  // 2. Through the dispatcher, on an unlocked vault.
  const [seeded, seedMs] = await timed(() => seedVault(dir));
  memory.sample();
  try {
    const { backend } = seeded;
    const viaAgenda = await sample(
      30,
      3,
      () => call(backend, 'documents.agenda', { meetingId: seeded.meeting30, names: 'initialen' }),
      memory.sample,
    );
    const viaMinutes = await sample(
      30,
      3,
      () => call(backend, 'documents.minutes', { meetingId: seeded.meeting30, names: 'initialen' }),
      memory.sample,
    );
    let made = 0;
    let lastJob = '';
    const job = await sample(
      5,
      1,
      async () => {
        ({ letters: made, jobId: lastJob } = await lettersJob(seeded));
      },
      memory.sample,
    );
    // The per-address zip is made when asked for (one Word file per address): timed once, on the last job.
    const [, zipMs] = await timed(() => call(seeded.backend, 'letters.perAddress', { jobId: lastJob }));
    memory.sample();
    out.push(
      `    through the dispatcher on an unlocked vault (${seeded.items}-item meeting with ` +
        `minutes, ${LETTER_COUNT} students with two guardians each; set up in ${fmt(seedMs)}):`,
      `      documents.agenda, ${seeded.items} items: ${against(viaAgenda, TARGET.agenda)}`,
      `      documents.minutes, ${seeded.items} items: ${against(viaMinutes, TARGET.minutes)}`,
      `      letters job for ${LETTER_COUNT} students (letters.start + letters.progress until ` +
        `done; ${made} letters merged into one print document): ${against(job, TARGET.letters)}`,
      `      the same letters as one Word file per address in a zip (letters.perAddress, on request): ${fmt(zipMs)}`,
    );
  } finally {
    seeded.backend.lock();
  }

  // 3. What deciding who may read what costs, in a school of 2,000.
  out.push(...(await benchDisclosure(dir, memory)));

  const mem = memory.stop();
  out.push(
    `    memory: peak rss ${mib(Math.max(mem.sampledPeak, mem.setHere ? mem.maxRss : 0))} ` +
      `during this section (rss ${mib(mem.startRss)} at its start; process high-water mark ` +
      `${mib(mem.maxRss)}, ${mem.setHere ? 'reached in this section' : 'reached before it'})`,
  );
  return out;
}
