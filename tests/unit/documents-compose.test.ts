import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExtractDocx } from '../../electron/export/docx/minutes';
import type { DocumentSchool } from '../../electron/export/docx/models';
import { agendaDocument, caseTitle, type CaseStudent, type InfoSources, type MinutesView } from '../../electron/features/documents/compose';
import { extractDocument, minutesDocument } from '../../electron/features/documents/compose-minutes';
import { documentFileName } from '../../electron/export/file-names';
import { namedForAll } from '../../electron/features/disclosure/policy';
import { fullName, initials } from '../../electron/features/people/names';
import { documentText } from '../docx/docx-text';

/**
 * The privacy rules of the Word documents, decided in documents/compose.ts, on hand-made minutes:
 * who is named and how, which text reaches parents, and that one student's extract holds nothing
 * of another student.
 */

type ItemView = MinutesView['items'][number];
type FieldView = ItemView['fields'][number];
type ActionView = ItemView['actions'][number];
type AddendumView = MinutesView['addenda'][number];
type Consent = NonNullable<ItemView['consent']>;

const MEETING_ID = 'm1';
const MEETING_DATE = '2026-11-12';

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
  staff: new Map([['s1', { name: 'Anna Wolters', code: 'awo' }]]),
  partners: new Map([['p1', 'Leerplicht Utrecht']]),
};

// ---------------------------------------------------------------------------------------------
// A minimal factory of what minutesView() returns

function field(key: string, text: string, audience: 'intern' | 'ouders'): FieldView {
  return { field: key, text, audience, revision: 1, updatedBy: 'Anna Wolters', updatedAt: '2026-11-12T13:00:00.000Z' };
}

function action(over: Partial<ActionView> & Pick<ActionView, 'id' | 'what' | 'itemId'>): ActionView {
  return {
    number: '5.1',
    origin: `5.1 uit IOT 12-11-2026`,
    meetingId: MEETING_ID,
    studentId: null,
    caseName: null,
    className: null,
    holder: { kind: 'staff', staffId: 's1', partnerId: null },
    holderLabel: 'awo — Anna Wolters',
    due: { kind: 'datum', date: '2026-11-20' },
    dueOn: '2026-11-20',
    status: 'open',
    statusNote: null,
    closedBy: null,
    closedAt: null,
    overdue: false,
    audience: 'ouders',
    revision: 1,
    problems: {},
    meetingTitle: 'IOT',
    meetingDate: MEETING_DATE,
    ...over,
  };
}

function item(over: Partial<ItemView> & Pick<ItemView, 'id' | 'number' | 'kind' | 'title'>): ItemView {
  return {
    start: '13:30',
    studentId: null,
    caseName: null,
    className: null,
    intakeId: null,
    origin: null,
    referredFrom: null,
    referralSeriesId: null,
    family: [],
    presenter: null,
    durationMinutes: 10,
    confidential: false,
    guests: [],
    change: null,
    consent: null,
    decision: null,
    decided: false,
    fields: [],
    actions: [],
    carried: [],
    ...over,
  };
}

function caseItem(id: string, number: number, student: CaseStudent & { id: string }, over: Partial<ItemView> = {}): ItemView {
  return item({
    id,
    number,
    kind: 'casus',
    title: fullName(student),
    studentId: student.id,
    caseName: fullName(student),
    className: student.className,
    origin: 'handmatig',
    consent: { state: 'intern', label: 'Intern overleg: geen toestemming nodig', blocking: false, partners: [] },
    ...over,
  });
}

function view(items: ItemView[], addenda: AddendumView[] = [], fixedAt: string | null = null): MinutesView {
  return {
    meeting: {
      id: MEETING_ID,
      title: 'IOT',
      date: MEETING_DATE,
      startTime: '13:30',
      durationMinutes: 90,
      location: 'Vergaderkamer',
      seriesId: 'series-iot',
      seriesName: 'IOT',
      color: 'teal',
      chair: { id: 's1', name: 'Anna Wolters', code: 'awo' },
      secretary: { id: 's1', name: 'Anna Wolters', code: 'awo' },
      progress: 'afgelopen',
      state: fixedAt ? 'vastgesteld' : 'afgelopen',
      agendaSentAt: null,
      minutesFixedAt: fixedAt,
      caseMinutes: 10,
    },
    attendees: [{ person: 'staff:s1', kind: 'staff', name: 'Anna Wolters', code: 'awo', presence: 'aanwezig' }],
    items,
    agendaMinutes: 90,
    previous: null,
    next: null,
    canEditAgenda: true,
    olderSeriesActions: 0,
    addenda,
    toFix: null,
    canEditMinutes: !fixedAt,
    canFix: true,
  };
}

