import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMinutesDocx } from '../../electron/export/docx/minutes';
import type { DocumentSchool } from '../../electron/export/docx/models';
import { fileText, partnerReaders, type Audience } from '../../electron/features/disclosure/policy';
import { buildNameIndex, fold, type IndexedPerson } from '../../electron/features/disclosure/scrubber';
import {
  actionListDocument,
  agendaDocument,
  type CaseStudent,
  type InfoSources,
  type MinutesView,
} from '../../electron/features/documents/compose';
import { papersDocument, type PapersIntake } from '../../electron/features/documents/compose-papers';
import { extractDocument, minutesDocument } from '../../electron/features/documents/compose-minutes';
import { letterFactsOf, type LetterContext } from '../../electron/features/letters/facts';
import { letterValues } from '../../electron/features/letters/letter-values';
import { mergeTemplate, mergeText } from '../../electron/features/letters/template-merge';
import { shippedTemplates } from '../../electron/features/letters/shipped-templates';
import { fullName, initials } from '../../electron/features/people/names';
import { applyCommand, startPresenting } from '../../electron/features/presentation/presenting';
import { projectorScreen } from '../../electron/features/presentation/projector-view';
import { documentText } from '../docx/docx-text';

/**
 * The promise of issue 21 as a property, over generated schools: students who share given names
 * and particles, guardians, staff who share a given name with a pupil, meetings with and without
 * external partners and item guests, consent per partner, and free text that names other
 * students and parents (in full, by given name, possessive, initials with class, number). For
 * every channel built from the composed models (agenda, stukken, team and partner notulen, the
 * dossier and parents' uittreksel, the actielijst, every projector answer, every shipped letter
 * to the parents and to the student, the inzage's texts) and its reader: no identifier of a
 * person that reader may not read, no intern text where it may not go, and no staff code in
 * what a family reads. A pupil shares the given name Emma with the coordinator (Emma de Boer),
 * who signs the letters.
 */

type ItemView = MinutesView['items'][number];

const GIVEN = ['Noor', 'Jesse', 'Emma', 'Daan', 'Sanne', 'Lotte', 'Milan', 'Zoë'];
const FAMILY: [string, string][] = [
  ['', 'Visser'],
  ['de', 'Vries'],
  ['de', 'Jong'],
  ['', 'Bakker'],
  ['van', 'Dijk'],
  ['van der', 'Berg'],
  ['', 'Smit'],
  ['', 'Groen'],
];
const PARENT_GIVEN = ['Linda', 'Marieke', 'Petra', 'Mark', 'Tom', 'Ilse'];
const INTERN = 'Internegeheim';
const PARTNERS = [
  { id: 'lp', name: 'Leerplicht Utrecht', kind: 'leerplicht' as const },
  { id: 'ggd', name: 'GGD regio Utrecht', kind: 'ggd' as const },
];
const STAFF = [
  { id: 's1', name: 'Emma de Boer', code: 'edb' },
  { id: 's2', name: 'Bram Groen', code: 'bgr' },
];
const school: DocumentSchool = {
  letterhead: {
    schoolName: 'Het Testlyceum',
    street: 'Schoolstraat 1',
    postalCode: '3512 AB',
    city: 'Utrecht',
    phone: '',
    email: '',
    website: '',
    letterFooter: '',
  },
  logo: null,
};
const sources: InfoSources = {
  staff: new Map(STAFF.map((s) => [s.id, { name: s.name, code: s.code }])),
  partners: new Map(PARTNERS.map((p) => [p.id, p.name])),
};

interface Pupil extends CaseStudent {
  id: string;
  guardians: { givenName: string; infix: string; familyName: string }[];
}

interface CaseSpec {
  student: number;
  consent: Record<string, 'ok' | 'missing' | 'leaves'>;
  confidential: boolean;
  guest: 'lp' | 'ggd' | null;
  texts: { field: string; audience: 'intern' | 'ouders'; mentions: number[] }[];
  actions: { audience: 'intern' | 'ouders'; mentions: number[] }[];
}

