import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodOutput } from '../../electron/app/contract';
import { initials } from '../../electron/features/people/names';
import { call, callError, newSchool } from '../helpers/backend';
import {
  acceptedIntake,
  apiError,
  auditOf,
  caseItemOf,
  documentsSchool,
  fullNameOf,
  intakeAnswers,
  jesse,
  sara,
  saveAction,
  switchUser,
  TODAY,
  type DocumentsSchool,
} from './documents-setup';

/**
 * Presenting a meeting through the real dispatcher: who may start and steer it, what the
 * projector receives (initials, never intern text, guardians or other cases with guests in the
 * room), the long-poll that wakes on a change or a lock, the chair's own notes and the audit log.
 * The clock is fixed (Monday 2 November 2026); only Date is faked, so the long-poll's timer is real.
 */

type Projector = MethodOutput<'presentation.projector'>;
type AgendaScreen = Extract<Projector, { state: 'agenda' }>;

const jesseName = fullNameOf(jesse);
const saraName = fullNameOf(sara);
const jesseInitials = `${initials(jesse)}, ${jesse.className}`;
const saraInitials = `${initials(sara)}, ${sara.className}`;
/** The guardians of both students (documents-setup): the mothers and fathers by given name. */
const guardianGivenNames = ['Marieke', 'Mark', 'Ilse', 'Tom'];
/** The words of the intake (intakeAnswers): the team's, never on the projector. */
const intakeWords = ['Is verwijzing naar leerplicht nodig?', 'vaak afwezig', 'slecht te slapen', '12 lesuren ongeoorloofd'];

/** A name as a word of its own, so "Tom" is not found in "Automatisch". */
const asWord = (name: string) => new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u');

function expectNoneOf(json: string, words: string[]) {
  for (const word of words) expect(json, word).not.toMatch(asWord(word));
}

function agendaOf(screen: Projector): AgendaScreen {
  if (screen.state !== 'agenda') throw new Error(`expected the agenda on the projector, got ${screen.state}`);
  return screen;
}