const addendum = (id: string, itemId: string | null, text: string, audience: 'intern' | 'ouders'): AddendumView => ({
  id,
  itemId,
  text,
  audience,
  authorName: 'Anna Wolters',
  createdAt: '2026-12-01T10:00:00.000Z',
});

const jesse: CaseStudent & { id: string } = {
  id: 'st-jesse',
  givenName: 'Jesse',
  infix: 'de',
  familyName: 'Vries',
  studentNumber: '700101',
  className: '2B',
  yearLevel: 2,
};
const sara: CaseStudent & { id: string } = {
  id: 'st-sara',
  givenName: 'Sara',
  infix: '',
  familyName: 'Bakker',
  studentNumber: '700202',
  className: '3C',
  yearLevel: 3,
};
const studentsMap = (...list: (CaseStudent & { id: string })[]) => new Map<string, CaseStudent>(list.map((s) => [s.id, s]));

// ---------------------------------------------------------------------------------------------

describe('caseTitle', () => {
  it('writes initials and class, or the full name and class, or the fallback for an unknown student', () => {
    expect(caseTitle(jesse, 'Leerling', 'initialen')).toBe('J.d.V. (2B)');
    expect(caseTitle(jesse, 'Leerling', 'volledig')).toBe('Jesse de Vries (2B)');
    expect(caseTitle(sara, 'Leerling', 'initialen')).toBe('S.B. (3C)');
    expect(caseTitle({ ...jesse, className: '' }, 'Leerling', 'initialen')).toBe('J.d.V.');
    expect(caseTitle(undefined, 'leerling uit leerjaar 2', 'volledig')).toBe('leerling uit leerjaar 2');
  });
});

describe('namedForAll (the disclosure policy)', () => {
  const withState = (state: Consent['state']) => ({ consent: { state, label: '', blocking: false, partners: [] } });
  it('names a case at an internal meeting, or with complete consent', () => {
    expect(namedForAll(null)).toBe(true);
    expect(namedForAll(withState('ok').consent)).toBe(true);
    expect(namedForAll(withState('intern').consent)).toBe(true);
  });
  it('does not name a case whose consent is missing, refused, routed around or not checked', () => {
    for (const state of ['missing', 'refused', 'route', 'anoniem', 'geen-overleg'] as const)
      expect(namedForAll(withState(state).consent), state).toBe(false);
  });
});

describe('agendaDocument and minutesDocument', () => {
  const table = { audience: { kind: 'table' as const, externals: true }, index: null };
  const items = () => [
    item({ id: 'i1', number: 1, kind: 'opening', title: 'Opening' }),
    caseItem('i2', 2, jesse, { consent: { state: 'missing', label: 'Ontbreekt', blocking: true, partners: [] } }),
    caseItem('i3', 3, sara, { consent: { state: 'ok', label: 'Toestemming compleet', blocking: false, partners: [] } }),
  ];
  it('keeps initials in the minutes for a case the gate does not let through, and the agenda shows it as the stukken do', () => {
    const full = agendaDocument(view(items()), studentsMap(jesse, sara), school, 'volledig', '2026-11-02', table);
    expect(full.items.map((i) => i.title)).toEqual(['Opening', 'Leerling uit leerjaar 2', 'Sara Bakker (3C)']);
    const short = agendaDocument(view(items()), studentsMap(jesse, sara), school, 'initialen', '2026-11-02', table);
    expect(short.items.map((i) => i.title)).toEqual(['Opening', 'Leerling uit leerjaar 2', 'S.B. (3C)']);
    // No inbrenger either: next to the agenda it would name the case again.
    expect(short.items[1]!.presenter).toBeNull();
    const minutes = minutesDocument(view(items()), studentsMap(jesse, sara), sources, school, 'volledig', '2026-11-02', null, {
      audience: { kind: 'team' },
      index: null,
    });
    expect(minutes.items.map((i) => i.title)).toEqual(['Opening', 'J.d.V. (2B)', 'Sara Bakker (3C)']);
  });
  it("shows guests by role, never a parent's name", () => {
    const withGuests = [caseItem('i2', 2, jesse, { guests: [{ kind: 'ouders', name: 'Marieke de Vries' }] })];
    const doc = agendaDocument(view(withGuests), studentsMap(jesse), school, 'volledig', '2026-11-02', table);
    expect(doc.items[0]!.guests).toEqual(['ouders']);
  });
});

