// `npm run bench`, section "minutes": a synthetic school of ten years (4,000 students, ~600
// meetings, 9,000 cases, 25,000 actions), then the three calls the meeting page lives on, through
// the real dispatcher, on an encrypted vault and on a plain SQLite file holding the same rows.
// Not a test: targets are printed with ✓/✗, a miss never fails the run.
import { randomBytes, randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { addDays, format, getISOWeek, parseISO } from 'date-fns';
import { getTableColumns, getTableName, is, SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { Backend } from '../../electron/api/context';
import { createVaultDatabase, type OpenedVault } from '../../db/open';
import {
  actions,
  agendaItems,
  appUsers,
  consents,
  guardians,
  intakeFormVersions,
  intakes,
  meetingAttendees,
  meetingPresence,
  meetings,
  meetingSeries,
  minuteFields,
  partners,
  schoolSettings,
  seriesAttendees,
  staff,
  students,
  vaultMeta,
} from '../../db/schema';
import { standardTemplate } from '../../electron/features/agenda/template';
import { decisionTypes } from '../../electron/features/minutes/vocabulary';
import { studentSearchText } from '../../electron/features/people/names';
import { standardQuestions } from '../../electron/features/intake/form';
import { call, migrationsFolder } from '../helpers/backend';
import { fmt, openPlain, percentile, samePragmas, timed } from './measure';

// ---------------------------------------------------------------------------------------------
// Helpers

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const thousands = (n: number) => n.toLocaleString('en-US');

/** Seeded: every run builds a school of the same shape (both databases get the very same rows). */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rng = ReturnType<typeof prng>;

/**
 * Peak resident memory of this section. Sampled after every step (timers rarely fire while the
 * synchronous database work runs) and by an interval; getrusage's maxRSS is the process's own
 * high-water mark and catches what falls between two samples.
 */
function memoryPeak() {
  const startRss = process.memoryUsage.rss();
  const startMax = process.resourceUsage().maxRSS * 1024;
  let overall = startRss;
  let phase = startRss;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > overall) overall = rss;
    if (rss > phase) phase = rss;
  };
  const timer = setInterval(sample, 5);
  timer.unref();
  return {
    sample,
    /** The peak since the previous phase ended; the next phase starts at the rss of now. */
    endPhase() {
      sample();
      const peak = phase;
      phase = process.memoryUsage.rss();
      return peak;
    },
    stop() {
      clearInterval(timer);
      sample();
      const maxRss = process.resourceUsage().maxRSS * 1024;
      // If the process's high-water mark rose during this section, it was set here.
      return { startRss, sampledPeak: overall, maxRss, setHere: maxRss > startMax };
    },
  };
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const shift = (date: string, days: number) => iso(addDays(parseISO(date), days));

// ---------------------------------------------------------------------------------------------
// The synthetic school

type Insert<T extends SQLiteTable> = T['$inferInsert'];

interface School {
  vaultMeta: Insert<typeof vaultMeta>[];
  settings: Insert<typeof schoolSettings>;
  staff: Insert<typeof staff>[];
  users: Insert<typeof appUsers>[];
  partners: Insert<typeof partners>[];
  students: Insert<typeof students>[];
  guardians: Insert<typeof guardians>[];
  consents: Insert<typeof consents>[];
  series: Insert<typeof meetingSeries>[];
  seriesAttendees: Insert<typeof seriesAttendees>[];
  meetings: Insert<typeof meetings>[];
  attendees: Insert<typeof meetingAttendees>[];
  presence: Insert<typeof meetingPresence>[];
  formVersion: Insert<typeof intakeFormVersions>;
  intakes: Insert<typeof intakes>[];
  items: Insert<typeof agendaItems>[];
  fields: Insert<typeof minuteFields>[];
  actions: Insert<typeof actions>[];
  /** The user every call runs as (coordinator). */
  user: { id: string; name: string; staffCode: string };
  /** Held meetings of 30 items (7 standard + 23 cases): what minutes.get opens. */
  openMeetingIds: string[];
  /** Case items of the last IOT held, minutes still open: where minutes.saveField types. */
  saveItemIds: string[];
  today: string;
}

const givenNames = [
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
  'Levi',
  'Noor',
  'Adam',
  'Fleur',
  'Ayoub',
  'Saar',
  'Jesse',
  'Evi',
];
const familyNames: [string, string][] = [
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
  ['', 'Yılmaz'],
  ['van den', 'Berg'],
  ['', 'Hendriks'],
  ['', 'Peters'],
];
const staffFirst = [
  'Anouk',
  'Bram',
  'Carla',
  'Dirk',
  'Esra',
  'Frank',
  'Gerda',
  'Hamid',
  'Ilse',
  'Joost',
  'Karin',
  'Lars',
  'Marieke',
  'Nadia',
  'Olaf',
  'Petra',
];

const sentences = [
  'Mentor geeft aan dat {n} sinds de herfstvakantie vaak te laat komt en moeite heeft om zich te concentreren in de les.',
  'Er is 36 lesuur ongeoorloofd verzuim geregistreerd; leerplicht is op de hoogte gebracht.',
  'Moeder vertelt dat {n} slecht slaapt en veel tijd op de telefoon doorbrengt, ook doordeweeks na middernacht.',
  'De cijfers voor wiskunde en Frans zijn gezakt van ruim voldoende naar onvoldoende in de tweede periode.',
  'In de klas is {n} stil en teruggetrokken; met een paar klasgenoten gaat het goed, in groepswerk haakt {n} af.',
  'De zorgcoördinator heeft contact gehad met het sociaal team; er loopt al een traject voor het gezin.',
  'Het team bespreekt of extra ondersteuning binnen de school voldoende is of dat verwijzing nodig is.',
  'De jeugdarts ziet {n} binnenkort op het spreekuur voor een gesprek over de klachten en het verzuim.',
  'Afgesproken is dat de mentor wekelijks een kort gesprek voert en de voortgang bijhoudt in het dossier.',
  'Ouders staan open voor hulp en willen graag meedenken over een plan; vader kan alleen na 16.00 uur.',
  'Het handelingsplan wordt bijgesteld: minder huiswerk per dag, een vaste plek in het lokaal en een time-outkaart.',
  'De orthopedagoog adviseert een onderzoek naar dyslexie; de school vraagt toestemming aan ouders.',
  '{n} geeft zelf aan dat het thuis onrustig is en dat het fijn zou zijn om na school op school te kunnen werken.',
  'Het samenwerkingsverband denkt mee over een plek in de trajectvoorziening voor een periode van acht weken.',
  'De situatie is verbeterd: het verzuim is gedaald en {n} haalt weer voldoendes; het team is tevreden.',
  'Er wordt getwijfeld of het niveau passend is; de decaan bespreekt de mogelijkheden met {n} en ouders.',
];

const actionTexts = [
  'Mentor plant een gesprek met ouders over het verzuim',
  'Zorgcoördinator vraagt toestemming aan ouders voor bespreking in het ZAT',
  'Jeugdarts nodigt leerling uit voor het spreekuur',
  'Leerplicht stuurt een uitnodiging voor een gesprek',
  'Mentor evalueert het handelingsplan met de leerling',
  'Orthopedagoog neemt de screening af en koppelt terug',
  'Decaan bespreekt de niveaukeuze met leerling en ouders',
  'Ouders melden zich bij het sociaal team van de gemeente',
  'Leerling houdt twee weken een planner bij en laat die aan de mentor zien',
  'Teamleider stemt de aanpak af met de docenten van de klas',
];

function paragraph(rng: Rng, name: string, min: number, max: number): string {
  const target = rng.int(min, max);
  let text = '';
  while (text.length < target) text += (text ? ' ' : '') + rng.pick(sentences).replaceAll('{n}', name);
  return text;
}

/** School weeks of a school year (Mondays), without the holiday weeks. */
function schoolWeeks(startYear: number): string[] {
  const weeks: string[] = [];
  let monday = parseISO(`${startYear}-08-31`);
  while (monday.getDay() !== 1) monday = addDays(monday, 1);
  const end = parseISO(`${startYear + 1}-07-10`);
  for (; monday < end; monday = addDays(monday, 7)) {
    if ([43, 52, 1, 8, 18].includes(getISOWeek(monday))) continue;
    weeks.push(iso(monday));
  }
  return weeks;
}

const COUNTS = { students: 4_000, cases: 9_000, actions: 25_000, openMeetings: 12, caseItemsOnOpen: 23 };

export function buildSchool(): School {
  const rng = prng(20_260_901);
  const todayDate = new Date();
  const today = iso(todayDate);
  const at = todayDate.toISOString();
  const currentYear = todayDate.getMonth() >= 7 ? todayDate.getFullYear() : todayDate.getFullYear() - 1;
  const firstYear = currentYear - 9;

  // Staff, users, partners.
  const staffRows: Insert<typeof staff>[] = [];
  for (let i = 0; i < 60; i++) {
    const [infix, family] = familyNames[i % familyNames.length]!;
    const first = staffFirst[i % staffFirst.length]!;
    staffRows.push({
      id: randomUUID(),
      name: [first, infix, family].filter(Boolean).join(' '),
      code: `${first.slice(0, 2).toLowerCase()}${family.slice(0, 1).toLowerCase()}${i}`,
      functions: i < 6 ? ['OCO'] : ['mentor'],
      updatedAt: at,
    });
  }
  const userRows: Insert<typeof appUsers>[] = staffRows.slice(0, 3).map((s, i) => ({
    id: s.id,
    name: s.name,
    staffCode: s.code,
    staffId: s.id,
    roles: [['coordinator'], ['voorzitter'], ['notulist']][i]!,
    createdAt: at,
  }));
  const user = { id: userRows[0]!.id, name: userRows[0]!.name, staffCode: userRows[0]!.staffCode };
  const partnerRows: Insert<typeof partners>[] = (
    [
      ['Samenwerkingsverband', 'samenwerkingsverband'],
      ['Sociaal Team', 'jeugdhulp'],
      ['GGD jeugdarts', 'ggd'],
      ['Leerplicht', 'leerplicht'],
      ['Wijkagent', 'politie'],
      ['Jeugdzorg Regio', 'jeugdhulp'],
    ] as const
  ).map(([organisation, kind]) => ({
    id: randomUUID(),
    organisation,
    kind,
    contactName: '',
    email: '',
    phone: '',
    active: true,
    updatedAt: at,
  }));
  const zatPartners = partnerRows.slice(0, 4).map((p) => p.id);

  // Students: six cohorts run through school in every year; a quarter needs the support team.
  const studentRows: Insert<typeof students>[] = [];
  const guardianRows: Insert<typeof guardians>[] = [];
  const enrolled: number[] = [];
  const guardiansOf = new Map<string, string[]>();
  for (let i = 0; i < COUNTS.students; i++) {
    const entry = firstYear - 5 + Math.floor((i / COUNTS.students) * 15);
    const [infix, familyName] = familyNames[i % familyNames.length]!;
    const givenName = givenNames[(i * 7) % givenNames.length]!;
    const yearLevel = Math.min(6, currentYear - entry + 1);
    const current = currentYear - entry < 6;
    const className = current ? `${yearLevel}${'ABCDEF'[i % 6]}` : '';
    const studentNumber = String(300_000 + i);
    const id = randomUUID();
    studentRows.push({
      id,
      studentNumber,
      givenName,
      infix,
      familyName,
      birthDate: `${entry - 12}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      className,
      yearLevel: current ? yearLevel : null,
      level: ['vmbo-t', 'havo', 'vwo'][i % 3]!,
      mentorId: current ? staffRows[6 + (i % 54)]!.id : null,
      status: current ? 'active' : 'left',
      leftOn: current ? null : `${entry + 6}-07-15`,
      searchText: studentSearchText({ givenName, infix, familyName, studentNumber, className }),
      updatedAt: at,
    });
    enrolled.push(entry);
    const ids: string[] = [];
    for (const relation of ['moeder', 'vader']) {
      const gid = randomUUID();
      ids.push(gid);
      guardianRows.push({
        id: gid,
        studentId: id,
        givenName: relation === 'moeder' ? 'Anna' : 'Peter',
        infix,
        familyName,
        relation,
        parentalAuthority: true,
        street: 'Lindelaan',
        houseNumber: String(1 + (i % 200)),
        postalCode: '3512 AB',
        city: 'Utrecht',
        email: `ouder${i}@mail.example`,
        phone: '',
        salutation: relation === 'moeder' ? 'Geachte mevrouw' : 'Geachte heer',
        updatedAt: at,
      });
    }
    guardiansOf.set(id, ids);
  }
  const careStudents = studentRows
    .map((s, i) => ({
      id: s.id!,
      name: [s.givenName, s.infix, s.familyName].filter(Boolean).join(' '),
      entry: enrolled[i]!,
    }))
    .filter((_, i) => i % 4 === 1);

  // Series: IOT every week, ZAT every other week with external partners, FlexZAT by appointment.
  const series = [
    {
      id: randomUUID(),
      name: 'IOT',
      kind: 'IOT',
      intervalWeeks: 1,
      weekday: 2,
      startTime: '14:00',
      withExternalPartners: false,
      color: 'teal' as const,
      cases: 14,
    },
    {
      id: randomUUID(),
      name: 'ZAT',
      kind: 'ZAT',
      intervalWeeks: 2,
      weekday: 4,
      startTime: '13:30',
      withExternalPartners: true,
      color: 'grape' as const,
      cases: 20,
    },
    {
      id: randomUUID(),
      name: 'FlexZAT',
      kind: 'FlexZAT',
      intervalWeeks: null,
      weekday: null,
      startTime: '15:00',
      withExternalPartners: true,
      color: 'orange' as const,
      cases: 4,
    },
  ];
  const seriesRows: Insert<typeof meetingSeries>[] = series.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    intervalWeeks: s.intervalWeeks,
    weekday: s.weekday,
    startTime: s.startTime,
    durationMinutes: 120,
    location: 'Vergaderkamer 0.14',
    chairId: staffRows[1]!.id,
    secretaryId: staffRows[2]!.id,
    withExternalPartners: s.withExternalPartners,
    intakeDeadlineSchoolDays: 5,
    moveRule: 'week-after',
    continueFrom: 'grid',
    color: s.color,
    active: true,
    caseMinutes: 10,
    agendaTemplate: null,
    updatedAt: at,
  }));
  const teamIds = staffRows.slice(0, 6).map((s) => s.id!);
  const seriesAttendeeRows: Insert<typeof seriesAttendees>[] = series.flatMap((s) => [
    ...teamIds.map((staffId) => ({ seriesId: s.id, staffId, partnerId: null })),
    ...(s.withExternalPartners ? zatPartners.map((partnerId) => ({ seriesId: s.id, staffId: null, partnerId })) : []),
  ]);

  // Meetings over ten school years.
  interface Planned {
    id: string;
    series: (typeof series)[number];
    date: string;
    year: number;
  }
  const planned: Planned[] = [];
  for (let year = firstYear; year <= currentYear; year++) {
    const weeks = schoolWeeks(year);
    weeks.forEach((monday, w) => {
      planned.push({ id: randomUUID(), series: series[0]!, date: shift(monday, 1), year });
      if (w % 2 === 0) planned.push({ id: randomUUID(), series: series[1]!, date: shift(monday, 3), year });
      if (w % 13 === 6) planned.push({ id: randomUUID(), series: series[2]!, date: shift(monday, 2), year });
    });
  }
  planned.sort((a, b) => a.date.localeCompare(b.date));
  const held = planned.filter((m) => m.date < today);
  const lastHeld = new Map<string, Planned>();
  for (const m of held) lastHeld.set(m.series.id, m);
  const nextUp = new Map<string, Planned>();
  for (const m of planned) if (m.date >= today && !nextUp.has(m.series.id)) nextUp.set(m.series.id, m);
  const withAgenda = planned.filter((m) => m.date < today || nextUp.get(m.series.id) === m);
  const agendaSet = new Set(withAgenda);
  const openMeetings = held.filter((m) => m.series.name !== 'FlexZAT').slice(-COUNTS.openMeetings);
  const openSet = new Set(openMeetings);
  const nextInSeries = new Map<string, string>();
  const bySeries = new Map<string, Planned[]>();
  for (const m of planned) bySeries.set(m.series.id, [...(bySeries.get(m.series.id) ?? []), m]);
  for (const list of bySeries.values()) list.forEach((m, i) => list[i + 1] && nextInSeries.set(m.id, list[i + 1]!.id));

  // Cases per meeting: 23 on the meetings the bench opens, the rest spread by series, 9,000 in all.
  const caseCount = new Map<Planned, number>();
  for (const m of openMeetings) caseCount.set(m, COUNTS.caseItemsOnOpen);
  const rest = withAgenda.filter((m) => !openSet.has(m));
  const weights = rest.map((m) => m.series.cases * (0.6 + rng.next() * 0.8));
  const wanted = COUNTS.cases - COUNTS.caseItemsOnOpen * openMeetings.length;
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let given = 0;
  rest.forEach((m, i) => {
    const n = Math.max(1, Math.floor((weights[i]! / weightSum) * wanted));
    caseCount.set(m, n);
    given += n;
  });
  for (let i = 0; given < wanted; i = (i + 1) % rest.length, given++) caseCount.set(rest[i]!, caseCount.get(rest[i]!)! + 1);

  const meetingRows: Insert<typeof meetings>[] = [];
  const attendeeRows: Insert<typeof meetingAttendees>[] = [];
  const presenceRows: Insert<typeof meetingPresence>[] = [];
  const intakeRows: Insert<typeof intakes>[] = [];
  const itemRows: Insert<typeof agendaItems>[] = [];
  const fieldRows: Insert<typeof minuteFields>[] = [];
  const caseItems: { id: string; meeting: Planned; number: number; studentId: string }[] = [];
  const standardForActions: { id: string; meeting: Planned; number: number }[] = [];
  const seen = new Set<string>();

  for (const m of planned) {
    const isHeld = m.date < today;
    const fixed = isHeld && lastHeld.get(m.series.id) !== m;
    const hasAgenda = agendaSet.has(m);
    meetingRows.push({
      id: m.id,
      seriesId: m.series.id,
      title: m.series.name,
      date: m.date,
      startTime: m.series.startTime,
      durationMinutes: 120,
      location: 'Vergaderkamer 0.14',
      chairId: staffRows[1]!.id,
      secretaryId: staffRows[2]!.id,
      plannedDate: m.series.intervalWeeks ? m.date : null,
      note: null,
      movedByHand: false,
      sequence: 0,
      progress: isHeld ? 'afgelopen' : hasAgenda ? 'agenda-verstuurd' : 'gepland',
      agendaSentAt: hasAgenda ? `${shift(m.date, -7)}T08:00:00.000Z` : null,
      minutesFixedAt: fixed ? `${shift(m.date, 7)}T15:00:00.000Z` : null,
      minutesFixedBy: fixed ? user.id : null,
      minutesFixedIn: fixed ? (nextInSeries.get(m.id) ?? null) : null,
      createdAt: at,
      updatedAt: at,
    });
    const people = [
      ...teamIds.map((id) => `staff:${id}`),
      ...(m.series.withExternalPartners ? zatPartners.map((id) => `partner:${id}`) : []),
    ];
    for (const person of people) {
      const [kind, id] = person.split(':') as ['staff' | 'partner', string];
      attendeeRows.push({
        meetingId: m.id,
        staffId: kind === 'staff' ? id : null,
        partnerId: kind === 'partner' ? id : null,
      });
      if (isHeld) presenceRows.push({ meetingId: m.id, person, presence: rng.chance(0.9) ? 'aanwezig' : 'afwezig-met-bericht' });
    }
    if (!hasAgenda) continue;

    // The agenda: the standard template with the cases after "actiepunten".
    const active = careStudents.filter((s) => m.year >= s.entry && m.year < s.entry + 6);
    const chosen = new Set<(typeof careStudents)[number]>();
    while (chosen.size < Math.min(caseCount.get(m) ?? 0, active.length)) chosen.add(rng.pick(active));
    const cases = [...chosen];
    const anchor = standardTemplate.findIndex((t) => t.kind === 'actiepunten');
    const order: ({ kind: 'template'; index: number } | { kind: 'case'; student: (typeof careStudents)[number] })[] = [
      ...standardTemplate.slice(0, anchor + 1).map((_, index) => ({ kind: 'template' as const, index })),
      ...cases.map((student) => ({ kind: 'case' as const, student })),
      ...standardTemplate.slice(anchor + 1).map((_, i) => ({ kind: 'template' as const, index: anchor + 1 + i })),
    ];
    order.forEach((entry, position) => {
      const id = randomUUID();
      const created = `${shift(m.date, -10)}T09:00:00.000Z`;
      if (entry.kind === 'template') {
        const t = standardTemplate[entry.index]!;
        itemRows.push({
          id,
          meetingId: m.id,
          position,
          kind: t.kind,
          title: t.title,
          durationMinutes: t.minutes,
          guests: [],
          createdAt: created,
          updatedAt: created,
        });
        if (isHeld && t.kind !== 'opening' && t.kind !== 'sluiting' && rng.chance(0.7)) {
          fieldRows.push({
            itemId: id,
            field: 'notities',
            text: paragraph(rng, 'het team', 120, 400),
            audience: 'intern',
            revision: rng.int(1, 4),
            updatedBy: user.id,
            updatedAt: `${m.date}T15:30:00.000Z`,
          });
        }
        if (isHeld && (t.kind === 'actiepunten' || t.kind === 'mededelingen'))
          standardForActions.push({ id, meeting: m, number: position + 1 });
        return;
      }
      const s = entry.student;
      const first = !seen.has(s.id);
      seen.add(s.id);
      const origin = first
        ? rng.chance(0.7)
          ? 'aanmelding'
          : 'handmatig'
        : rng.pick(['terugkomen', 'terugkomen', 'actie', 'aanmelding'] as const);
      let intakeId: string | null = null;
      if (origin === 'aanmelding') {
        intakeId = randomUUID();
        const submitted = `${shift(m.date, -12)}T10:00:00.000Z`;
        intakeRows.push({
          id: intakeId,
          studentId: s.id,
          anonymousLabel: null,
          referrerId: rng.pick(staffRows).id,
          referredOn: shift(m.date, -12),
          seriesId: m.series.id,
          meetingId: m.id,
          status: isHeld ? 'besproken' : 'geaccepteerd',
          formVersionId: 1,
          answers: {
            aanleiding: paragraph(rng, s.name, 150, 350),
            vraag: 'Welke ondersteuning heeft deze leerling nodig, en is verwijzing nodig?',
            zorgen: { verzuim: paragraph(rng, s.name, 60, 160), 'sociaal-emotioneel': paragraph(rng, s.name, 60, 160) },
            geprobeerd: paragraph(rng, s.name, 100, 250),
            'visie-ouders': { text: paragraph(rng, s.name, 60, 160), missingReason: '' },
            'visie-leerling': { text: paragraph(rng, s.name, 60, 160), missingReason: '' },
          },
          returnReason: null,
          gateRoutes: {},
          submittedAt: submitted,
          decidedAt: submitted,
          decidedBy: user.id,
          revision: 3,
          createdBy: user.id,
          createdAt: submitted,
          updatedAt: submitted,
        });
      }
      itemRows.push({
        id,
        meetingId: m.id,
        position,
        kind: 'casus',
        title: s.name,
        studentId: s.id,
        caseLabel: null,
        intakeId,
        origin,
        presenterId: rng.pick(staffRows).id,
        durationMinutes: 10,
        confidential: rng.chance(0.05),
        guests: rng.chance(0.15) ? [{ kind: 'ouders', name: `Ouders van ${s.name}` }] : [],
        decision: isHeld ? (rng.chance(0.4) ? 'terugkomen' : rng.pick(decisionTypes)) : null,
        decided: isHeld,
        change: null,
        createdAt: created,
        updatedAt: created,
      });
      if (!isHeld) return;
      caseItems.push({ id, meeting: m, number: position + 1, studentId: s.id });
      const written = `${m.date}T15:45:00.000Z`;
      const field = (key: string, audience: 'intern' | 'ouders', min: number, max: number) =>
        fieldRows.push({
          itemId: id,
          field: key,
          text: paragraph(rng, s.name, min, max),
          audience,
          revision: rng.int(1, 6),
          updatedBy: rng.pick(userRows).id!,
          updatedAt: written,
        });
      field('vraag', 'ouders', 200, 400);
      field('bespreking', 'intern', 400, 900);
      field('besluit', 'ouders', 150, 350);
      field('informeren', 'intern', 80, 200);
      if (rng.chance(0.6)) field('reactie', 'ouders', 100, 300);
      // "Nieuwe informatie" from zero to two team members.
      const informants = rng.int(0, 2);
      for (let k = 0; k < informants; k++) field(`info:staff:${teamIds[(position + k) % teamIds.length]}`, 'intern', 150, 400);
    });
  }

  // Consent: most care students have both parents' consent for the ZAT partners.
  const consentRows: Insert<typeof consents>[] = [];
  for (const s of careStudents) {
    if (!seen.has(s.id) || !rng.chance(0.8)) continue;
    const givenOn = `${s.entry + 1}-10-01`;
    for (const guardianId of guardiansOf.get(s.id)!) {
      consentRows.push({
        id: randomUUID(),
        studentId: s.id,
        signerKind: 'guardian',
        guardianId,
        signerName: 'Ouder',
        decision: 'given',
        purposes: ['bespreking', 'informatie-uitwisselen'],
        partnerIds: zatPartners,
        method: 'schriftelijk',
        informationGiven: 'Folder ZAT en gesprek met de mentor',
        givenOn,
        validUntil: `${s.entry + 6}-07-31`,
        untilCaseClosed: false,
        recordedBy: user.id,
        recordedAt: `${givenOn}T12:00:00.000Z`,
      });
    }
  }

  // Actions: 25,000 agreed in held meetings; recent ones are mostly open, old ones mostly closed.
  const actionRows: Insert<typeof actions>[] = [];
  const sequence = new Map<string, number>();
  const lastHeldIds = new Set([...lastHeld.values()].map((m) => m.id));
  for (let k = 0; k < COUNTS.actions; k++) {
    const onStandard = rng.chance(0.04);
    const item: { id: string; meeting: Planned; number: number; studentId?: string } = onStandard
      ? rng.pick(standardForActions)
      : rng.pick(caseItems);
    const m = item.meeting;
    const seq = (sequence.get(item.id) ?? 0) + 1;
    sequence.set(item.id, seq);
    const ageDays = (Date.parse(today) - Date.parse(m.date)) / 86_400_000;
    const pOpen = ageDays < 42 ? 0.75 : m.year === currentYear ? 0.55 : m.year === currentYear - 1 ? 0.15 : 0.09;
    const concept = lastHeldIds.has(m.id) && rng.chance(0.05);
    const status = concept
      ? 'concept'
      : rng.chance(pOpen)
        ? 'open'
        : rng.pick(['gedaan', 'gedaan', 'gedaan', 'teruggekoppeld', 'vervallen'] as const);
    const holderKind =
      concept && rng.chance(0.5) ? null : rng.pick(['staff', 'staff', 'staff', 'staff', 'partner', 'ouders', 'leerling'] as const);
    const nextMeeting = !concept && rng.chance(0.2);
    const closed = status === 'gedaan' || status === 'teruggekoppeld' || status === 'vervallen';
    actionRows.push({
      id: randomUUID(),
      meetingId: m.id,
      itemId: item.id,
      studentId: item.studentId ?? null,
      number: `${item.number}.${seq}`,
      what: rng.pick(actionTexts),
      holderKind,
      holderStaffId: holderKind === 'staff' ? rng.pick(staffRows).id : null,
      holderPartnerId: holderKind === 'partner' ? rng.pick(partnerRows).id : null,
      dueDate: nextMeeting ? null : shift(m.date, rng.int(7, 56)),
      dueNextMeeting: nextMeeting,
      status,
      statusNote: status === 'vervallen' ? 'Niet meer nodig: leerling heeft de school verlaten.' : null,
      closedBy: closed ? user.id : null,
      closedAt: closed ? `${shift(m.date, rng.int(7, 70))}T12:00:00.000Z` : null,
      audience: rng.chance(0.7) ? 'ouders' : 'intern',
      createdBy: user.id,
      createdAt: `${m.date}T15:${String(k % 60).padStart(2, '0')}:00.000Z`,
      updatedAt: `${m.date}T16:00:00.000Z`,
    });
  }

  const saveMeeting = lastHeld.get(series[0]!.id)!;
  return {
    vaultMeta: [
      { key: 'vault_id', value: randomUUID() },
      { key: 'created_at', value: at },
      { key: 'demo', value: 'false' },
    ],
    settings: { id: 1, schoolName: 'Het Tienjarig Lyceum', region: 'midden', updatedAt: at },
    staff: staffRows,
    users: userRows,
    partners: partnerRows,
    students: studentRows,
    guardians: guardianRows,
    consents: consentRows,
    series: seriesRows,
    seriesAttendees: seriesAttendeeRows,
    meetings: meetingRows,
    attendees: attendeeRows,
    presence: presenceRows,
    formVersion: { id: 1, questions: standardQuestions, createdBy: user.id, createdAt: at },
    intakes: intakeRows,
    items: itemRows,
    fields: fieldRows,
    actions: actionRows,
    user,
    openMeetingIds: openMeetings.map((m) => m.id),
    saveItemIds: caseItems.filter((c) => c.meeting === saveMeeting).map((c) => c.id),
    today,
  };
}

/**
 * Inserts rows with one prepared statement per table: the column names and the value mapping
 * (JSON, booleans) come from the drizzle schema, so no column is spelled out by hand. Several
 * times faster than drizzle's insert builder for 100,000+ rows.
 */
function insertRows<T extends SQLiteTable>(sqlite: Database.Database, table: T, rows: Insert<T>[]): void {
  const columns = Object.entries(getTableColumns(table));
  const names = columns.map(([, c]) => `"${c.name}"`).join(', ');
  const statement = sqlite.prepare(`INSERT INTO "${getTableName(table)}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`);
  for (const row of rows) {
    const values = columns.map(([key, column]) => {
      const given: unknown = (row as Record<string, unknown>)[key];
      if (given === undefined && is(column.default, SQL))
        throw new Error(`${getTableName(table)}.${column.name}: give a value (its default is SQL)`);
      const value = given ?? column.default ?? null;
      return value === null ? null : column.mapToDriverValue(value);
    });
    statement.run(values);
  }
}

/** Rows straight into the tables, inside one transaction: no dispatcher, no audit log. */
export function insertSchool(vault: OpenedVault, school: School): void {
  const { sqlite } = vault;
  sqlite.transaction(() => {
    insertRows(sqlite, vaultMeta, school.vaultMeta);
    insertRows(sqlite, schoolSettings, [school.settings]);
    insertRows(sqlite, staff, school.staff);
    insertRows(sqlite, appUsers, school.users);
    insertRows(sqlite, partners, school.partners);
    insertRows(sqlite, students, school.students);
    insertRows(sqlite, guardians, school.guardians);
    insertRows(sqlite, consents, school.consents);
    insertRows(sqlite, meetingSeries, school.series);
    insertRows(sqlite, seriesAttendees, school.seriesAttendees);
    insertRows(sqlite, meetings, school.meetings);
    insertRows(sqlite, meetingAttendees, school.attendees);
    insertRows(sqlite, meetingPresence, school.presence);
    insertRows(sqlite, intakeFormVersions, [school.formVersion]);
    insertRows(sqlite, intakes, school.intakes);
    insertRows(sqlite, agendaItems, school.items);
    insertRows(sqlite, minuteFields, school.fields);
    insertRows(sqlite, actions, school.actions);
  })();
  // Into the main file, as after a lock and unlock. No ANALYZE: the app never runs it either.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/** Counts the SQL statements a call prepares (drizzle prepares one per query it runs). */
function countStatements(sqlite: Database.Database) {
  const original = sqlite.prepare;
  let count = 0;
  const counting = function (this: Database.Database, source: string) {
    count++;
    return original.call(this, source);
  };
  sqlite.prepare = counting as typeof original;
  return {
    get count() {
      return count;
    },
    restore() {
      sqlite.prepare = original;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The bench

interface Variant {
  label: 'encrypted' | 'plain';
  backend: Backend;
  vault: OpenedVault;
  path: string;
  /** Current revision per (item, field) on this database: saves continue from it. */
  revisions: Map<string, number>;
  samples: { open: number[]; save: number[]; list: number[] };
}

const stats = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1)!,
    sum: list.reduce((a, b) => a + b, 0),
    n: list.length,
  };
};

/** What the bench keeps of the school once it is in both databases: the rows themselves can go. */
function factsOf(school: School) {
  const count = (status: string) => school.actions.filter((a) => a.status === status).length;
  const saveItems = new Set(school.saveItemIds);
  return {
    user: school.user,
    vaultId: school.vaultMeta[0]!.value,
    openMeetingIds: school.openMeetingIds,
    saveItemIds: school.saveItemIds,
    /** The stored revision of each paragraph the bench types in: saves start from it. */
    revisions: new Map(school.fields.filter((f) => f.field === 'bespreking' && saveItems.has(f.itemId)).map((f) => [f.itemId, f.revision])),
    summary: [
      `minutes and actions: a ten-year school (${thousands(school.students.length)} students, ` +
        `${thousands(school.meetings.length)} meetings, ` +
        `${thousands(school.items.filter((i) => i.kind === 'casus').length)} cases, ` +
        `${thousands(school.actions.length)} actions)`,
      `    data: ${thousands(school.items.length)} agenda items, ` +
        `${thousands(school.fields.length)} minute paragraphs (avg ` +
        `${(school.fields.reduce((n, f) => n + f.text.length, 0) / school.fields.length).toFixed(0)} ` +
        `chars), ${thousands(school.intakes.length)} intakes, ${thousands(school.consents.length)} consents;` +
        ` actions ${thousands(count('open'))} open ` +
        `(${thousands(school.actions.filter((a) => a.status === 'open' && a.dueDate && a.dueDate < school.today).length)} ` +
        `past their date), ${thousands(count('concept'))} concept, ` +
        `${thousands(school.actions.length - count('open') - count('concept'))} closed`,
    ],
    openActions: count('open') + count('concept'),
  };
}

export async function benchMinutes(dir: string): Promise<string[]> {
  const memory = memoryPeak();
  const variants: Variant[] = [];
  const seedTimes: number[] = [];
  let buildMs: number;
  let facts: ReturnType<typeof factsOf>;
  {
    const [school, ms] = await timed(async () => buildSchool());
    buildMs = ms;
    memory.sample();
    for (const label of ['encrypted', 'plain'] as const) {
      const path = join(dir, `minutes-${label}.db`);
      const dataKey = randomBytes(32);
      const vault = label === 'encrypted' ? createVaultDatabase(path, Buffer.from(dataKey), { migrationsFolder }) : openPlain(path);
      if (label === 'plain') samePragmas(variants[0]!.vault.sqlite, vault.sqlite);
      seedTimes.push((await timed(async () => insertSchool(vault, school)))[1]);
      memory.sample();
      const backend = new Backend({ dataDir: dir, migrationsFolder });
      backend.startSession({
        environmentId: `bench-${label}`,
        vaultPath: path,
        vaultId: school.vaultMeta[0]!.value,
        demo: false,
        vault,
        dataKey,
        user: school.user,
      });
      variants.push({ label, backend, vault, path, revisions: new Map(), samples: { open: [], save: [], list: [] } });
    }
    facts = factsOf(school);
    // The school's rows leave scope here: what the calls then use is the app's own memory.
  }
  const seedPeak = memory.endPhase();
  const [encrypted, plain] = variants as [Variant, Variant];
  for (const v of variants) v.revisions = new Map(facts.revisions);

  try {
    const openInput = (i: number) => ({ meetingId: facts.openMeetingIds[i % facts.openMeetingIds.length]! });
    const listInput = {
      status: 'open' as const,
      holderStaffId: null,
      seriesId: null,
      studentId: null,
      mine: false,
      overdueOnly: false,
    };
    // The secretary types in the "bespreking" of the cases of the meeting just held, one case after another.
    const save = async (v: Variant, i: number) => {
      const itemId = facts.saveItemIds[i % facts.saveItemIds.length]!;
      const text = `${'Mentor en ouders zijn het eens over de aanpak; de jeugdarts ziet de leerling binnenkort. '.repeat(8)}${'x'.repeat(i % 200)}`;
      const saved = await call(v.backend, 'minutes.saveField', {
        itemId,
        field: 'bespreking',
        text,
        audience: 'intern',
        baseRevision: v.revisions.get(itemId) ?? 0,
      });
      if (!saved.saved) throw new Error('minutes.saveField: conflict in the bench');
      v.revisions.set(itemId, saved.revision);
    };

    // What one call costs in SQL statements (N+1 shows here) and in size; untimed.
    const counter = countStatements(encrypted.vault.sqlite);
    const view = await call(encrypted.backend, 'minutes.get', openInput(facts.openMeetingIds.length - 1));
    const openStatements = counter.count;
    await save(encrypted, 0);
    const saveStatements = counter.count - openStatements;
    const listed = await call(encrypted.backend, 'actions.list', listInput);
    const listStatements = counter.count - openStatements - saveStatements;
    counter.restore();
    const carried = view.items.reduce((n, i) => n + i.carried.length, 0);
    const own = view.items.reduce((n, i) => n + i.actions.length, 0);
    const shape = [
      `    one minutes.get: ${view.items.length} items, ${own} actions of its own + ` +
        `${thousands(carried)} carried, ${(JSON.stringify(view).length / 1024).toFixed(0)} kB ` +
        `JSON, ${openStatements} SQL statements`,
      `    one minutes.saveField: ${saveStatements} SQL statements; one actions.list: ` +
        `${thousands(listed.length)} rows, ${(JSON.stringify(listed).length / 2 ** 20).toFixed(1)} ` +
        `MiB JSON, ${listStatements} SQL statements`,
    ];

    // Warm-up (JIT, SQLite's page cache), then the measured rounds. Every round alternates which
    // database goes first, so drift (other load, GC, the disk) hits both alike.
    for (let i = 0; i < 5; i++) {
      for (const v of variants) {
        await call(v.backend, 'minutes.get', openInput(i));
        await save(v, i);
        await call(v.backend, 'actions.list', listInput);
      }
    }
    const rounds = { open: 60, save: 200, list: 20 };
    const inTurn = (i: number) => (i % 2 === 0 ? [encrypted, plain] : [plain, encrypted]);
    for (let i = 0; i < rounds.open; i++) {
      for (const v of inTurn(i)) {
        v.samples.open.push((await timed(() => call(v.backend, 'minutes.get', openInput(i))))[1]);
        memory.sample();
      }
    }
    for (let i = 0; i < rounds.save; i++) {
      for (const v of inTurn(i)) v.samples.save.push((await timed(() => save(v, i + 10)))[1]);
    }
    memory.sample();
    for (let i = 0; i < rounds.list; i++) {
      for (const v of inTurn(i)) {
        v.samples.list.push((await timed(() => call(v.backend, 'actions.list', listInput)))[1]);
        memory.sample();
      }
    }
    const callsPeak = memory.endPhase();
    const mem = memory.stop();

    const open = { enc: stats(encrypted.samples.open), plain: stats(plain.samples.open) };
    const saves = { enc: stats(encrypted.samples.save), plain: stats(plain.samples.save) };
    const list = { enc: stats(encrypted.samples.list), plain: stats(plain.samples.list) };
    // The mix: one open, three saves (autosave while typing) and one list, at the medians.
    const mixOf = (o: number, s: number, l: number) => o + 3 * s + l;
    const mixEnc = mixOf(open.enc.p50, saves.enc.p50, list.enc.p50);
    const mixPlain = mixOf(open.plain.p50, saves.plain.p50, list.plain.p50);
    const ratio = mixEnc / mixPlain;
    const figures = (s: ReturnType<typeof stats>) => `p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}, max ${fmt(s.max)} (n=${s.n})`;
    const block = (title: string, m: { enc: ReturnType<typeof stats>; plain: ReturnType<typeof stats> }, target: string) => [
      `    ${title}`,
      `      encrypted: ${figures(m.enc)}${target}`,
      `      plain:     ${figures(m.plain)}`,
      `      encrypted ÷ plain: p50 ${(m.enc.p50 / m.plain.p50).toFixed(2)}x, p95 ${(m.enc.p95 / m.plain.p95).toFixed(2)}x`,
    ];
    return [
      ...facts.summary,
      `    built in ${fmt(buildMs)}; inserted in one transaction: encrypted ` +
        `${fmt(seedTimes[0]!)}, plain ${fmt(seedTimes[1]!)}; files ` +
        `${mib(statSync(encrypted.path).size)} / ${mib(statSync(plain.path).size)}`,
      ...shape,
      ...block(
        'open a meeting of 30 items (minutes.get)',
        open,
        ` — target ≤ 50 ms: p50 ${mark(open.enc.p50 <= 50)}, p95 ${mark(open.enc.p95 <= 50)}`,
      ),
      ...block(
        'save one minutes field (minutes.saveField, ~700 characters, synchronous=FULL)',
        saves,
        ` — target p95 ≤ 15 ms ${mark(saves.enc.p95 <= 15)}`,
      ),
      ...block(`open-actions list (actions.list status open: ${thousands(facts.openActions)} actions)`, list, ' — no target'),
      `    the mix (1 open + 3 saves + 1 list, medians): encrypted ${fmt(mixEnc)} ÷ plain ` +
        `${fmt(mixPlain)} = ${ratio.toFixed(2)}x — target ≤ 1.30 ${mark(ratio <= 1.3)}`,
      `    memory: peak rss ${mib(Math.max(mem.sampledPeak, mem.setHere ? mem.maxRss : 0))} ` +
        `during this section (process high-water mark ${mib(mem.maxRss)}, ${mem.setHere ? 'reached in this section' : 'reached before it'});` +
        ` sampled peaks: ${mib(seedPeak)} building and inserting the school, ${mib(callsPeak)} ` +
        `during the calls; rss ${mib(mem.startRss)} at the start of the section`,
    ];
  } finally {
    for (const v of variants) v.backend.lock();
  }
}
