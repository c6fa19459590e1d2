import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MinutesView } from '../../electron/features/documents/compose';
import { decisionLabels } from '../../electron/features/minutes/vocabulary';
import { fullName, initials } from '../../electron/features/people/names';
import {
  applyCommand,
  currentItem,
  PRESENTATION_IDLE_MS,
  presentationEnd,
  startPresenting,
  timerElapsed,
  type PresentableItem,
  type Presentation,
  type PresentationCommand,
} from '../../electron/features/presentation/presenting';
import {
  guestsInRoom,
  projectorScreen,
  type ProjectedStudent,
  type ProjectorFacts,
  type ProjectorScreen,
} from '../../electron/features/presentation/projector-view';
import { buildNameIndex, type IndexedPerson } from '../../electron/features/disclosure/scrubber';

/**
 * Presenting without I/O: the chair's state machine (which item is current, black and white
 * screens, the item timer) and what the projector may show of hand-made minutes (initials or
 * names, never intern text or guardians' names, nothing of other cases with guests in the room).
 */

type ItemView = MinutesView['items'][number];
type FieldView = ItemView['fields'][number];
type ActionView = ItemView['actions'][number];
type Consent = NonNullable<ItemView['consent']>;
type AgendaScreen = Extract<ProjectorScreen, { state: 'agenda' }>;

// ---------------------------------------------------------------------------------------------
// The state machine

const items = (...spec: [string, boolean?][]): PresentableItem[] => spec.map(([id, lapsed]) => ({ id, lapsed: lapsed ?? false }));

/** a, b (lapsed), c, d */
const agenda = items(['a'], ['b', true], ['c'], ['d']);

const apply = (state: Presentation, list: PresentableItem[], nowMs: number, ...commands: PresentationCommand[]) =>
  commands.reduce((s, command) => applyCommand(s, command, list, nowMs), state);

describe('presentationEnd', () => {
  const started = startPresenting('m1', 'u1', items(['a'], ['b']), 1_000);
  const running = { progress: 'bezig', minutesFixedAt: null };

  it('ends with the meeting: afgelopen, minutes fixed, or the meeting gone', () => {
    expect(presentationEnd(started, running, 2_000)).toBeNull();
    expect(presentationEnd(started, { progress: 'gepland', minutesFixedAt: null }, 2_000)).toBeNull();
    expect(presentationEnd(started, { progress: 'afgelopen', minutesFixedAt: null }, 2_000)).toBe('afgelopen');
    expect(presentationEnd(started, { progress: 'afgelopen', minutesFixedAt: '2026-11-12T15:00:00.000Z' }, 2_000)).toBe('vastgesteld');
    expect(presentationEnd(started, null, 2_000)).toBe('weg');
  });

  it('ends two hours after the last key, and every command counts as a key', () => {
    expect(presentationEnd(started, running, 1_000 + PRESENTATION_IDLE_MS - 1)).toBeNull();
    expect(presentationEnd(started, running, 1_000 + PRESENTATION_IDLE_MS)).toBe('stil');
    const keyed = applyCommand(started, { command: 'black' }, items(['a'], ['b']), 1_000 + PRESENTATION_IDLE_MS - 1);
    expect(presentationEnd(keyed, running, 1_000 + PRESENTATION_IDLE_MS)).toBeNull();
    expect(presentationEnd(keyed, running, keyed.lastKeyAt + PRESENTATION_IDLE_MS)).toBe('stil');
  });
});

describe('startPresenting', () => {
  it('starts at the first item still on the agenda, on the agenda screen, with both switches off and the timer stopped', () => {
    const p = startPresenting('m1', 'u1', items(['a', true], ['b'], ['c']), 5000);
    expect(p).toEqual({
      meetingId: 'm1',
      userId: 'u1',
      itemId: 'b',
      itemIndex: 1,
      screen: 'agenda',
      showNames: false,
      showMinutes: false,
      timer: { running: false, elapsedMs: 0, since: 5000 },
      lastKeyAt: 5000,
    });
  });

  it('has no current item when every item lapsed', () => {
    expect(startPresenting('m1', 'u1', items(['a', true]), 0).itemId).toBeNull();
    expect(startPresenting('m1', 'u1', [], 0).itemId).toBeNull();
  });
});