const school$ = fc
  .record({
    pupils: fc.array(
      fc.record({
        given: fc.integer({ min: 0, max: GIVEN.length - 1 }),
        family: fc.integer({ min: 0, max: FAMILY.length - 1 }),
        parents: fc.integer({ min: 1, max: 2 }),
        parent: fc.integer({ min: 0, max: PARENT_GIVEN.length - 1 }),
      }),
      { minLength: 3, maxLength: 7 },
    ),
    externals: fc.subarray(['lp', 'ggd']),
    cases: fc.array(
      fc.record({
        student: fc.nat(),
        consent: fc.record({
          lp: fc.constantFrom('ok', 'missing', 'leaves'),
          ggd: fc.constantFrom('ok', 'missing', 'leaves'),
        }),
        confidential: fc.boolean(),
        guest: fc.constantFrom('lp', 'ggd', null),
        texts: fc.array(
          fc.record({
            field: fc.constantFrom('vraag', 'bespreking', 'besluit'),
            audience: fc.constantFrom('intern', 'ouders'),
            mentions: fc.array(fc.nat(), { maxLength: 4 }),
          }),
          { maxLength: 3 },
        ),
        actions: fc.array(fc.record({ audience: fc.constantFrom('intern', 'ouders'), mentions: fc.array(fc.nat(), { maxLength: 3 }) }), {
          maxLength: 2,
        }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    style: fc.constantFrom('initialen' as const, 'volledig' as const),
  })
  .map((spec) => {
    const pupils: Pupil[] = spec.pupils.map((p, i) => {
      const [infix, familyName] = FAMILY[p.family]!;
      return {
        id: `st-${i}`,
        givenName: GIVEN[p.given]!,
        infix,
        familyName,
        studentNumber: `70${String(1000 + i)}`,
        className: `${(i % 4) + 1}${'ABC'[i % 3]}`,
        yearLevel: (i % 4) + 1,
        guardians: Array.from({ length: p.parents }, (_, k) => ({
          givenName: PARENT_GIVEN[(p.parent + k) % PARENT_GIVEN.length]!,
          infix,
          familyName,
        })),
      };
    });
    // One case per student at most: a meeting discusses a student once.
    const seen = new Set<number>();
    const cases = spec.cases
      .map((c) => ({ ...c, student: c.student % pupils.length }))
      .filter((c) => !seen.has(c.student) && seen.add(c.student));
    return { pupils, externals: spec.externals, cases: cases as CaseSpec[], style: spec.style };
  });

/**
 * Ways a text names someone: in full, by given name, possessive, initials with class, number; a
 * parent in full or by given name; as typed in a hurry (lower case, a number glued to a word,
 * initials without dots).
 */
function mention(pupils: Pupil[], n: number): string {
  const p = pupils[n % pupils.length]!;
  const g = p.guardians[0]!;
  switch (Math.floor(n / pupils.length) % 10) {
    case 0:
      return fullName(p);
    case 1:
      return p.givenName;
    case 2:
      return `${p.givenName}s moeder`;
    case 3:
      return `${initials(p)} (${p.className})`;
    case 4:
      return p.studentNumber;
    case 5:
      return fullName(g);
    case 6:
      return `${g.givenName} belt`;
    case 7:
      return fullName(p).toLowerCase();
    case 8:
      return `lln${p.studentNumber}`;
    default:
      return `${initials(p).replace(/\./g, '')} (${p.className})`;
  }
}

function buildMeeting(spec: { pupils: Pupil[]; externals: string[]; cases: CaseSpec[] }): MinutesView {
  const { pupils } = spec;
  const items: ItemView[] = spec.cases.map((c, i) => {
    const student = pupils[c.student]!;
    const room = [...new Set([...spec.externals, ...(c.guest ? [c.guest] : [])])];
    const gate = room.map((partnerId) => ({
      partnerId,
      named: c.consent[partnerId] === 'ok',
      leaves: c.consent[partnerId] === 'leaves',
    }));
    const state = room.length === 0 ? 'intern' : gate.every((g) => g.named) ? 'ok' : 'missing';
    const itemId = `i-${i}`;
    return {
      id: itemId,
      number: i + 1,
      start: '13:30',
      kind: 'casus',
      title: fullName(student),
      studentId: student.id,
      caseName: fullName(student),
      className: student.className,
      intakeId: null,
      origin: 'handmatig',
      referredFrom: null,
      referralSeriesId: null,
      family: [],
      presenter: { id: 's2', name: 'Bram Groen', code: 'bgr' },
      durationMinutes: 10,
      confidential: c.confidential,
      guests: c.guest ? [{ kind: 'partner', name: PARTNERS.find((p) => p.id === c.guest)!.name }] : [],
      change: null,
      consent: { state, label: state, blocking: state === 'missing', partners: gate },
      decision: 'basisondersteuning',
      decided: true,
      fields: c.texts.map((t, k) => ({
        field: k === 0 ? t.field : `info:staff:s${(k % 2) + 1}`,
        text:
          `${t.audience === 'intern' ? `${INTERN} ` : ''}Gesprek over ` +
          `${t.mentions.map((m) => mention(pupils, m)).join(' en ')} met Emma de Boer.`,
        audience: t.audience,
        revision: 1,
        updatedBy: 'Anna',
        updatedAt: '2026-11-12T13:00:00.000Z',
      })),
      actions: c.actions.map((a, k) => ({
        id: `${itemId}-a${k}`,
        number: `${i + 1}.${k + 1}`,
        origin: `${i + 1}.${k + 1} uit IOT 12-11-2026`,
        meetingId: 'm1',
        itemId,
        studentId: student.id,
        caseName: fullName(student),
        className: student.className,
        what:
          `${a.audience === 'intern' ? `${INTERN} ` : ''}Bellen met ` +
          `${a.mentions.map((m) => mention(pupils, m)).join(', ')}; terugkoppelen aan bgr`,
        holder: { kind: 'staff' as const, staffId: 's2', partnerId: null },
        holderLabel: 'bgr — Bram Groen',
        due: { kind: 'datum' as const, date: '2026-11-20' },
        dueOn: '2026-11-20',
        status: 'open' as const,
        statusNote: null,
        closedBy: null,
        closedAt: null,
        overdue: false,
        audience: a.audience,
        revision: 1,
        problems: {},
        meetingTitle: 'ZAT',
        meetingDate: '2026-11-12',
      })),
      carried: [],
    } as ItemView;
  });
  items.push({
    ...items[0]!,
    id: 'i-topic',
    number: items.length + 1,
    kind: 'overig',
    title: `Pestincident ${mention(pupils, 0)}`,
    studentId: null,
    caseName: null,
    className: null,
    consent: null,
    fields: [],
    actions: [],
    guests: [],
    confidential: false,
  });
  return {
    meeting: {
      id: 'm1',
      title: 'ZAT',
      date: '2026-11-12',
      startTime: '13:30',
      durationMinutes: 90,
      location: 'Vergaderkamer',
      seriesId: 'zat',
      seriesName: 'ZAT',
      color: 'teal',
      chair: STAFF[0]!,
      secretary: STAFF[1]!,
      progress: 'afgelopen',
      state: 'afgelopen',
      agendaSentAt: null,
      minutesFixedAt: null,
      caseMinutes: 10,
    },
    attendees: [
      ...STAFF.map((s) => ({
        person: `staff:${s.id}`,
        kind: 'staff' as const,
        name: s.name,
        code: s.code,
        presence: 'aanwezig' as const,
      })),
      ...spec.externals.map((id) => ({
        person: `partner:${id}`,
        kind: 'partner' as const,
        name: PARTNERS.find((p) => p.id === id)!.name,
        code: null,
        presence: 'aanwezig' as const,
      })),
    ],
    items,
    agendaMinutes: 90,
    previous: null,
    next: null,
    canEditAgenda: true,
    olderSeriesActions: 0,
    addenda: [],
    toFix: null,
    canEditMinutes: true,
    canFix: true,
  } as MinutesView;
}

/** Every string in a model, one a line. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('\n');
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) return Object.values(value).map(textOf).join('\n');
  return '';
}

const words = (text: string) => ` ${(text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map(fold).join(' ')} `;

/**
 * Fails when `text` holds an identifier of a pupil or parent that may not be read. An identifier
 * that is also someone readable's name (a shared given name, the surname of one's own family, a
 * staff member's name in full) cannot tell the reader anything, so it does not count.
 */
function expectNoLeak(
  text: string,
  pupils: Pupil[],
  may: { student: (id: string) => boolean; family: (id: string) => boolean; initials: (id: string) => boolean },
  label: string,
) {
  const readable = new Set<string>(STAFF.flatMap((s) => words(s.name).trim().split(' ')));
  for (const p of PARTNERS) for (const w of words(p.name).trim().split(' ')) readable.add(w);
  const readableNames = new Set<string>();
  for (const p of pupils) {
    const persons = [...(may.student(p.id) ? [p] : []), ...(may.family(p.id) ? p.guardians : [])];
    for (const person of persons) {
      for (const w of words(fullName(person)).trim().split(' ')) readable.add(w);
      readableNames.add(words(fullName(person)));
    }
  }
  const all = words(text);
  for (const p of pupils) {
    const persons: { person: { givenName: string; infix: string; familyName: string }; hidden: boolean }[] = [
      { person: p, hidden: !may.student(p.id) },
      ...p.guardians.map((g) => ({ person: g, hidden: !may.family(p.id) })),
    ];
    for (const { person, hidden } of persons) {
      if (!hidden) continue;
      const full = words(fullName(person));
      if (!readableNames.has(full)) expect(all.includes(full), `${label}: "${fullName(person)}" in ${text}`).toBe(false);
      for (const w of [person.givenName, person.familyName].map(fold)) {
        if (!readable.has(w))
          expect(all.includes(` ${w} `) || all.includes(` ${w}s `), `${label}: "${w}" of ${fullName(person)} in ${text}`).toBe(false);
      }
    }
    if (!may.student(p.id)) expect(text.includes(p.studentNumber), `${label}: number of ${fullName(p)} in ${text}`).toBe(false);
    const readableInitials = pupils.some((o) => o.id !== p.id && may.initials(o.id) && initials(o) === initials(p));
    if (!may.initials(p.id) && !readableInitials) {
      expect(text.includes(initials(p)), `${label}: initials of ${fullName(p)} in ${text}`).toBe(false);
      expect(
        text.includes(`${initials(p).replace(/\./g, '')} (${p.className})`),
        `${label}: initials without dots of ${fullName(p)} in ${text}`,
      ).toBe(false);
    }
  }
}

/** A staff code as a word of its own: a family reads names. */
const CODE = new RegExp(`(?<![\\p{L}])(${STAFF.map((s) => s.code).join('|')})(?![\\p{L}])`, 'u');

/**
 * Who may read whom, from the generated school itself (not from the policy under test): the
 * partners in the room for a case are those at the table and its guest; a case is named to all
 * when every one of them has consent; a partner reads a case by name when their own consent
 * covers it, it is not besloten, and they were there for it.
 */
const roomOf = (c: CaseSpec, externals: string[]) => [...new Set([...externals, ...(c.guest ? [c.guest] : [])])];
const namedToAll = (c: CaseSpec, externals: string[]) => roomOf(c, externals).every((p) => c.consent[p] === 'ok');
const namedToPartner = (c: CaseSpec, externals: string[], partnerId: string) =>
  !c.confidential && c.consent[partnerId] === 'ok' && roomOf(c, externals).includes(partnerId);

const only = (ids: string[], withFamily = true) => ({
  student: (id: string) => ids.includes(id),
  family: (id: string) => withFamily && ids.includes(id),
  initials: (id: string) => ids.includes(id),
});

describe('disclosure, as a property over generated schools', () => {
  it('no channel gives a reader an identifier or intern text it may not have', () => {
    fc.assert(
      fc.property(school$, ({ pupils, externals, cases, style }) => {
        const people: IndexedPerson[] = pupils.flatMap((p) => [
          { ...p, studentId: p.id, kind: 'student' as const },
          ...p.guardians.map((g) => ({ ...g, studentId: p.id, kind: 'guardian' as const })),
        ]);
        const index = buildNameIndex(people, [...STAFF, ...PARTNERS.map((p) => ({ name: p.name }))]);
        const view = buildMeeting({ pupils, externals, cases });
        const students = new Map(pupils.map((p) => [p.id, p]));
        const caseItems = view.items.filter((i) => i.kind === 'casus');
        const idOf = (c: CaseSpec) => pupils[c.student]!.id;

        // The agenda and the stukken, for everyone at the table.
        const table: Audience = { kind: 'table', externals: externals.length > 0 };
        const tableNamed = cases.filter((c) => namedToAll(c, externals)).map(idOf);
        const hidden = cases.filter((c) => !namedToAll(c, externals)).map(idOf);
        const tableMay =
          externals.length > 0
            ? only(tableNamed)
            : {
                student: (id: string) => !hidden.includes(id),
                family: (id: string) => !hidden.includes(id),
                initials: (id: string) => !hidden.includes(id),
              };
        expectNoLeak(
          textOf(agendaDocument(view, students, school, style, '2026-11-12', { audience: table, index })),
          pupils,
          tableMay,
          'agenda',
        );
        const papers: PapersIntake[] = caseItems.map((i) => ({
          studentId: i.studentId,
          anonymousLabel: null,
          referrer: 'Bram Groen',
          questions: [
            {
              key: 'aanleiding',
              label: 'Aanleiding',
              kind: 'text',
              required: true,
              hidden: false,
            } as PapersIntake['questions'][number],
          ],
          answers: { aanleiding: i.fields.map((f) => f.text.replace(INTERN, '')).join(' ') },
          item: i,
          anonymiseBecause: hidden.includes(i.studentId!) ? 'geen toestemming' : null,
        }));
        expectNoLeak(
          textOf(papersDocument(view, papers, students, school, '2026-11-12', { audience: table, index })),
          pupils,
          tableMay,
          'stukken',
        );

        // The team's notulen: everything, but a case without consent for all loses its name (its initials stay).
        const team = minutesDocument(view, students, sources, school, style, '2026-11-12', null, {
          audience: { kind: 'team' },
          index,
        });
        expectNoLeak(
          textOf(team),
          pupils,
          { student: (id) => !hidden.includes(id), family: (id) => !hidden.includes(id), initials: () => true },
          'team notulen',
        );

        // Each partner's notulen: only their cases named, no intern text.
        for (const reader of partnerReaders(view.attendees, view.items, PARTNERS)) {
          const audience: Audience = {
            kind: 'partner',
            partnerId: reader.partnerId,
            items: reader.items === null ? null : new Set(reader.items),
          };
          const doc = textOf(
            minutesDocument(view, students, sources, school, style, '2026-11-12', null, {
              audience,
              index,
              readerName: reader.name,
            }),
          );
          expect(doc.includes(INTERN), `intern text for ${reader.name}`).toBe(false);
          expectNoLeak(
            doc,
            pupils,
            only(cases.filter((c) => namedToPartner(c, externals, reader.partnerId)).map(idOf)),
            `notulen for ${reader.name}`,
          );
        }

        // One student's extract, for the parents and the dossier.
        for (const item of caseItems) {
          const student = students.get(item.studentId!)!;
          const parents = textOf(extractDocument(view, item.id, student, sources, school, 'ouders', '2026-11-12', null, index));
          expect(parents.includes(INTERN), 'intern text for parents').toBe(false);
          expectNoLeak(parents, pupils, only([student.id]), `uittreksel ouders ${fullName(student)}`);
          expectNoLeak(
            textOf(extractDocument(view, item.id, student, sources, school, 'dossier', '2026-11-12', null, index)),
            pupils,
            only([student.id]),
            'uittreksel dossier',
          );
          expect(parents, "a staff code in the parents' uittreksel").not.toMatch(CODE);
        }

        // Every shipped letter, to the parents and to the student: only this student's part, codes as names.
        const context: LetterContext = {
          staff: sources.staff,
          partners: sources.partners,
          index,
          coordinator: { name: 'Emma de Boer', role: 'ondersteuningscoördinator', email: 'zorg@testlyceum.nl' },
          school: { name: 'Het Testlyceum', phone: '030 123 45 67', email: 'info@testlyceum.nl' },
          meetingPartners: externals.map((id) => PARTNERS.find((p) => p.id === id)!.name),
        };
        for (const item of caseItems) {
          const student = students.get(item.studentId!)!;
          const facts = letterFactsOf(student, view, item, context);
          for (const template of shippedTemplates) {
            for (const to of ['ouders', 'leerling'] as const) {
              const values = letterValues({
                ...facts,
                addressees: student.guardians.map(fullName),
                letterDate: '2026-11-13',
                addressedTo: to,
              });
              const letter = `${mergeText(template.subject, values, to)}\n${textOf(mergeTemplate(template.body, values, to))}`;
              expect(letter.includes(INTERN), `intern text in the letter "${template.name}"`).toBe(false);
              expect(letter, `a staff code in the letter "${template.name}"`).not.toMatch(CODE);
              expectNoLeak(letter, pupils, only([student.id]), `brief "${template.name}" aan ${to} van ${fullName(student)}`);
            }
          }
        }

        // The inzage of a student: every free text of the vault about them, through the named export's reader.
        for (const item of caseItems) {
          const file = fileText(index, item.studentId!, STAFF);
          const texts = [...item.fields.map((f) => f.text), ...item.actions.map((a) => a.what), view.items.at(-1)!.title]
            .map(file)
            .join('\n');
          expectNoLeak(texts, pupils, only([item.studentId!]), 'inzage');
          expect(texts, 'a staff code in the inzage').not.toMatch(CODE);
        }

        // The actielijst in initials names nobody in its texts.
        const actions = caseItems.flatMap((i) => i.actions).map((a) => ({ ...a, origin: a.origin }));
        if (style === 'initialen') {
          const list = actionListDocument(
            actions as Parameters<typeof actionListDocument>[0],
            students,
            new Map([['m1', 'ZAT']]),
            sources.staff,
            school,
            'holder',
            'initialen',
            '2026-11-12',
            index,
          );
          const texts = list.groups.flatMap((g) => g.actions.map((a) => a.what)).join('\n');
          expectNoLeak(texts, pupils, { student: () => false, family: () => false, initials: () => false }, 'actielijst');
        }

        // Every projector answer: each item current, names switched on or off, minutes shown.
        const presentable = view.items.map((i) => ({ id: i.id, lapsed: false }));
        for (const item of view.items) {
          for (const showNames of [false, true]) {
            const state = {
              ...applyCommand(startPresenting('m1', 'u', presentable, 0), { command: 'goTo', itemId: item.id }, presentable, 0),
              showNames,
              showMinutes: true,
            };
            const screen = projectorScreen(
              {
                schoolName: 'Het Testlyceum',
                meeting: view.meeting,
                items: view.items,
                students,
                index,
                staffNames: new Map(STAFF.map((s) => [s.id, s.name])),
                withExternals: externals.length > 0,
              },
              state,
            );
            const text = textOf(screen);
            expect(text.includes(INTERN), 'intern text on the projector').toBe(false);
            // With the switch on, every case the gate lets through is listed by name.
            const shown = showNames ? tableNamed : [];
            expectNoLeak(
              text,
              pupils,
              {
                student: (id) => shown.includes(id),
                family: () => false,
                initials: (id) => caseItems.some((c) => c.studentId === id),
              },
              'projector',
            );
          }
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it("holds in the Word file too: a partner's notulen as that partner reads them", async () => {
    const [sample] = fc.sample(
      school$.filter((s) => s.cases.length >= 2),
      { numRuns: 1, seed: 21 },
    );
    const { pupils, cases } = sample!;
    const externals = ['lp'];
    const people: IndexedPerson[] = pupils.flatMap((p) => [
      { ...p, studentId: p.id, kind: 'student' as const },
      ...p.guardians.map((g) => ({ ...g, studentId: p.id, kind: 'guardian' as const })),
    ]);
    const index = buildNameIndex(people, STAFF);
    const view = buildMeeting({ pupils, externals, cases });
    const students = new Map(pupils.map((p) => [p.id, p]));
    const audience: Audience = { kind: 'partner', partnerId: 'lp', items: null };
    const doc = minutesDocument(view, students, sources, school, 'volledig', '2026-11-12', null, {
      audience,
      index,
      readerName: 'Leerplicht Utrecht',
    });
    const text = await documentText(await buildMinutesDocx(doc));
    expect(text).toContain('Versie voor Leerplicht Utrecht');
    expect(text).not.toContain(INTERN);
    const namedIds = cases.filter((c) => namedToPartner(c, externals, 'lp')).map((c) => pupils[c.student]!.id);
    expectNoLeak(text, pupils, only(namedIds), 'partner notulen docx');
  });
});