/** Lets pending callbacks run, so a promise that was going to settle has settled. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A promise and whether it has settled yet. */
function watched<T>(promise: Promise<T>) {
  const state = { settled: false };
  void promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

describe('presentation', () => {
  let school: DocumentsSchool;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
    school = await documentsSchool();
  });
  afterEach(() => {
    school.backend.lock();
    school.dir.cleanup();
    vi.useRealTimers();
  });

  const projector = (seen: string | null) => call(school.backend, 'presentation.projector', { seen });
  const control = (command: MethodInput<'presentation.control'>) => call(school.backend, 'presentation.control', command);

  /**
   * The IOT of 12 November: Jesse from an accepted intake (his question prefilled, so intern),
   * Sara added by hand, and a besloten item that names a guardian. Returns the agenda's items.
   */
  async function iotAgenda() {
    const { backend, meetingId } = school;
    await acceptedIntake(school, {
      studentId: school.jesseId,
      seriesId: school.iot,
      meetingId,
      answers: intakeAnswers(jesse.givenName),
    });
    await call(backend, 'agenda.create', { meetingId });
    await call(backend, 'agenda.addItem', {
      meetingId,
      kind: 'casus',
      studentId: school.saraId,
      intakeId: null,
      origin: 'handmatig',
    });
    const { id: beslotenId } = await call(backend, 'agenda.addItem', {
      meetingId,
      kind: 'overig',
      title: 'Klacht van Ilse Bakker',
    });
    await call(backend, 'agenda.updateItem', {
      id: beslotenId,
      title: 'Klacht van Ilse Bakker',
      presenterId: null,
      durationMinutes: 5,
      confidential: true,
      guests: [],
    });
    const items = (await call(backend, 'agenda.get', { meetingId })).items;
    const byId = (id: string) => items.find((i) => i.id === id)!;
    return {
      items,
      opening: items.find((i) => i.kind === 'opening')!,
      jesseItem: await caseItemOf(backend, meetingId, school.jesseId),
      saraItem: await caseItemOf(backend, meetingId, school.saraId),
      besloten: byId(beslotenId),
    };
  }

  /** The ZAT with Leerplicht at the table: Sara's parents consented, Jesse's did not. */
  async function zatAgenda() {
    const { backend, zatMeetingId } = school;
    for (const guardianId of [school.guardians.saraMother, school.guardians.saraFather]) {
      await call(backend, 'consent.record', {
        studentId: school.saraId,
        signer: { kind: 'guardian', guardianId },
        decision: 'given',
        purposes: ['bespreking'],
        partnerIds: [school.leerplicht],
        method: 'schriftelijk',
        informationGiven: 'Uitleg over het ZAT en leerplicht aan tafel.',
        givenOn: '2026-10-20',
        validUntil: null,
      });
    }
    await call(backend, 'agenda.create', { meetingId: zatMeetingId });
    await call(backend, 'agenda.addItem', {
      meetingId: zatMeetingId,
      kind: 'casus',
      studentId: school.jesseId,
      intakeId: null,
      origin: 'handmatig',
    });
    await call(backend, 'agenda.addItem', {
      meetingId: zatMeetingId,
      kind: 'casus',
      studentId: school.saraId,
      intakeId: null,
      origin: 'handmatig',
    });
    const jesseItem = await caseItemOf(backend, zatMeetingId, school.jesseId);
    const saraItem = await caseItemOf(backend, zatMeetingId, school.saraId);
    expect(jesseItem.consent?.state).toBe('missing');
    expect(saraItem.consent?.state).toBe('ok');
    return { jesseItem, saraItem };
  }

  async function addUser(name: string, staffCode: string, role: 'lid' | 'notulist' | 'voorzitter') {
    const passphrase = `wachtwoord van ${staffCode} hier`;
    const { id } = await call(school.backend, 'users.add', { name, staffCode, passphrase, roles: [role] });
    return { id, passphrase };
  }

  describe('start', () => {
    it('needs an agenda, and shows the first item with both switches off', async () => {
      const { backend, meetingId } = school;
      expect(await call(backend, 'presentation.state', {})).toBeNull();
      expect(await apiError(backend, 'presentation.start', { meetingId })).toMatchObject({
        code: 'VALIDATION',
        message: 'Dit overleg heeft nog geen agenda om te presenteren.',
      });
      expect((await apiError(backend, 'presentation.start', { meetingId: 'bestaat-niet' })).code).toBe('NOT_FOUND');
      expect(await call(backend, 'presentation.state', {})).toBeNull();

      const { opening } = await iotAgenda();
      const state = await call(backend, 'presentation.start', { meetingId });
      expect(state).toMatchObject({
        meetingId,
        itemId: opening.id,
        screen: 'agenda',
        showNames: false,
        showMinutes: false,
        withExternals: false,
        guestsPresent: false,
      });
      expect(state.timer.running).toBe(false);
      expect(await call(backend, 'presentation.state', {})).toEqual(state);
      const screen = agendaOf(await projector(null));
      expect(screen.current).toMatchObject({ number: opening.number, title: 'Opening', isCase: false });
    });

    it('is for agenda keepers only: a member is refused, a secretary may', async () => {
      const { backend, meetingId } = school;
      await iotAgenda();
      const member = await addUser('Lies Lid', 'lli', 'lid');
      const secretary = await addUser('Nina Notulist', 'nno', 'notulist');

      await switchUser(school, member.id, member.passphrase);
      expect((await apiError(backend, 'presentation.start', { meetingId })).code).toBe('FORBIDDEN');
      expect(await call(backend, 'presentation.state', {})).toBeNull();
      // Nor may a member steer one (the roles table), before anything is looked up.
      expect((await apiError(backend, 'presentation.control', { command: 'next' })).code).toBe('FORBIDDEN');

      await switchUser(school, secretary.id, secretary.passphrase);
      expect((await call(backend, 'presentation.start', { meetingId })).meetingId).toBe(meetingId);
    });

    it('ends when the vault locks: the next user finds nothing to steer, and the projector waits', async () => {
      const { backend, meetingId } = school;
      await iotAgenda();
      await call(backend, 'presentation.start', { meetingId });
      const chair = await addUser('Vera Voorzitter', 'vvo', 'voorzitter');
      await switchUser(school, chair.id, chair.passphrase);
      expect(await call(backend, 'presentation.state', {})).toBeNull();
      expect((await apiError(backend, 'presentation.control', { command: 'next' })).code).toBe('NOT_FOUND');
      expect((await projector(null)).state).toBe('wacht');
    });

    it('is logged, as is every switch of full names, without naming anyone', async () => {
      const { backend, meetingId } = school;
      await iotAgenda();
      await call(backend, 'presentation.start', { meetingId });
      await call(backend, 'presentation.showNames', { show: true });
      await call(backend, 'presentation.showNames', { show: false });
      // Steering is not logged.
      await control({ command: 'next' });

      const starts = auditOf(backend, 'presentation.start');
      expect(starts).toHaveLength(1);
      expect(starts[0]!.studentIds).toEqual([school.jesseId, school.saraId].sort());
      expect(starts[0]!.detail).toContain(meetingId);
      const switches = auditOf(backend, 'presentation.showNames');
      expect(switches).toHaveLength(2);
      expect(switches[0]!.detail).toContain('volledige namen');
      expect(switches[1]!.detail).toContain('initialen');
      expect(auditOf(backend, 'presentation.control')).toHaveLength(0);
      for (const line of [...starts, ...switches])
        expectNoneOf(line.detail ?? '', [jesse.givenName, jesse.familyName, sara.givenName, sara.familyName]);
    });
  });

  describe('control', () => {
    it('steps through the agenda, and the projector follows the chair', async () => {
      const { meetingId } = school;
      const { items, opening, jesseItem } = await iotAgenda();
      await call(school.backend, 'presentation.start', { meetingId });
      const second = items[1]!;

      expect((await control({ command: 'next' })).itemId).toBe(second.id);
      expect(agendaOf(await projector(null)).current?.number).toBe(second.number);
      expect((await control({ command: 'previous' })).itemId).toBe(opening.id);
      expect((await control({ command: 'previous' })).itemId).toBe(opening.id);
      expect(agendaOf(await projector(null)).current?.title).toBe('Opening');

      expect((await control({ command: 'goTo', itemId: jesseItem.id })).itemId).toBe(jesseItem.id);
      // An item that is not (or no longer) on this agenda is said so; the presentation stays where it was.
      expect((await callError(school.backend, 'presentation.control', { command: 'goTo', itemId: 'bestaat-niet' })).code).toBe('NOT_FOUND');
      expect((await call(school.backend, 'presentation.state', {}))?.itemId).toBe(jesseItem.id);
      const atJesse = agendaOf(await projector(null));
      expect(atJesse.current).toMatchObject({ number: jesseItem.number, title: jesseInitials, isCase: true });
      expect(atJesse.items.filter((i) => i.current).map((i) => i.number)).toEqual([jesseItem.number]);

      // Black hides everything; moving on brings the agenda back.
      expect((await control({ command: 'black' })).screen).toBe('zwart');
      const black = await projector(null);
      expect(black).toEqual({ state: 'zwart', version: black.version });
      const white = await control({ command: 'white' });
      expect(white.screen).toBe('wit');
      expect((await projector(null)).state).toBe('wit');
      const moved = await control({ command: 'next' });
      expect(moved.screen).toBe('agenda');
      expect(moved.itemId).not.toBe(jesseItem.id);

      const timer = await control({ command: 'timer' });
      expect(timer.timer.running).toBe(true);
      expect((await control({ command: 'timer' })).timer.running).toBe(false);
    });

    it('refuses the names switch as a plain command: it goes through the logged showNames only', async () => {
      const { backend, meetingId } = school;
      await iotAgenda();
      await call(backend, 'presentation.start', { meetingId });
      expect((await apiError(backend, 'presentation.control', { command: 'names', show: true })).code).toBe('VALIDATION');
      expect((await call(backend, 'presentation.state', {}))?.showNames).toBe(false);
    });

    it('stops: nothing to steer, and the projector waits', async () => {
      const { backend, meetingId } = school;
      await iotAgenda();
      await call(backend, 'presentation.start', { meetingId });
      expect(await call(backend, 'presentation.stop', {})).toBeNull();
      expect(await call(backend, 'presentation.state', {})).toBeNull();
      expect((await projector(null)).state).toBe('wacht');
      // Stopping twice is harmless.
      expect(await call(backend, 'presentation.stop', {})).toBeNull();
    });
  });

  describe('the projector', () => {
    it("shows initials, and of the minutes only the parents' question, decision and actions; nothing intern, no guardian", async () => {
      const { backend, meetingId } = school;
      const { jesseItem, saraItem, besloten } = await iotAgenda();
      await call(backend, 'minutes.saveField', {
        itemId: jesseItem.id,
        field: 'bespreking',
        text: 'Marieke de Vries en Mark de Vries gaan scheiden.',
        audience: 'intern',
        baseRevision: 0,
      });
      await call(backend, 'minutes.saveField', {
        itemId: jesseItem.id,
        field: 'besluit',
        text: 'Jesse gaat naar de huiswerkklas.',
        audience: 'ouders',
        baseRevision: 0,
      });
      await call(backend, 'minutes.setDecision', {
        itemId: jesseItem.id,
        decision: 'basisondersteuning',
        decided: true,
      });
      await saveAction(backend, {
        itemId: jesseItem.id,
        what: 'Huiswerkklas regelen met Marieke',
        holder: { kind: 'staff', staffId: school.bgr, partnerId: null },
        due: { kind: 'datum', date: '2026-11-20' },
        audience: 'ouders',
      });
      await saveAction(backend, {
        itemId: jesseItem.id,
        what: 'Verzuim melden bij leerplicht',
        holder: { kind: 'staff', staffId: school.awo, partnerId: null },
        due: { kind: 'datum', date: '2026-11-20' },
        audience: 'intern',
      });
      await call(backend, 'minutes.saveField', {
        itemId: saraItem.id,
        field: 'vraag',
        text: 'Tom Bakker vraagt om een buddy voor Sara.',
        audience: 'intern',
        baseRevision: 0,
      });

      await call(backend, 'presentation.start', { meetingId });
      await control({ command: 'minutes', show: true });
      for (const item of [jesseItem, saraItem, besloten]) {
        await control({ command: 'goTo', itemId: item.id });
        const json = JSON.stringify(await projector(null));
        expectNoneOf(json, [
          jesseName,
          saraName,
          jesse.givenName,
          jesse.familyName,
          sara.givenName,
          sara.familyName,
          ...guardianGivenNames,
        ]);
        for (const words of [...intakeWords, 'gaan scheiden', 'Verzuim melden bij leerplicht', 'Tom Bakker vraagt'])
          expect(json, words).not.toContain(words);
      }

      await control({ command: 'goTo', itemId: jesseItem.id });
      const atJesse = agendaOf(await projector(null));
      expect(atJesse.items.map((i) => i.title)).toEqual(expect.arrayContaining([jesseInitials, saraInitials, 'Besloten punt']));
      expect(atJesse.items.map((i) => i.title)).not.toContain('Klacht van [naam]');
      expect(atJesse.current).toEqual({
        number: jesseItem.number,
        title: jesseInitials,
        isCase: true,
        // Prefilled from the intake, the question is the team's until the secretary says otherwise.
        question: null,
        minutes: {
          decision: 'Basisondersteuning',
          decisionText: '[naam] gaat naar de huiswerkklas.',
          actions: [{ what: 'Huiswerkklas regelen met [naam]', holder: 'Bram Groen', due: '2026-11-20' }],
        },
      });

      // Marked for parents, the question shows, scrubbed of the guardian's and the students' names.
      const draft = await caseItemOf(backend, meetingId, school.jesseId);
      const vraag = draft.fields.find((f) => f.field === 'vraag')!;
      await call(backend, 'minutes.saveField', {
        itemId: jesseItem.id,
        field: 'vraag',
        text: 'Marieke wil weten of Jesse naast Sara mag zitten.',
        audience: 'ouders',
        baseRevision: vraag.revision,
      });
      expect(agendaOf(await projector(null)).current?.question).toBe('[naam] wil weten of [naam] naast [naam] mag zitten.');

      // A besloten item shows its title when it is current, without the guardian's name.
      await control({ command: 'goTo', itemId: besloten.id });
      expect(agendaOf(await projector(null)).current?.title).toBe('Klacht van [naam]');
    });

    it('names a student in full only after the chair switches names on, at an internal meeting', async () => {
      const { backend, meetingId } = school;
      const { jesseItem } = await iotAgenda();
      await call(backend, 'presentation.start', { meetingId });
      await control({ command: 'goTo', itemId: jesseItem.id });
      expect(JSON.stringify(await projector(null))).not.toContain(jesseName);

      const named = await call(backend, 'presentation.showNames', { show: true });
      expect(named.showNames).toBe(true);
      const screen = agendaOf(await projector(null));
      expect(screen.current?.title).toBe(`${jesseName}, ${jesse.className}`);
      expect(screen.items.map((i) => i.title)).toContain(`${saraName}, ${sara.className}`);
      // Guardians stay out, names or not.
      expectNoneOf(JSON.stringify(screen), guardianGivenNames);

      await call(backend, 'presentation.showNames', { show: false });
      const back = JSON.stringify(await projector(null));
      expect(back).toContain(jesseInitials);
      expect(back).not.toContain(jesseName);
    });

    it('lists only the current item at a meeting with external partners, and names only the case with consent', async () => {
      const { backend, zatMeetingId } = school;
      const { jesseItem, saraItem } = await zatAgenda();
      const state = await call(backend, 'presentation.start', { meetingId: zatMeetingId });
      expect(state).toMatchObject({ withExternals: true, guestsPresent: true });
      await call(backend, 'presentation.showNames', { show: true });

      const opening = agendaOf(await projector(null));
      expect(opening.guestsPresent).toBe(true);
      expect(opening.items).toEqual([expect.objectContaining({ title: 'Opening', current: true })]);

      await control({ command: 'goTo', itemId: saraItem.id });
      const atSara = agendaOf(await projector(null));
      expect(atSara.items).toEqual([
        { number: saraItem.number, start: saraItem.start, title: `${saraName}, ${sara.className}`, current: true },
      ]);
      expectNoneOf(JSON.stringify(atSara), [jesse.givenName, jesse.familyName]);
      expect(JSON.stringify(atSara)).not.toContain(initials(jesse));

      // No consent for Jesse at the ZAT: initials, whatever the switch says.
      await control({ command: 'goTo', itemId: jesseItem.id });
      const atJesse = agendaOf(await projector(null));
      expect(atJesse.items).toEqual([{ number: jesseItem.number, start: jesseItem.start, title: jesseInitials, current: true }]);
      expect(atJesse.current?.title).toBe(jesseInitials);
      expectNoneOf(JSON.stringify(atJesse), [jesse.givenName, jesse.familyName, sara.givenName, sara.familyName]);
    });

    it('lists only the current item while its guests are in the room', async () => {
      const { backend, meetingId } = school;
      const { jesseItem, saraItem } = await iotAgenda();
      await call(backend, 'agenda.updateItem', {
        id: jesseItem.id,
        title: jesseItem.title,
        presenterId: jesseItem.presenter?.id ?? null,
        durationMinutes: jesseItem.durationMinutes,
        confidential: false,
        guests: [{ kind: 'ouders', name: 'Marieke de Vries' }],
      });
      await call(backend, 'presentation.start', { meetingId });
      const atJesse = await control({ command: 'goTo', itemId: jesseItem.id });
      expect(atJesse).toMatchObject({ withExternals: false, guestsPresent: true });
      const screen = agendaOf(await projector(null));
      expect(screen.items).toEqual([expect.objectContaining({ title: jesseInitials, current: true })]);
      expect(JSON.stringify(screen)).not.toContain(saraInitials);
      expectNoneOf(JSON.stringify(screen), ['Marieke']);

      expect((await control({ command: 'goTo', itemId: saraItem.id })).guestsPresent).toBe(false);
      expect(agendaOf(await projector(null)).items.length).toBeGreaterThan(1);
    });
  });

  describe('the long-poll', () => {
    it('answers at once when its version is outdated, and waits for the next change otherwise', async () => {
      const { backend, meetingId } = school;
      const { jesseItem } = await iotAgenda();
      await call(backend, 'presentation.start', { meetingId });
      await control({ command: 'goTo', itemId: jesseItem.id });
      await control({ command: 'minutes', show: true });
      const first = await projector(null);
      expect((await projector('verouderd')).version).toBe(first.version);

      const poll = projector(first.version);
      const pending = watched(poll);
      // A read, however answered, changes nothing the projector shows.
      await call(backend, 'presentation.state', {});
      await call(backend, 'minutes.get', { meetingId });
      await settle();
      expect(pending.settled).toBe(false);

      // The secretary types an action for the parents: the projector shows it.
      await saveAction(backend, {
        itemId: jesseItem.id,
        what: 'Huiswerkklas regelen',
        holder: { kind: 'staff', staffId: school.bgr, partnerId: null },
        due: { kind: 'datum', date: '2026-11-20' },
        audience: 'ouders',
      });
      const next = agendaOf(await poll);
      expect(next.version).not.toBe(first.version);
      expect(next.current?.minutes?.actions).toEqual([{ what: 'Huiswerkklas regelen', holder: 'Bram Groen', due: '2026-11-20' }]);
    });

    it('wakes when the chair moves on, and when the current item lapses from a sent agenda', async () => {
      const { backend, meetingId } = school;
      const { jesseItem, saraItem } = await iotAgenda();
      await call(backend, 'agenda.setProgress', { meetingId, progress: 'agenda-verstuurd' });
      await call(backend, 'presentation.start', { meetingId });
      await control({ command: 'goTo', itemId: jesseItem.id });
      const atJesse = await projector(null);

      const moved = projector(atJesse.version);
      await control({ command: 'next' });
      const atSara = agendaOf(await moved);
      expect(atSara.current?.title).toBe(saraInitials);

      const lapse = projector(atSara.version);
      await call(backend, 'agenda.removeItem', { id: saraItem.id });
      const after = agendaOf(await lapse);
      expect(after.current?.title).not.toBe(saraInitials);
      expect(after.items.map((i) => i.title)).not.toContain(saraInitials);
      // The console agrees with the projector.
      const state = await call(backend, 'presentation.state', {});
      expect(after.items.find((i) => i.current)?.number).toBe(
        (await call(backend, 'agenda.get', { meetingId })).items.find((i) => i.id === state?.itemId)?.number,
      );
    });

    it("answers 'vergrendeld' when the vault locks during the wait, and 'wacht' after unlocking", async () => {
      const { backend, meetingId } = school;
      await iotAgenda();
      await call(backend, 'presentation.start', { meetingId });
      const first = await projector(null);
      const poll = projector(first.version);
      await call(backend, 'vault.lock', {});
      const locked = await poll;
      expect(locked.state).toBe('vergrendeld');
      expect(Object.keys(locked).sort()).toEqual(['state', 'version']);
      expect((await apiError(backend, 'presentation.projector', { seen: null })).code).toBe('LOCKED');

      await call(backend, 'vault.unlock', {
        environmentId: school.environmentId,
        userId: school.coordinatorUserId,
        passphrase: newSchool.passphrase,
      });
      expect(await call(backend, 'presentation.state', {})).toBeNull();
      const waiting = await projector(null);
      expect(waiting.state).toBe('wacht');

      // Starting again wakes a projector that waits.
      const poll2 = projector(waiting.version);
      await call(backend, 'presentation.start', { meetingId });
      expect((await poll2).state).toBe('agenda');
    });

    it("answers 'vergrendeld' when the vault locks while nothing is presented, also when the app locks it on quitting", async () => {
      const { backend } = school;
      const waiting = await projector(null);
      expect(waiting.state).toBe('wacht');
      const poll = projector(waiting.version);
      await call(backend, 'vault.lock', {});
      expect((await poll).state).toBe('vergrendeld');

      await call(backend, 'vault.unlock', {
        environmentId: school.environmentId,
        userId: school.coordinatorUserId,
        passphrase: newSchool.passphrase,
      });
      const again = await projector(null);
      const quitting = projector(again.version);
      // Quitting locks the backend directly, not through the dispatcher.
      backend.lock();
      expect((await quitting).state).toBe('vergrendeld');
    });
  });

  describe("the chair's notes", () => {
    it('are per user, for keepers only, and never on the projector', async () => {
      const { backend, meetingId } = school;
      const { jesseItem, saraItem } = await iotAgenda();
      const secretary = await addUser('Nina Notulist', 'nno', 'notulist');
      const member = await addUser('Lies Lid', 'lli', 'lid');

      const note = 'Vragen naar de slaap, voorzichtig met de scheiding';
      await call(backend, 'presentation.saveNote', { itemId: jesseItem.id, text: note });
      await call(backend, 'presentation.saveNote', { itemId: saraItem.id, text: 'Buddy?' });
      await call(backend, 'presentation.saveNote', { itemId: saraItem.id, text: 'Buddy gevonden?' });
      expect(await call(backend, 'presentation.notes', { meetingId })).toEqual(
        expect.arrayContaining([
          { itemId: jesseItem.id, text: note },
          { itemId: saraItem.id, text: 'Buddy gevonden?' },
        ]),
      );
      expect(await call(backend, 'presentation.notes', { meetingId })).toHaveLength(2);

      await call(backend, 'presentation.start', { meetingId });
      for (const itemId of [jesseItem.id, saraItem.id]) {
        await control({ command: 'goTo', itemId });
        await control({ command: 'minutes', show: true });
        const json = JSON.stringify(await projector(null));
        expect(json).not.toContain('slaap');
        expect(json).not.toContain('Buddy');
      }

      await switchUser(school, secretary.id, secretary.passphrase);
      expect(await call(backend, 'presentation.notes', { meetingId })).toEqual([]);
      await call(backend, 'presentation.saveNote', { itemId: jesseItem.id, text: 'Eigen notitie' });
      expect(await call(backend, 'presentation.notes', { meetingId })).toEqual([{ itemId: jesseItem.id, text: 'Eigen notitie' }]);

      await switchUser(school, member.id, member.passphrase);
      expect((await apiError(backend, 'presentation.saveNote', { itemId: jesseItem.id, text: 'Mag niet' })).code).toBe('FORBIDDEN');
      expect(await call(backend, 'presentation.notes', { meetingId })).toEqual([]);

      await switchUser(school, school.coordinatorUserId, newSchool.passphrase);
      // An empty note is no note.
      await call(backend, 'presentation.saveNote', { itemId: saraItem.id, text: '  ' });
      expect(await call(backend, 'presentation.notes', { meetingId })).toEqual([{ itemId: jesseItem.id, text: note }]);
      expect((await apiError(backend, 'presentation.saveNote', { itemId: 'bestaat-niet', text: 'x' })).code).toBe('NOT_FOUND');
    });
  });
});