describe('applyCommand: moving through the agenda', () => {
  const start = startPresenting('m1', 'u1', agenda, 0);

  it('steps over a lapsed item both ways', () => {
    const atC = applyCommand(start, { command: 'next' }, agenda, 1);
    expect(atC.itemId).toBe('c');
    expect(applyCommand(atC, { command: 'previous' }, agenda, 2).itemId).toBe('a');
  });

  it('stops at the last item and at the first', () => {
    const atEnd = apply(start, agenda, 1, { command: 'next' }, { command: 'next' });
    expect(atEnd.itemId).toBe('d');
    expect(applyCommand(atEnd, { command: 'next' }, agenda, 2).itemId).toBe('d');
    expect(applyCommand(start, { command: 'previous' }, agenda, 2).itemId).toBe('a');
  });

  it('goes to an item by id, but ignores an unknown or lapsed one', () => {
    expect(applyCommand(start, { command: 'goTo', itemId: 'd' }, agenda, 1).itemId).toBe('d');
    expect(applyCommand(start, { command: 'goTo', itemId: 'nope' }, agenda, 1)).toBe(start);
    expect(applyCommand(start, { command: 'goTo', itemId: 'b' }, agenda, 1)).toBe(start);
  });

  it('sets the two switches', () => {
    const on = apply(start, agenda, 1, { command: 'names', show: true }, { command: 'minutes', show: true });
    expect(on).toMatchObject({ showNames: true, showMinutes: true, itemId: 'a', screen: 'agenda' });
    expect(apply(on, agenda, 2, { command: 'names', show: false }).showNames).toBe(false);
    expect(apply(on, agenda, 2, { command: 'minutes', show: false }).showMinutes).toBe(false);
  });
});

describe('applyCommand: black and white screens', () => {
  const start = startPresenting('m1', 'u1', agenda, 0);

  it('toggles black and white, and one replaces the other', () => {
    const black = applyCommand(start, { command: 'black' }, agenda, 1);
    expect(black.screen).toBe('zwart');
    expect(applyCommand(black, { command: 'black' }, agenda, 2).screen).toBe('agenda');
    const white = applyCommand(black, { command: 'white' }, agenda, 2);
    expect(white.screen).toBe('wit');
    expect(applyCommand(white, { command: 'white' }, agenda, 3).screen).toBe('agenda');
    expect(applyCommand(white, { command: 'black' }, agenda, 3).screen).toBe('zwart');
  });

  it('ends the black or white pause when the chair moves on, even where there is nowhere to go', () => {
    const black = applyCommand(start, { command: 'black' }, agenda, 1);
    expect(applyCommand(black, { command: 'next' }, agenda, 2)).toMatchObject({ itemId: 'c', screen: 'agenda' });
    // At the first item "previous" goes nowhere, but the room sees the agenda again.
    expect(applyCommand(black, { command: 'previous' }, agenda, 2)).toMatchObject({ itemId: 'a', screen: 'agenda' });
    const whiteAtEnd = apply(start, agenda, 1, { command: 'goTo', itemId: 'd' }, { command: 'white' });
    expect(applyCommand(whiteAtEnd, { command: 'next' }, agenda, 2)).toMatchObject({ itemId: 'd', screen: 'agenda' });
    expect(applyCommand(black, { command: 'goTo', itemId: 'a' }, agenda, 2)).toMatchObject({
      itemId: 'a',
      screen: 'agenda',
    });
  });

  it('keeps the item and switches while black', () => {
    const on = apply(start, agenda, 1, { command: 'names', show: true }, { command: 'black' }, { command: 'minutes', show: true });
    expect(on).toMatchObject({ itemId: 'a', screen: 'zwart', showNames: true, showMinutes: true });
  });
});

describe('applyCommand: the item timer', () => {
  const start = startPresenting('m1', 'u1', agenda, 1000);

  it('starts, pauses and resumes, adding up the time it ran', () => {
    const running = applyCommand(start, { command: 'timer' }, agenda, 2000);
    expect(running.timer).toEqual({ running: true, elapsedMs: 0, since: 2000 });
    expect(timerElapsed(running.timer, 5000)).toBe(3000);

    const paused = applyCommand(running, { command: 'timer' }, agenda, 5000);
    expect(paused.timer).toEqual({ running: false, elapsedMs: 3000, since: 5000 });
    // A paused timer does not move.
    expect(timerElapsed(paused.timer, 60_000)).toBe(3000);

    const resumed = applyCommand(paused, { command: 'timer' }, agenda, 10_000);
    expect(resumed.timer.running).toBe(true);
    expect(timerElapsed(resumed.timer, 11_500)).toBe(4500);
    // A clock set back never takes time off.
    expect(timerElapsed(resumed.timer, 9000)).toBe(3000);
  });

  it('gives a new item its own time, and keeps a running timer running', () => {
    const running = apply(start, agenda, 2000, { command: 'timer' });
    const next = applyCommand(running, { command: 'next' }, agenda, 12_000);
    expect(next.itemId).toBe('c');
    expect(next.timer).toEqual({ running: true, elapsedMs: 0, since: 12_000 });
    expect(timerElapsed(next.timer, 13_000)).toBe(1000);

    const paused = applyCommand(running, { command: 'timer' }, agenda, 4000);
    const pausedNext = applyCommand(paused, { command: 'goTo', itemId: 'd' }, agenda, 9000);
    expect(pausedNext.timer).toEqual({ running: false, elapsedMs: 0, since: 9000 });
  });

  it('keeps counting when a move goes nowhere (the same item stays current)', () => {
    const running = apply(start, agenda, 2000, { command: 'timer' });
    const stayed = applyCommand(running, { command: 'previous' }, agenda, 7000);
    expect(stayed.itemId).toBe('a');
    expect(timerElapsed(stayed.timer, 8000)).toBe(6000);
    const black = applyCommand(running, { command: 'black' }, agenda, 7000);
    expect(black.timer).toEqual(running.timer);
  });
});