describe('extractDocument', () => {
  function minutes(decisionAudience: 'intern' | 'ouders') {
    const jesseItem = caseItem('i2', 2, jesse, {
      decision: 'basisondersteuning',
      decided: true,
      fields: [
        field('vraag', 'Waarom is Jesse vaak afwezig?', 'ouders'),
        field('info:staff:s1', 'Verzuim volgens de mentor: 12 uur.', 'intern'),
        field('bespreking', 'Thuis speelt een scheiding.', 'intern'),
        field('besluit', 'Huiswerkklas twee keer per week.', decisionAudience),
        field('reactie', '', 'ouders'),
      ],
      actions: [
        action({
          id: 'a1',
          itemId: 'i2',
          number: '2.1',
          what: 'Aanmelden voor de huiswerkklas',
          audience: 'ouders',
          studentId: jesse.id,
        }),
        action({
          id: 'a2',
          itemId: 'i2',
          number: '2.2',
          what: 'Verzuim melden bij leerplicht',
          audience: 'intern',
          studentId: jesse.id,
        }),
      ],
      carried: [
        action({
          id: 'a0',
          itemId: 'old',
          number: '4.1',
          origin: '4.1 uit IOT 08-10-2026',
          what: 'Gesprek met de mentor',
          audience: 'ouders',
          studentId: jesse.id,
        }),
        action({
          id: 'a00',
          itemId: 'old',
          number: '4.2',
          origin: '4.2 uit IOT 08-10-2026',
          what: 'Dossier opvragen bij vorige school',
          audience: 'intern',
          studentId: jesse.id,
        }),
      ],
    });
    const saraItem = caseItem('i3', 3, sara, {
      fields: [field('bespreking', 'Sara Bakker mist de bus.', 'ouders')],
      actions: [
        action({
          id: 'a3',
          itemId: 'i3',
          number: '3.1',
          what: 'Buddy zoeken voor Sara',
          audience: 'ouders',
          studentId: sara.id,
        }),
      ],
    });
    return view(
      [item({ id: 'i1', number: 1, kind: 'opening', title: 'Opening' }), jesseItem, saraItem],
      [
        addendum('d1', 'i2', 'De huiswerkklas is op dinsdag.', 'ouders'),
        addendum('d2', 'i2', 'Dossier aangevuld.', 'intern'),
        addendum('d3', 'i3', 'Sara heeft een buddy.', 'ouders'),
        addendum('d4', null, 'Algemene aanvulling.', 'ouders'),
      ],
      '2026-12-01T09:00:00.000Z',
    );
  }

  it('for parents holds only text, actions and addenda marked for parents, and the decision with its text', () => {
    const doc = extractDocument(minutes('ouders'), 'i2', jesse, sources, school, 'ouders', '2026-12-02', 'IOT 10-12-2026', null);
    expect(doc.student).toEqual({ name: 'Jesse de Vries', studentNumber: '700101', className: '2B' });
    expect(doc.item.title).toBe('Jesse de Vries (2B)');
    expect(doc.item.paragraphs).toEqual([
      { label: 'Vraag / aanleiding', text: 'Waarom is Jesse vaak afwezig?', intern: false },
      { label: 'Besluit', text: 'Huiswerkklas twee keer per week.', intern: false },
    ]);
    expect(doc.item.decision).toBe('Besluit: Basisondersteuning');
    expect(doc.item.actions.map((a) => a.what)).toEqual(['Aanmelden voor de huiswerkklas']);
    expect(doc.item.carried.map((a) => a.what)).toEqual(['Gesprek met de mentor']);
    expect(doc.addenda.map((a) => a.text)).toEqual(['De huiswerkklas is op dinsdag.']);
    expect(doc.status).toEqual({ kind: 'vastgesteld', on: '2026-12-01', atMeeting: 'IOT 10-12-2026' });
  });

  it('for parents leaves out the decision when its text is internal', () => {
    const doc = extractDocument(minutes('intern'), 'i2', jesse, sources, school, 'ouders', '2026-12-02', null, null);
    expect(doc.item.decision).toBeNull();
    expect(doc.item.paragraphs.map((p) => p.label)).toEqual(['Vraag / aanleiding']);
  });

  it("for the dossier holds the intern text too, marked, and still only this student's item and addenda", () => {
    const doc = extractDocument(minutes('intern'), 'i2', jesse, sources, school, 'dossier', '2026-12-02', null, null);
    expect(doc.item.paragraphs).toEqual([
      { label: 'Vraag / aanleiding', text: 'Waarom is Jesse vaak afwezig?', intern: false },
      { label: 'Nieuwe informatie van Anna Wolters', text: 'Verzuim volgens de mentor: 12 uur.', intern: true },
      { label: 'Bespreking', text: 'Thuis speelt een scheiding.', intern: true },
      { label: 'Besluit', text: 'Huiswerkklas twee keer per week.', intern: true },
    ]);
    expect(doc.item.decision).toBe('Besluit: Basisondersteuning');
    expect(doc.item.actions.map((a) => a.what)).toEqual(['Aanmelden voor de huiswerkklas', 'Verzuim melden bij leerplicht']);
    expect(doc.item.carried.map((a) => a.number)).toEqual(['4.1 uit IOT 08-10-2026', '4.2 uit IOT 08-10-2026']);
    expect(doc.addenda.map((a) => [a.text, a.intern])).toEqual([
      ['De huiswerkklas is op dinsdag.', false],
      ['Dossier aangevuld.', true],
    ]);
    expect(JSON.stringify(doc)).not.toMatch(/Sara|Bakker|700202|S\.B\./);
  });

  it('refuses an item that is not in these minutes', () => {
    expect(() => extractDocument(minutes('ouders'), 'elders', jesse, sources, school, 'ouders', '2026-12-02', null, null)).toThrow();
  });
});