describe('currentItem after the agenda changed under the presentation', () => {
  const at = (itemId: string | null): Presentation => ({ ...startPresenting('m1', 'u1', agenda, 0), itemId });

  it('keeps the current item while it is on the agenda', () => {
    expect(currentItem(at('c'), agenda)).toBe('c');
  });

  it('hands a lapsed current item over to the next item still on the agenda', () => {
    expect(currentItem(at('c'), items(['a'], ['b', true], ['c', true], ['d']))).toBe('d');
  });

  it('hands a lapsed last item over to the one before it', () => {
    expect(currentItem(at('d'), items(['a'], ['b', true], ['c'], ['d', true]))).toBe('c');
  });

  it('hands a removed current item over to the item that took its place, or the last one at the end', () => {
    const agendaOf = items(['a'], ['b'], ['c'], ['d']);
    const onB = applyCommand(startPresenting('m1', 'u1', agendaOf, 0), { command: 'goTo', itemId: 'b' }, agendaOf, 0);
    expect(currentItem(onB, items(['a'], ['c'], ['d']))).toBe('c');
    // The item in its place lapsed as well: the next one still on the agenda.
    expect(currentItem(onB, items(['a'], ['c', true], ['d']))).toBe('d');
    const onD = applyCommand(onB, { command: 'goTo', itemId: 'd' }, agendaOf, 0);
    expect(currentItem(onD, items(['a'], ['b'], ['c']))).toBe('c');
    expect(currentItem(at('a'), items(['a', true]))).toBeNull();
  });

  it('steers from the item that took over', () => {
    const changed = items(['a'], ['b', true], ['c', true], ['d'], ['e']);
    // c lapsed while current: d took over, so "next" goes on to e, "previous" back to a.
    expect(applyCommand(at('c'), { command: 'next' }, changed, 1).itemId).toBe('e');
    expect(applyCommand(at('c'), { command: 'previous' }, changed, 1).itemId).toBe('a');
  });
});

// ---------------------------------------------------------------------------------------------
// A minimal factory of what minutesView() returns, and the facts around it

const jesse: ProjectedStudent & { id: string } = {
  id: 'st-jesse',
  givenName: 'Jesse',
  infix: 'de',
  familyName: 'Vries',
  className: '2B',
};
const sara: ProjectedStudent & { id: string } = {
  id: 'st-sara',
  givenName: 'Sara',
  infix: '',
  familyName: 'Bakker',
  className: '3C',
};
/** Guardians with names of their own, so a leak of theirs cannot hide behind the student's. */
const guardians = {
  [jesse.id]: ['Gerdien', 'Oosterhuis', 'Hendrik', 'Zwanenburg'],
  [sara.id]: ['Ilse', 'Kroonenberg', 'Tobias', 'Wijnands'],
};
const allGuardianNames = Object.values(guardians).flat();
/** The vault's names as the projector's scrubber knows them: both students and their guardians (pairs of given and family name). */
function vaultIndex(guardianNames: Record<string, string[]> = guardians) {
  const people: IndexedPerson[] = [jesse, sara].map((st) => ({ ...st, studentId: st.id, kind: 'student' as const }));
  for (const [studentId, names] of Object.entries(guardianNames)) {
    for (let i = 0; i < names.length; i += 2)
      people.push({ studentId, kind: 'guardian', givenName: names[i]!, infix: '', familyName: names[i + 1]! });
  }
  return buildNameIndex(people, [{ name: 'Bram Groen', code: 'bgr' }]);
}
const studentNames = (s: ProjectedStudent) => [s.givenName, s.familyName, fullName(s)];

const INTERN = 'INTERN-';

const consentOf = (state: Consent['state']): Consent => ({
  state,
  label: state,
  blocking: state === 'missing' || state === 'refused',
  partners: [],
});

function field(key: string, text: string, audience: 'intern' | 'ouders'): FieldView {
  return { field: key, text, audience, revision: 1, updatedBy: 'Anna Wolters', updatedAt: '2026-11-12T13:00:00.000Z' };
}

function action(over: Partial<ActionView> & Pick<ActionView, 'id' | 'what' | 'itemId'>): ActionView {
  return {
    number: '4.1',
    origin: '4.1 uit IOT 12-11-2026',
    meetingId: 'm1',
    studentId: null,
    caseName: null,
    className: null,
    holder: { kind: 'staff', staffId: 's-bgr', partnerId: null },
    holderLabel: 'bgr — Bram Groen',
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
    meetingDate: '2026-11-12',
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

function caseItem(id: string, number: number | null, student: ProjectedStudent & { id: string }, over: Partial<ItemView> = {}): ItemView {
  return item({
    id,
    number,
    kind: 'casus',
    title: fullName(student),
    studentId: student.id,
    caseName: fullName(student),
    className: student.className,
    origin: 'handmatig',
    consent: consentOf('intern'),
    ...over,
  });
}

/** The IOT with two cases in full: parents' text, intern text, guardians' and the other student's names in it. */
function standardItems(): ItemView[] {
  return [
    item({ id: 'i-opening', number: 1, kind: 'opening', title: 'Opening' }),
    item({
      id: 'i-mededelingen',
      number: 2,
      kind: 'mededelingen',
      title: 'Mededelingen',
      fields: [field('notities', `${INTERN}ziekmelding collega`, 'intern')],
    }),
    caseItem('i-jesse', 3, jesse, {
      start: '13:45',
      decision: 'basisondersteuning',
      fields: [
        field('vraag', 'Gerdien Oosterhuis vraagt of Jesse de Vries naast Sara in de huiswerkklas kan.', 'ouders'),
        field('bespreking', `${INTERN}thuis speelt een scheiding`, 'intern'),
        field('besluit', 'Twee keer per week naar de huiswerkklas.', 'ouders'),
        field('informeren', `${INTERN}mentor belt Hendrik Zwanenburg`, 'intern'),
      ],
      actions: [
        action({ id: 'a1', itemId: 'i-jesse', what: 'Huiswerkklas regelen met Gerdien' }),
        action({ id: 'a2', itemId: 'i-jesse', what: `${INTERN}verzuim melden`, audience: 'intern' }),
        action({ id: 'a3', itemId: 'i-jesse', what: 'Vervallen afspraak', status: 'vervallen' }),
        action({
          id: 'a4',
          itemId: 'i-jesse',
          what: 'Rooster doorsturen',
          holder: { kind: 'partner', staffId: null, partnerId: 'p1' },
          holderLabel: 'Leerplicht Utrecht',
          due: { kind: 'volgende-overleg' },
        }),
        action({
          id: 'a5',
          itemId: 'i-jesse',
          what: 'Zelf plannen maken',
          holder: { kind: 'leerling', staffId: null, partnerId: null },
          holderLabel: 'Leerling',
          due: null,
        }),
      ],
    }),
    caseItem('i-sara', 4, sara, {
      start: '13:55',
      fields: [
        field('vraag', `${INTERN}Sara Bakker mist vaak de bus`, 'intern'),
        field('besluit', `${INTERN}Ilse Kroonenberg bellen`, 'intern'),
      ],
      decision: 'extern',
      actions: [action({ id: 'a6', itemId: 'i-sara', what: 'Buddy zoeken voor Sara' })],
    }),
    item({
      id: 'i-besloten',
      number: 5,
      kind: 'overig',
      title: 'Gesprek met Tobias Wijnands over Sara',
      confidential: true,
    }),
    item({ id: 'i-vervallen', number: null, kind: 'overig', title: 'Vervallen punt', change: 'vervallen' }),
    item({ id: 'i-rondvraag', number: 6, kind: 'rondvraag', title: 'Rondvraag' }),
  ];
}

function factsWith(list: ItemView[], over: Partial<ProjectorFacts> = {}): ProjectorFacts {
  return {
    schoolName: 'Het Testlyceum',
    meeting: { title: 'IOT', seriesName: 'IOT', date: '2026-11-12', startTime: '13:30', location: 'Vergaderkamer' },
    items: list,
    students: new Map([jesse, sara].map((s) => [s.id, s])),
    index: vaultIndex(),
    staffNames: new Map([['s-bgr', 'Bram Groen']]),
    withExternals: false,
    ...over,
  };
}

const presentable = (list: ItemView[]): PresentableItem[] => list.map((i) => ({ id: i.id, lapsed: i.change === 'vervallen' }));

/** A presentation of these items at one item, with the switches as given. */
function presentingAt(list: ItemView[], itemId: string, over: Partial<Presentation> = {}): Presentation {
  const start = startPresenting('m1', 'u1', presentable(list), 0);
  return { ...applyCommand(start, { command: 'goTo', itemId }, presentable(list), 0), ...over };
}

function agendaScreen(screen: ProjectorScreen): AgendaScreen {
  if (screen.state !== 'agenda') throw new Error(`expected the agenda, got ${screen.state}`);
  return screen;
}

const project = (list: ItemView[], itemId: string, over: Partial<Presentation> = {}, facts: Partial<ProjectorFacts> = {}) =>
  agendaScreen(projectorScreen(factsWith(list, facts), presentingAt(list, itemId, over)));

// ---------------------------------------------------------------------------------------------

describe('projectorScreen: the agenda', () => {
  it('lists the items still on the agenda with number and start, students by initials and class, and the current one marked', () => {
    const screen = project(standardItems(), 'i-opening');
    expect(screen.schoolName).toBe('Het Testlyceum');
    expect(screen.meeting).toEqual({ title: 'IOT', date: '2026-11-12', startTime: '13:30', location: 'Vergaderkamer' });
    expect(screen.guestsPresent).toBe(false);
    expect(screen.items).toEqual([
      { number: 1, start: '13:30', title: 'Opening', current: true },
      { number: 2, start: '13:30', title: 'Mededelingen', current: false },
      { number: 3, start: '13:45', title: 'J.d.V., 2B', current: false },
      { number: 4, start: '13:55', title: 'S.B., 3C', current: false },
      { number: 5, start: '13:30', title: 'Besloten punt', current: false },
      { number: 6, start: '13:30', title: 'Rondvraag', current: false },
    ]);
    expect(screen.current).toEqual({ number: 1, title: 'Opening', isCase: false, question: null, minutes: null });
    const json = JSON.stringify(screen);
    for (const name of [...studentNames(jesse), ...studentNames(sara), ...allGuardianNames]) expect(json).not.toContain(name);
  });

  it("shows the current case by initials with the parents' question, scrubbed of every name", () => {
    const screen = project(standardItems(), 'i-jesse');
    expect(screen.current).toEqual({
      number: 3,
      title: 'J.d.V., 2B',
      isCase: true,
      // The guardian's, the student's own and the other student's name all give way.
      question: '[naam] vraagt of [naam] naast [naam] in de huiswerkklas kan.',
      minutes: null,
    });
    expect(screen.items.find((i) => i.current)?.title).toBe('J.d.V., 2B');
  });

  it("keeps the named student's surname when a parent shares it, and scrubs the parent's own given name", () => {
    const list = [
      caseItem('i-jesse', 1, jesse, {
        fields: [field('vraag', 'Kan Jesse de Vries extra hulp krijgen? Vraag van Gerdien Vries.', 'ouders')],
      }),
    ];
    const sharing = { index: vaultIndex({ [jesse.id]: ['Gerdien', 'Vries'] }) };
    // The parent's name as a whole goes; the student's own stays when shown.
    expect(project(list, 'i-jesse', { showNames: true }, sharing).current?.question).toBe(
      'Kan Jesse de Vries extra hulp krijgen? Vraag van [naam].',
    );
    expect(project(list, 'i-jesse', {}, sharing).current?.question).toBe('Kan [naam] extra hulp krijgen? Vraag van [naam].');
  });

  it('shows no question that is intern (as one prefilled from the intake is) or empty', () => {
    expect(project(standardItems(), 'i-sara').current?.question).toBeNull();
    const blank = [caseItem('i-jesse', 1, jesse, { fields: [field('vraag', '   ', 'ouders')] })];
    expect(project(blank, 'i-jesse').current?.question).toBeNull();
  });

  it('names students in full only with the switch on and only where the consent gate lets the case through', () => {
    const list = standardItems().map((i) => (i.id === 'i-sara' ? { ...i, consent: consentOf('missing') } : i));
    const named = project(list, 'i-jesse', { showNames: true });
    expect(named.items.map((i) => i.title)).toContain('Jesse de Vries, 2B');
    expect(named.items.map((i) => i.title)).toContain('S.B., 3C');
    expect(named.current?.title).toBe('Jesse de Vries, 2B');
    // Jesse's own name may stay in his question; Sara's and the guardian's may not.
    expect(named.current?.question).toBe('[naam] vraagt of Jesse de Vries naast [naam] in de huiswerkklas kan.');
    const json = JSON.stringify(named);
    for (const name of [...studentNames(sara), ...allGuardianNames]) expect(json).not.toContain(name);

    // The case without consent keeps initials when it is current, and its question loses the name.
    const saraCurrent = project(
      list.map((i) => (i.id === 'i-sara' ? { ...i, fields: [field('vraag', 'Sara Bakker zoekt een buddy.', 'ouders')] } : i)),
      'i-sara',
      { showNames: true },
    );
    expect(saraCurrent.current).toMatchObject({ title: 'S.B., 3C', question: '[naam] zoekt een buddy.' });
    expect(JSON.stringify(saraCurrent)).not.toContain('Sara');

    for (const state of ['ok', 'intern'] as const) {
      const ok = list.map((i) => (i.id === 'i-sara' ? { ...i, consent: consentOf(state) } : i));
      expect(project(ok, 'i-sara', { showNames: true }).current?.title, state).toBe('Sara Bakker, 3C');
    }
    for (const state of ['missing', 'refused', 'route', 'geen-overleg'] as const) {
      const blocked = list.map((i) => (i.id === 'i-sara' ? { ...i, consent: consentOf(state) } : i));
      expect(project(blocked, 'i-sara', { showNames: true }).current?.title, state).toBe('S.B., 3C');
    }
  });

  it('keeps the label of an anonymous case and leaves out the class when there is none', () => {
    const list = [
      item({
        id: 'i-anon',
        number: 1,
        kind: 'casus',
        title: 'Leerling uit leerjaar 2',
        caseName: 'Leerling uit leerjaar 2',
        className: '',
        consent: consentOf('anoniem'),
      }),
      caseItem('i-jesse', 2, { ...jesse, className: '' }),
    ];
    const screen = project(list, 'i-anon', {}, { students: new Map([[jesse.id, { ...jesse, className: '' }]]) });
    expect(screen.items.map((i) => i.title)).toEqual(['Leerling uit leerjaar 2', 'J.d.V.']);
  });

  it('leaves out lapsed items and moves on when the current item lapses', () => {
    const list = standardItems();
    const presentation = presentingAt(list, 'i-jesse');
    const lapsed = list.map((i) => (i.id === 'i-jesse' ? { ...i, change: 'vervallen' as const, number: null } : i));
    const screen = agendaScreen(projectorScreen(factsWith(lapsed), presentation));
    expect(screen.items.map((i) => i.title)).not.toContain('Vervallen punt');
    expect(screen.items.map((i) => i.title)).not.toContain('J.d.V., 2B');
    expect(screen.current?.title).toBe('S.B., 3C');
    expect(screen.items.filter((i) => i.current).map((i) => i.number)).toEqual([4]);
  });

  it("names a meeting by its series, and scrubs a one-off meeting's title", () => {
    const screen = project(
      standardItems(),
      'i-opening',
      {},
      {
        meeting: {
          title: 'Overleg over Jesse de Vries',
          seriesName: null,
          date: '2026-11-12',
          startTime: '09:00',
          location: 'Kamer 4',
        },
      },
    );
    expect(screen.meeting).toEqual({
      title: 'Overleg over [naam]',
      date: '2026-11-12',
      startTime: '09:00',
      location: 'Kamer 4',
    });
  });
});

describe('projectorScreen: besloten items', () => {
  it("reads 'Besloten punt' until it is current, then shows its title scrubbed of names", () => {
    const list = standardItems();
    expect(project(list, 'i-jesse').items.find((i) => i.number === 5)?.title).toBe('Besloten punt');
    const current = project(list, 'i-besloten');
    expect(current.current?.title).toBe('Gesprek met [naam] over [naam]');
    expect(current.items.find((i) => i.current)?.title).toBe('Gesprek met [naam] over [naam]');
  });

  it('hides a besloten case behind the same words', () => {
    const list = standardItems().map((i) => (i.id === 'i-sara' ? { ...i, confidential: true } : i));
    const titles = project(list, 'i-jesse').items.map((i) => i.title);
    expect(titles).toContain('Besloten punt');
    expect(titles).not.toContain('S.B., 3C');
    expect(project(list, 'i-sara').current?.title).toBe('S.B., 3C');
  });
});

describe('projectorScreen: guests in the room', () => {
  it('lists only the current item when the current item has guests', () => {
    const list = standardItems().map((i) =>
      i.id === 'i-jesse' ? { ...i, guests: [{ kind: 'ouders' as const, name: 'Gerdien Oosterhuis' }] } : i,
    );
    const screen = project(list, 'i-jesse');
    expect(screen.guestsPresent).toBe(true);
    expect(screen.items).toEqual([{ number: 3, start: '13:45', title: 'J.d.V., 2B', current: true }]);
    const json = JSON.stringify(screen);
    for (const other of ['S.B.', 'Besloten punt', 'Mededelingen', 'Gerdien', 'Oosterhuis']) expect(json).not.toContain(other);
    // The guests of one item do not hide the agenda while another item is discussed.
    const other = project(list, 'i-sara');
    expect(other.guestsPresent).toBe(false);
    expect(other.items).toHaveLength(6);
  });

  it('lists only the current item throughout a meeting with external partners', () => {
    for (const at of ['i-opening', 'i-sara', 'i-rondvraag']) {
      const screen = project(standardItems(), at, {}, { withExternals: true });
      expect(screen.guestsPresent).toBe(true);
      expect(screen.items).toHaveLength(1);
      expect(screen.items[0]?.current).toBe(true);
    }
    expect(JSON.stringify(project(standardItems(), 'i-sara', {}, { withExternals: true }))).not.toContain('J.d.V.');
  });
});

describe('projectorScreen: the minutes of the current item', () => {
  it("are not shown until switched on, then show the parents' decision and actions only", () => {
    expect(project(standardItems(), 'i-jesse').current?.minutes).toBeNull();
    const screen = project(standardItems(), 'i-jesse', { showMinutes: true });
    expect(screen.current?.minutes).toEqual({
      decision: decisionLabels.basisondersteuning,
      decisionText: 'Twee keer per week naar de huiswerkklas.',
      actions: [
        { what: 'Huiswerkklas regelen met [naam]', holder: 'Bram Groen', due: '2026-11-20' },
        { what: 'Rooster doorsturen', holder: 'Leerplicht Utrecht', due: 'volgende-overleg' },
        { what: 'Zelf plannen maken', holder: 'Leerling', due: null },
      ],
    });
    expect(JSON.stringify(screen)).not.toContain(INTERN);
    expect(JSON.stringify(screen)).not.toContain('Vervallen afspraak');
  });

  it('hide the decision and its text when the decision paragraph is intern', () => {
    const screen = project(standardItems(), 'i-sara', { showMinutes: true });
    expect(screen.current?.minutes).toEqual({
      decision: null,
      decisionText: null,
      actions: [{ what: 'Buddy zoeken voor [naam]', holder: 'Bram Groen', due: '2026-11-20' }],
    });
    expect(JSON.stringify(screen)).not.toContain(INTERN);
  });

  it('never carry intern text of any item, whatever the switches', () => {
    for (const itemId of ['i-opening', 'i-mededelingen', 'i-jesse', 'i-sara', 'i-besloten', 'i-rondvraag']) {
      for (const showNames of [false, true]) {
        const json = JSON.stringify(project(standardItems(), itemId, { showMinutes: true, showNames }));
        expect(json, itemId).not.toContain(INTERN);
        for (const name of allGuardianNames) expect(json, `${itemId}: ${name}`).not.toContain(name);
      }
    }
  });
});

describe('projectorScreen: black and white', () => {
  it('carry nothing but the colour', () => {
    const list = standardItems();
    const black = applyCommand(
      presentingAt(list, 'i-jesse', { showNames: true, showMinutes: true }),
      { command: 'black' },
      presentable(list),
      1,
    );
    expect(projectorScreen(factsWith(list), black)).toEqual({ state: 'zwart' });
    expect(projectorScreen(factsWith(list), { ...black, screen: 'wit' })).toEqual({ state: 'wit' });
  });
});

// ---------------------------------------------------------------------------------------------
// The same rules for any agenda and any way the chair got there

const NUM_RUNS = 300;

/** Words a text may hold: every name that must not leak, and harmless ones. */
const wordArb = fc.constantFrom(
  ...allGuardianNames,
  ...studentNames(jesse),
  ...studentNames(sara),
  'en',
  'de',
  'huiswerk',
  'afspraak',
  'klas',
  'mentor',
);
const textArb = fc.array(wordArb, { minLength: 0, maxLength: 6 }).map((w) => w.join(' '));
const audienceArb = fc.constantFrom<'intern' | 'ouders'>('intern', 'ouders');
const consentArb = fc.constantFrom<Consent['state']>('ok', 'missing', 'refused', 'intern', 'anoniem', 'route', 'geen-overleg');

/** Intern text carries the marker, so a leak shows; parents' text is just words. */
const fieldArb = (key: string, n: number) =>
  fc
    .record({ audience: audienceArb, text: textArb })
    .map(({ audience, text }) => field(key, audience === 'intern' ? `${INTERN}${key}${n} ${text}` : text, audience));

const actionShapeArb = fc.record({
  audience: audienceArb,
  text: textArb,
  status: fc.constantFrom<ActionView['status']>('concept', 'open', 'gedaan', 'vervallen'),
});

const itemShapeArb = fc.record({
  lapsed: fc.boolean(),
  confidential: fc.boolean(),
  guests: fc.boolean(),
  consent: consentArb,
  decision: fc.constantFrom<ItemView['decision']>(null, 'basisondersteuning', 'extern'),
  fields: fc.tuple(
    fieldArb('vraag', 0),
    fieldArb('bespreking', 1),
    fieldArb('besluit', 2),
    fieldArb('informeren', 3),
    fieldArb('reactie', 4),
  ),
  notes: fieldArb('notities', 9),
  actions: fc.array(actionShapeArb, { maxLength: 3 }),
  title: textArb,
});

/** Opening, a case for each student, a free item and the rondvraag, each shaped at random. */
const agendaArb = fc.array(itemShapeArb, { minLength: 5, maxLength: 5 }).map((shapes) => {
  let number = 0;
  return shapes.map((s, i): ItemView => {
    const id = `i${i}`;
    const common = {
      id,
      number: s.lapsed ? null : ++number,
      confidential: s.confidential,
      guests: s.guests ? [{ kind: 'ouders' as const, name: allGuardianNames[0]! }] : [],
      change: s.lapsed ? ('vervallen' as const) : null,
      decision: s.decision,
      actions: s.actions.map((a, n) =>
        action({
          id: `${id}-a${n}`,
          itemId: id,
          what: a.audience === 'intern' ? `${INTERN}actie${n} ${a.text}` : `Actie ${a.text}`,
          audience: a.audience,
          status: a.status,
        }),
      ),
    };
    if (i === 1 || i === 2) {
      return caseItem(id, common.number, i === 1 ? jesse : sara, {
        ...common,
        consent: consentOf(s.consent),
        fields: s.fields,
      });
    }
    const kind = i === 0 ? 'opening' : i === 3 ? 'overig' : 'rondvraag';
    return item({ ...common, kind, title: s.title, fields: [s.notes] });
  });
});

const commandArb = fc.oneof(
  fc.constant<PresentationCommand>({ command: 'next' }),
  fc.constant<PresentationCommand>({ command: 'previous' }),
  fc.constantFrom('i0', 'i1', 'i2', 'i3', 'i4', 'onbekend').map((itemId): PresentationCommand => ({ command: 'goTo', itemId })),
  fc.constant<PresentationCommand>({ command: 'black' }),
  fc.constant<PresentationCommand>({ command: 'white' }),
  fc.constant<PresentationCommand>({ command: 'timer' }),
  fc.boolean().map((show): PresentationCommand => ({ command: 'names', show })),
  fc.boolean().map((show): PresentationCommand => ({ command: 'minutes', show })),
);

describe('projectorScreen: for any agenda and any keys pressed', () => {
  it('never shows intern text or a guardian, names only a case let through with the switch on, and hides other items with guests', () => {
    fc.assert(
      fc.property(agendaArb, fc.array(commandArb, { maxLength: 12 }), fc.boolean(), (list, commands, withExternals) => {
        const steps = presentable(list);
        const state = commands.reduce((s, c, n) => applyCommand(s, c, steps, n * 1000), startPresenting('m1', 'u1', steps, 0));
        const screen = projectorScreen(factsWith(list, { withExternals }), state);
        const json = JSON.stringify(screen);

        expect(json).not.toContain(INTERN);
        for (const name of allGuardianNames) expect(json).not.toContain(name);
        if (screen.state !== 'agenda') {
          expect(screen).toEqual({ state: screen.state });
          return;
        }
        const current = list.find((i) => i.id === currentItem(state, steps));
        for (const [student, caseItemOfStudent] of [
          [jesse, list[1]!],
          [sara, list[2]!],
        ] as const) {
          const named = state.showNames && (['ok', 'intern'] as string[]).includes(caseItemOfStudent.consent?.state ?? '');
          const shownAsCase = caseItemOfStudent.change !== 'vervallen';
          // A student's name is on the screen only as their own case's title, with the switch on and consent.
          if (!named || !shownAsCase) for (const part of studentNames(student)) expect(json).not.toContain(part);
          // With guests in the room nothing of another case shows, not even its initials.
          if (screen.guestsPresent && current !== caseItemOfStudent) expect(json).not.toContain(initials(student));
          // A besloten case that is not current keeps its subject to itself.
          if (caseItemOfStudent.confidential && current !== caseItemOfStudent) expect(json).not.toContain(initials(student));
        }
        expect(screen.guestsPresent).toBe(withExternals || (current?.guests.length ?? 0) > 0);
        if (screen.guestsPresent) expect(screen.items.every((i) => i.current)).toBe(true);
        expect(screen.items.filter((i) => i.current)).toHaveLength(current ? 1 : 0);
        expect(screen.items).not.toContainEqual(expect.objectContaining({ number: null }));
        if (!state.showMinutes) expect(screen.current?.minutes ?? null).toBeNull();
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('who is in the room', () => {
  const mother = {
    person: 'guardian:g1',
    kind: 'guardian' as const,
    studentId: 's1',
    name: 'Marieke de Vries',
    relation: 'moeder',
  };
  it("counts parents marked present at their child's case as guests, like a guest named on the item", () => {
    expect(guestsInRoom({ guests: [], family: [{ ...mother, presence: 'aanwezig' }] }, false)).toBe(true);
    expect(guestsInRoom({ guests: [], family: [{ ...mother, presence: 'afwezig' }] }, false)).toBe(false);
    expect(guestsInRoom({ guests: [], family: [{ ...mother, presence: null }] }, false)).toBe(false);
    expect(guestsInRoom({ guests: [], family: [] }, true)).toBe(true);
  });
});