describe('documentFileName', () => {
  it('carries kind, leerlingnummer, date and variant, never anything unsafe', () => {
    expect(documentFileName('agenda', { date: '2026-11-12' })).toBe('agenda-2026-11-12.docx');
    expect(documentFileName('uittreksel', { studentNumber: '700101', date: '2026-11-12', variant: 'ouders' })).toBe(
      'uittreksel-700101-2026-11-12-ouders.docx',
    );
    expect(documentFileName('notulen', { date: '2026-11-12', variant: '' })).toBe('notulen-2026-11-12.docx');
    expect(documentFileName('brieven', { date: '2026-11-12', variant: 'uitnodiging-per-adres' }, 'zip')).toBe(
      'brieven-2026-11-12-uitnodiging-per-adres.zip',
    );
    expect(documentFileName('brief', { studentNumber: 'AB/12 3', date: '2026-11-12', variant: 'Één Vraag!' })).toBe(
      'brief-ab-12-3-2026-11-12-een-vraag.docx',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Property: an extract never holds another student of the same meeting

const letters = 'abcdefghijklmnoprstuvwz';
/** Names no fixed text of a document contains: a capital Q or X, then lower case letters. */
const nameWord = (first: string) =>
  fc.string({ unit: fc.constantFrom(...letters.split('')), minLength: 2, maxLength: 7 }).map((rest) => first + rest);
const studentArb = fc.record({
  givenName: nameWord('Q'),
  infix: fc.constantFrom('', 'de', 'van', 'van der', "van 't"),
  familyName: nameWord('X'),
  studentNumber: fc.integer({ min: 100000, max: 999999 }).map(String),
  className: fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'))
    .map(([year, group]) => `${year}${group}`),
});
/** Ordinary minutes words; a student's own item may mention that student. */
const vocabulary = [
  'komt',
  'vaak',
  'te',
  'laat',
  'ouders',
  'mentor',
  'afspraak',
  'huiswerk',
  'verzuim',
  'gesprek',
  'thuis',
  'school',
  'slaapt',
  'slecht',
  'gaat',
  'beter',
  'met',
  'de',
  'het',
  'en',
];
const sentence = fc
  .array(fc.constantFrom(...vocabulary, '{eigen}', '{eigen-achternaam}'), { minLength: 1, maxLength: 12 })
  .map((words) => words.join(' '));
const caseContent = fc.record({
  fields: fc.array(
    fc.record({
      key: fc.constantFrom('vraag', 'bespreking', 'besluit', 'informeren', 'reactie'),
      text: sentence,
      intern: fc.boolean(),
    }),
    { maxLength: 5 },
  ),
  actions: fc.array(
    fc.record({
      what: sentence,
      intern: fc.boolean(),
      holder: fc.constantFrom('awo — Anna Wolters', 'Ouders', 'Leerling', 'Leerplicht Utrecht'),
    }),
    { maxLength: 3 },
  ),
  carried: fc.array(fc.record({ what: sentence, intern: fc.boolean() }), { maxLength: 2 }),
  addenda: fc.array(fc.record({ text: sentence, intern: fc.boolean() }), { maxLength: 2 }),
  decision: fc.constantFrom(null, 'basisondersteuning' as const, 'extern' as const),
});
const meetingArb = fc
  .uniqueArray(studentArb, {
    minLength: 2,
    maxLength: 6,
    // Distinct given names, family names, numbers and "initials (class)": otherwise the students could not be told apart at all.
    selector: (s) => s.givenName,
  })
  .filter((list) =>
    ['familyName', 'studentNumber'].every((key) => new Set(list.map((s) => s[key as 'familyName' | 'studentNumber'])).size === list.length),
  )
  .filter((list) => new Set(list.map((s) => `${initials(s)} (${s.className})`)).size === list.length)
  .chain((list) =>
    fc.tuple(
      fc.constant(list),
      fc.array(caseContent, { minLength: list.length, maxLength: list.length }),
      fc.constantFrom('ouders' as const, 'dossier' as const),
    ),
  );

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole words or numbers only: "Qab" is not in "Qabc", 123456 is not in 1234567. */
const occurs = (text: string, needle: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(needle)}(?![\\p{L}\\p{N}])`, 'u').test(text);

describe('every extract (property)', () => {
  it("holds its own student's name and number and nothing that identifies another student of the meeting", async () => {
    await fc.assert(
      fc.asyncProperty(meetingArb, async ([people, contents, version]) => {
        const students = people.map((p, i) => ({ ...p, id: `st-${i}`, yearLevel: Number(p.className[0]) }));
        const items = students.map((student, i) => {
          const content = contents[i]!;
          const own = (text: string) => text.replaceAll('{eigen-achternaam}', student.familyName).replaceAll('{eigen}', fullName(student));
          const itemId = `item-${i}`;
          const fields = [...new Map(content.fields.map((f) => [f.key, f])).values()].map((f) =>
            field(f.key, own(f.text), f.intern ? 'intern' : 'ouders'),
          );
          return caseItem(itemId, i + 2, student, {
            decision: content.decision,
            decided: content.decision !== null,
            fields,
            actions: content.actions.map((a, n) =>
              action({
                id: `${itemId}-a${n}`,
                itemId,
                number: `${i + 2}.${n + 1}`,
                what: own(a.what),
                audience: a.intern ? 'intern' : 'ouders',
                holderLabel: a.holder,
                studentId: student.id,
              }),
            ),
            carried: content.carried.map((a, n) =>
              action({
                id: `${itemId}-c${n}`,
                itemId: `old-${i}`,
                number: `1.${n + 1}`,
                origin: `1.${n + 1} uit IOT 08-10-2026`,
                what: own(a.what),
                audience: a.intern ? 'intern' : 'ouders',
                studentId: student.id,
              }),
            ),
          });
        });
        const addenda = students.flatMap((student, i) =>
          contents[i]!.addenda.map((a, n) =>
            addendum(
              `d-${i}-${n}`,
              `item-${i}`,
              a.text.replaceAll('{eigen-achternaam}', student.familyName).replaceAll('{eigen}', fullName(student)),
              a.intern ? 'intern' : 'ouders',
            ),
          ),
        );
        const minutes = view(items, addenda, '2026-12-01T09:00:00.000Z');

        for (const [i, student] of students.entries()) {
          const doc = extractDocument(minutes, `item-${i}`, student, sources, school, version, '2026-12-02', null, null);
          const text = await documentText(await buildExtractDocx(doc));
          expect(occurs(text, fullName(student))).toBe(true);
          expect(occurs(text, student.studentNumber)).toBe(true);
          for (const other of students.filter((s) => s !== student)) {
            for (const trace of [
              other.givenName,
              other.familyName,
              fullName(other),
              other.studentNumber,
              `${initials(other)} (${other.className})`,
            ]) {
              expect(occurs(text, trace), `extract of ${fullName(student)} (${version}) holds "${trace}"`).toBe(false);
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
