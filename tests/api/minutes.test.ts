import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/api/context';
import type { MethodInput } from '../../electron/app/contract';
import { call, callError, makeBackend, newSchool, tempDir } from '../helpers/backend';

/**
 * A meeting from agenda to fixed minutes through the real dispatcher: the agenda is made from the
 * template and the accepted intakes, the secretary takes minutes and agrees actions, the open
 * actions come back at the series' next meeting, and fixed minutes only take addenda.
 * The clock is fixed (Monday 2 November 2026), so no test depends on the day it runs.
 */
const TODAY = new Date(2026, 10, 2, 10, 0, 0);

describe('agenda, minutes and actions', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  let studentId: string;
  let otherStudentId: string;
  let ggd: string;
  let awo: string;
  let bgr: string;
  let iot: string;
  let meetingId: string;
  let nextMeetingId: string;
  let intakeId: string;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
    dir = tempDir();
    backend = makeBackend(dir.path);
    await call(backend, 'vault.create', newSchool);
    const staff = await call(backend, 'staff.list', {});
    awo = staff.find((s) => s.code === 'awo')!.id;
    bgr = (
      await call(backend, 'staff.save', {
        id: null,
        name: 'Bram Groen',
        code: 'bgr',
        functions: ['LLCO'],
        email: '',
        active: true,
      })
    ).id;
    ggd = (
      await call(backend, 'partners.save', {
        id: null,
        organisation: 'GGD jeugdarts',
        kind: 'ggd',
        contactName: '',
        email: '',
        phone: '',
        active: true,
      })
    ).id;
    const student = (givenName: string, familyName: string, studentNumber: string) =>
      call(backend, 'students.save', {
        id: null,
        studentNumber,
        givenName,
        infix: '',
        familyName,
        birthDate: '2012-03-10',
        className: '2B',
        yearLevel: 2,
        level: 'havo',
        mentorId: null,
      });
    studentId = (await student('Daan', 'Vries', '700101')).id;
    otherStudentId = (await student('Sara', 'Bakker', '700102')).id;
    iot = (
      await call(backend, 'series.save', {
        id: null,
        name: 'IOT',
        kind: 'IOT',
        intervalWeeks: 5,
        weekday: 4,
        startTime: '13:30',
        durationMinutes: 90,
        location: 'Vergaderkamer',
        chairId: awo,
        secretaryId: awo,
        withExternalPartners: false,
        intakeDeadlineSchoolDays: 5,
        moveRule: 'week-after',
        continueFrom: 'grid',
        color: 'teal',
        active: true,
        attendees: { staffIds: [awo, bgr], partnerIds: [] },
      })
    ).id;
    await call(backend, 'schedule.applyYear', { seriesId: iot, schoolYear: '2026-2027', firstDate: '2026-09-03' });
    const options = await call(backend, 'intakes.meetingOptions', { seriesId: iot });
    meetingId = options.meetings.find((m) => m.date === '2026-11-12')!.id;
    nextMeetingId = options.meetings.find((m) => m.date > '2026-11-12')!.id;
    intakeId = (await call(backend, 'intakes.create', { studentId, anonymousYearLevel: null, seriesId: iot })).id;
    const draft = await call(backend, 'intakes.get', { id: intakeId });
    await call(backend, 'intakes.submit', {
      id: intakeId,
      revision: draft.revision,
      referrerId: bgr,
      referredOn: draft.referredOn,
      meetingId,
      answers: {
        aanleiding: 'Daan is vaak afwezig.',
        vraag: 'Is de jeugdarts nodig?',
        zorgen: { verzuim: '12 lesuren' },
        geprobeerd: 'Gesprekken met de mentor.',
        'visie-ouders': { text: 'Moeder maakt zich zorgen.', missingReason: '' },
        'visie-leerling': { text: 'Hij slaapt slecht.', missingReason: '' },
      },
    });
    await call(backend, 'intakes.decide', { id: intakeId, decision: 'accept', reason: '' });
  });
  afterEach(() => {
    backend.lock();
    dir.cleanup();
    vi.useRealTimers();
  });

  /** Saves an action and returns it as stored (a conflict fails the test). */
  const saveAction = async (input: MethodInput<'actions.save'>) => {
    const result = await call(backend, 'actions.save', input);
    if (!result.saved) throw new Error('unexpected conflict');
    return result.action;
  };
  const caseItem = async (id = meetingId) => (await call(backend, 'minutes.get', { meetingId: id })).items.find((i) => i.kind === 'casus')!;

  it('makes the agenda from the template and the accepted intake, with start times, inbrenger and a kept meeting date', async () => {
    expect((await call(backend, 'agenda.suggestions', { meetingId })).map((s) => s.caseName)).toEqual(['Daan Vries']);
    await call(backend, 'agenda.create', { meetingId });
    const agenda = await call(backend, 'agenda.get', { meetingId });
    expect(agenda.items.map((i) => `${i.number} ${i.start} ${i.title}`)).toEqual([
      '1 13:30 Opening',
      '2 13:32 Mededelingen',
      '3 13:37 Notulen vorige vergadering (vaststellen)',
      '4 13:42 Actiepunten',
      '5 13:52 Daan Vries',
      '6 14:02 Rondvraag',
      '7 14:07 Sluiting',
      '8 14:08 Volgende vergadering',
    ]);
    const daan = agenda.items[4]!;
    expect(daan).toMatchObject({
      kind: 'casus',
      origin: 'aanmelding',
      presenter: { code: 'bgr' },
      className: '2B',
      intakeId,
    });
    expect(daan.consent?.state).toBe('intern');
    expect(await call(backend, 'agenda.suggestions', { meetingId })).toEqual([]);

    // Keyboard or mouse: the case moves up before the action points; times follow.
    await call(backend, 'agenda.moveItem', { id: daan.id, toIndex: 3 });
    const moved = await call(backend, 'agenda.get', { meetingId });
    expect(moved.items.slice(3, 5).map((i) => `${i.number} ${i.start} ${i.title}`)).toEqual(['4 13:42 Daan Vries', '5 13:52 Actiepunten']);

    // A meeting with an agenda is not removed by hand or by planning the year again.
    await call(backend, 'agenda.create', { meetingId: nextMeetingId });
    const refused = await callError(backend, 'meetings.remove', { id: nextMeetingId });
    expect(refused.message).toContain('er is een agenda voor gemaakt');
  });

  it('marks changes after the agenda was sent, and keeps a lapsed item struck through', async () => {
    await call(backend, 'agenda.create', { meetingId });
    await call(backend, 'agenda.setProgress', { meetingId, progress: 'agenda-verstuurd' });
    const { id } = await call(backend, 'agenda.addItem', {
      meetingId,
      kind: 'casus',
      studentId: otherStudentId,
      intakeId: null,
      origin: 'handmatig',
    });
    const before = await call(backend, 'agenda.get', { meetingId });
    const sara = before.items.find((i) => i.id === id)!;
    expect(sara.change).toBe('toegevoegd');
    const daan = before.items.find((i) => i.title === 'Daan Vries')!;
    await call(backend, 'agenda.updateItem', {
      id: daan.id,
      title: daan.title,
      presenterId: awo,
      durationMinutes: 20,
      confidential: true,
      guests: [{ kind: 'ouders', name: 'Moeder van Daan' }],
    });
    const rondvraag = before.items.find((i) => i.kind === 'rondvraag')!;
    await call(backend, 'agenda.removeItem', { id: rondvraag.id });
    const after = await call(backend, 'agenda.get', { meetingId });
    expect(after.items.find((i) => i.id === daan.id)).toMatchObject({
      change: 'gewijzigd',
      confidential: true,
      durationMinutes: 20,
      guests: [{ kind: 'ouders', name: 'Moeder van Daan' }],
    });
    expect(after.items.find((i) => i.id === rondvraag.id)).toMatchObject({
      change: 'vervallen',
      number: null,
      start: null,
    });
    // An item added after sending goes for good when removed again.
    await call(backend, 'agenda.removeItem', { id });
    expect((await call(backend, 'agenda.get', { meetingId })).items.some((i) => i.id === id)).toBe(false);
  });

  it('saves paragraphs with their audience, prefills the question from the intake, and shows both versions on a conflict', async () => {
    await call(backend, 'agenda.create', { meetingId });
    const item = await caseItem();
    const vraag = item.fields.find((f) => f.field === 'vraag')!;
    expect(vraag).toMatchObject({
      revision: 0,
      audience: 'intern',
      text: 'Aanleiding: Daan is vaak afwezig.\nVraag: Is de jeugdarts nodig?',
    });
    expect(item.fields.find((f) => f.field === 'bespreking')?.audience).toBe('intern');

    const first = await call(backend, 'minutes.saveField', {
      itemId: item.id,
      field: 'bespreking',
      text: 'Slaapt slecht',
      audience: 'intern',
      baseRevision: 0,
    });
    expect(first).toMatchObject({ saved: true, revision: 1 });
    const info = await call(backend, 'minutes.saveField', {
      itemId: item.id,
      field: `info:staff:${bgr}`,
      text: 'Mentor: 12 uur verzuim',
      audience: 'intern',
      baseRevision: 0,
    });
    expect(info.saved).toBe(true);
    // A colleague typed in the same paragraph on top of revision 0: nothing is overwritten.
    const second = await call(backend, 'minutes.saveField', {
      itemId: item.id,
      field: 'bespreking',
      text: 'Mijn versie',
      audience: 'intern',
      baseRevision: 0,
    });
    expect(second).toMatchObject({
      saved: false,
      theirs: { text: 'Slaapt slecht', revision: 1, updatedBy: newSchool.userName },
    });

    const reread = await caseItem();
    expect(reread.fields.map((f) => f.field)).toEqual(['vraag', `info:staff:${bgr}`, 'bespreking', 'besluit', 'informeren', 'reactie']);
    expect(reread.fields.find((f) => f.field === 'bespreking')!.text).toBe('Slaapt slecht');
    const wrong = await callError(backend, 'minutes.saveField', {
      itemId: item.id,
      field: 'notities',
      text: 'x',
      audience: 'intern',
      baseRevision: 0,
    });
    expect(wrong.code).toBe('VALIDATION');
  });

  it('keeps an incomplete action as a concept with a message per field, numbers it by origin, and brings it back next time', async () => {
    await call(backend, 'agenda.create', { meetingId });
    const item = await caseItem();
    const draft = await saveAction({
      itemId: item.id,
      what: 'Gesprek met ouders plannen',
      holder: null,
      due: { kind: 'datum', date: '2026-11-01' },
      audience: 'ouders',
    });
    expect(draft).toMatchObject({ status: 'concept', number: '5.1', origin: '5.1 uit IOT 12-11-2026' });
    expect(draft.problems.holder).toContain('actiehouder');
    expect(draft.problems.due).toContain('01-11-2026');
    const open = await saveAction({
      id: draft.id,
      baseRevision: draft.revision,
      what: draft.what,
      holder: { kind: 'staff', staffId: bgr, partnerId: null },
      due: { kind: 'volgende-overleg' },
      audience: 'ouders',
    });
    expect(open).toMatchObject({ status: 'open', number: '5.1', holderLabel: 'bgr — Bram Groen', problems: {} });
    expect(open.dueOn).not.toBeNull();
    const second = await saveAction({
      itemId: item.id,
      what: 'GGD inschakelen',
      holder: { kind: 'partner', staffId: null, partnerId: ggd },
      due: { kind: 'datum', date: '2026-11-20' },
      audience: 'intern',
    });
    expect(second.number).toBe('5.2');
    await call(backend, 'minutes.setDecision', { itemId: item.id, decision: 'terugkomen', decided: true });

    // Run the meeting; the next IOT offers Daan again and lists his open actions.
    await call(backend, 'agenda.setProgress', { meetingId, progress: 'bezig' });
    await call(backend, 'agenda.setProgress', { meetingId, progress: 'afgelopen' });
    expect((await call(backend, 'intakes.get', { id: intakeId })).status).toBe('besproken');
    const suggestions = await call(backend, 'agenda.suggestions', { meetingId: nextMeetingId });
    expect(suggestions).toEqual([
      expect.objectContaining({ studentId, origin: 'terugkomen', reason: 'Terugkomen (besluit IOT 12-11-2026)' }),
    ]);
    await call(backend, 'agenda.create', { meetingId: nextMeetingId });
    const next = await call(backend, 'minutes.get', { meetingId: nextMeetingId });
    const actionPoints = next.items.find((i) => i.kind === 'actiepunten')!;
    expect(actionPoints.carried.map((a) => a.origin)).toEqual(['5.1 uit IOT 12-11-2026', '5.2 uit IOT 12-11-2026']);
    expect(next.items.find((i) => i.kind === 'casus')!.carried).toHaveLength(2);
    expect(next.toFix).toMatchObject({ id: meetingId });

    // Closing records who and when, and the action stops coming back.
    await call(backend, 'actions.setStatus', { id: open.id, status: 'gedaan', note: '' });
    const refusedLapse = await callError(backend, 'actions.setStatus', {
      id: second.id,
      status: 'vervallen',
      note: '',
    });
    expect(refusedLapse.message).toContain('waarom');
    const list = await call(backend, 'actions.list', {
      status: 'alle',
      holderStaffId: null,
      seriesId: null,
      studentId,
      mine: false,
      overdueOnly: false,
    });
    expect(list.find((a) => a.id === open.id)).toMatchObject({ status: 'gedaan', closedBy: newSchool.userName });
    const again = await call(backend, 'minutes.get', { meetingId: nextMeetingId });
    expect(again.items.find((i) => i.kind === 'actiepunten')!.carried.map((a) => a.number)).toEqual(['5.2']);
  });

  it('lists open actions per holder and overdue ones', async () => {
    await call(backend, 'agenda.create', { meetingId });
    const item = await caseItem();
    await saveAction({
      itemId: item.id,
      what: 'Mentor belt moeder',
      holder: { kind: 'staff', staffId: awo, partnerId: null },
      due: { kind: 'datum', date: '2026-11-13' },
      audience: 'ouders',
    });
    await saveAction({
      itemId: item.id,
      what: 'Leerling houdt slaapdagboek bij',
      holder: { kind: 'leerling', staffId: null, partnerId: null },
      due: { kind: 'datum', date: '2026-12-01' },
      audience: 'ouders',
    });
    const mine = await call(backend, 'actions.list', {
      status: 'open',
      holderStaffId: null,
      seriesId: null,
      studentId: null,
      mine: true,
      overdueOnly: false,
    });
    expect(mine.map((a) => a.what)).toEqual(['Mentor belt moeder']);
    vi.setSystemTime(new Date(2026, 10, 20, 9, 0, 0));
    const overdue = await call(backend, 'actions.list', {
      status: 'open',
      holderStaffId: null,
      seriesId: iot,
      studentId: null,
      mine: false,
      overdueOnly: true,
    });
    expect(overdue.map((a) => a.what)).toEqual(['Mentor belt moeder']);
    expect(overdue[0]).toMatchObject({ overdue: true, caseName: 'Daan Vries', meetingTitle: 'IOT' });
  });

  it('fixes minutes only after the meeting and without concepts, then refuses edits and takes an addendum', async () => {
    await call(backend, 'agenda.create', { meetingId });
    const item = await caseItem();
    await call(backend, 'minutes.saveField', {
      itemId: item.id,
      field: 'besluit',
      text: 'Verwijzen naar de jeugdarts.',
      audience: 'ouders',
      baseRevision: 0,
    });
    expect((await callError(backend, 'minutes.fix', { meetingId, atMeetingId: null })).message).toContain('nog niet afgelopen');
    const concept = await saveAction({
      itemId: item.id,
      what: 'Nog uitzoeken',
      holder: null,
      due: null,
      audience: 'intern',
    });
    await call(backend, 'agenda.setProgress', { meetingId, progress: 'bezig' });
    await call(backend, 'agenda.setProgress', { meetingId, progress: 'afgelopen' });
    expect((await callError(backend, 'minutes.fix', { meetingId, atMeetingId: nextMeetingId })).message).toContain('5.1');
    await call(backend, 'actions.remove', { id: concept.id });
    expect(
      (
        await callError(backend, 'minutes.addAddendum', {
          meetingId,
          itemId: null,
          text: 'Te vroeg',
          audience: 'intern',
        })
      ).message,
    ).toContain('nog niet vastgesteld');
    await call(backend, 'minutes.fix', { meetingId, atMeetingId: nextMeetingId });

    const fixed = await call(backend, 'minutes.get', { meetingId });
    expect(fixed).toMatchObject({ canEditMinutes: false, canEditAgenda: false, meeting: { state: 'vastgesteld' } });
    const refused = await callError(backend, 'minutes.saveField', {
      itemId: item.id,
      field: 'besluit',
      text: 'Anders',
      audience: 'ouders',
      baseRevision: 1,
    });
    expect(refused).toMatchObject({ code: 'MINUTES_FIXED' });
    expect(refused.message).toContain('aanvulling');
    expect(
      (
        await callError(backend, 'agenda.updateItem', {
          id: item.id,
          title: 'x',
          presenterId: null,
          durationMinutes: 5,
          confidential: false,
          guests: [],
        })
      ).code,
    ).toBe('MINUTES_FIXED');
    await call(backend, 'minutes.addAddendum', {
      meetingId,
      itemId: item.id,
      text: 'Correctie: de jeugdarts van de GGD.',
      audience: 'ouders',
    });
    const withAddendum = await call(backend, 'minutes.get', { meetingId });
    expect(withAddendum.addenda).toEqual([
      expect.objectContaining({
        itemId: item.id,
        text: 'Correctie: de jeugdarts van de GGD.',
        authorName: newSchool.userName,
      }),
    ]);
    expect(withAddendum.items.find((i) => i.id === item.id)!.fields.find((f) => f.field === 'besluit')!.text).toBe(
      'Verwijzen naar de jeugdarts.',
    );

    const timeline = await call(backend, 'students.timeline', { id: studentId });
    expect(timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['aanmelding', 'overleg']));
    expect(timeline.find((e) => e.kind === 'overleg')).toMatchObject({
      date: '2026-11-12',
      title: 'Besproken in IOT',
      ref: { type: 'overleg', id: meetingId },
    });
  });

  it('refuses to take an item with minutes off the agenda, and keeps who was there apart from the invitation', async () => {
    await call(backend, 'agenda.create', { meetingId });
    const item = await caseItem();
    await call(backend, 'minutes.saveField', {
      itemId: item.id,
      field: 'bespreking',
      text: 'Iets',
      audience: 'intern',
      baseRevision: 0,
    });
    expect((await callError(backend, 'agenda.removeItem', { id: item.id })).message).toContain('notulen');
    await call(backend, 'agenda.setPresence', { meetingId, person: `staff:${bgr}`, presence: 'afwezig-met-bericht' });
    const agenda = await call(backend, 'agenda.get', { meetingId });
    expect(agenda.attendees.find((a) => a.person === `staff:${bgr}`)).toMatchObject({
      name: 'Bram Groen',
      presence: 'afwezig-met-bericht',
    });
    expect(agenda.meeting).toMatchObject({ chair: { code: 'awo' }, secretary: { code: 'awo' } });
  });

  it(
    'refuses what the minutes do not allow: others closing your action, lapsed items, unknown people, ' +
      'and moving a meeting whose minutes are fixed',
    async () => {
      await call(backend, 'agenda.create', { meetingId });
      const item = await caseItem();
      const action = await saveAction({
        itemId: item.id,
        what: 'Gesprek met ouders',
        holder: { kind: 'staff', staffId: bgr, partnerId: null },
        due: { kind: 'datum', date: '2026-11-20' },
        audience: 'intern',
      });

      // A member without a keeper's role may not close someone else's action.
      const { environments } = await call(backend, 'vault.status', {});
      const lid = await call(backend, 'users.add', {
        name: 'Lies Lid',
        staffCode: 'lli',
        passphrase: 'wachtwoord van lies',
        roles: ['lid'],
      });
      await call(backend, 'vault.lock', {});
      await call(backend, 'vault.unlock', {
        environmentId: environments[0]!.id,
        userId: lid.id,
        passphrase: 'wachtwoord van lies',
      });
      expect((await callError(backend, 'actions.setStatus', { id: action.id, status: 'gedaan', note: '' })).code).toBe('FORBIDDEN');
      expect(
        (
          await callError(backend, 'minutes.saveField', {
            itemId: item.id,
            field: 'bespreking',
            text: 'x',
            audience: 'intern',
            baseRevision: 0,
          })
        ).code,
      ).toBe('FORBIDDEN');
      await call(backend, 'vault.lock', {});
      const coordinator = (await call(backend, 'vault.status', {})).environments[0]!.users.find((u) => u.staffCode === 'awo')!;
      await call(backend, 'vault.unlock', {
        environmentId: environments[0]!.id,
        userId: coordinator.id,
        passphrase: newSchool.passphrase,
      });

      // Unknown people are named, not an internal error.
      expect(
        await callError(backend, 'actions.save', {
          itemId: item.id,
          what: 'x',
          holder: { kind: 'staff', staffId: 'nobody', partnerId: null },
          due: null,
          audience: 'intern',
        }),
      ).toMatchObject({ code: 'NOT_FOUND', message: 'Deze medewerker bestaat niet (meer).' });
      expect((await callError(backend, 'agenda.setPresence', { meetingId, person: 'staff:nobody', presence: 'aanwezig' })).code).toBe(
        'NOT_FOUND',
      );
      expect(
        (
          await callError(backend, 'agenda.updateItem', {
            id: item.id,
            title: item.title,
            presenterId: 'nobody',
            durationMinutes: 10,
            confidential: false,
            guests: [],
          })
        ).code,
      ).toBe('NOT_FOUND');

      // A lapsed item takes nothing more.
      await call(backend, 'agenda.setProgress', { meetingId, progress: 'agenda-verstuurd' });
      const other = await call(backend, 'agenda.addItem', { meetingId, kind: 'overig', title: 'Werkwijze evalueren' });
      const rondvraag = (await call(backend, 'agenda.get', { meetingId })).items.find((i) => i.kind === 'rondvraag')!;
      await call(backend, 'agenda.removeItem', { id: rondvraag.id });
      expect(
        (
          await callError(backend, 'minutes.saveField', {
            itemId: rondvraag.id,
            field: 'notities',
            text: 'x',
            audience: 'intern',
            baseRevision: 0,
          })
        ).message,
      ).toContain('vervallen');
      expect(other.id).toBeTruthy();

      // Fixed minutes fix the meeting itself: no new date, title or attendees through the schedule.
      await call(backend, 'agenda.setProgress', { meetingId, progress: 'bezig' });
      await call(backend, 'agenda.setProgress', { meetingId, progress: 'afgelopen' });
      expect((await callError(backend, 'minutes.fix', { meetingId, atMeetingId: meetingId })).message).toContain('later overleg');
      await call(backend, 'minutes.fix', { meetingId, atMeetingId: nextMeetingId });
      const refused = await callError(backend, 'meetings.save', {
        id: meetingId,
        seriesId: iot,
        title: 'Andere titel',
        date: '2026-11-19',
        startTime: '13:30',
        durationMinutes: 90,
        location: 'Vergaderkamer',
        note: null,
        chairId: awo,
        secretaryId: awo,
        attendees: { staffIds: [], partnerIds: [] },
      });
      expect(refused).toMatchObject({ code: 'FORBIDDEN' });
      expect(refused.message).toContain('vastgesteld');
      // The question shown from the intake is stored with the fixed minutes (intern: nobody chose otherwise).
      const fixed = await caseItem();
      expect(fixed.fields.find((f) => f.field === 'vraag')).toMatchObject({
        revision: 1,
        audience: 'intern',
        text: expect.stringContaining('Is de jeugdarts nodig?'),
      });
    },
  );

  it('keeps action numbers unique after the agenda is reordered, and refuses a stale save of an action', async () => {
    await call(backend, 'agenda.create', { meetingId });
    await call(backend, 'agenda.addItem', {
      meetingId,
      kind: 'casus',
      studentId: otherStudentId,
      intakeId: null,
      origin: 'handmatig',
    });
    const before = await call(backend, 'minutes.get', { meetingId });
    const [daan, sara] = before.items.filter((i) => i.kind === 'casus');
    const first = await saveAction({ itemId: daan!.id, what: 'Eerste', holder: null, due: null, audience: 'intern' });
    expect(first.number).toBe('5.1');
    // Sara moves to Daan's place: she is item 5 now, and her first action may not be "5.1" again.
    await call(backend, 'agenda.moveItem', { id: sara!.id, toIndex: 4 });
    const second = await saveAction({ itemId: sara!.id, what: 'Tweede', holder: null, due: null, audience: 'intern' });
    expect(second.number).toBe('5.2');

    const mine = await call(backend, 'actions.save', {
      id: first.id,
      baseRevision: first.revision,
      what: 'Eerste, aangevuld',
      holder: null,
      due: null,
      audience: 'intern',
    });
    expect(mine.saved).toBe(true);
    const stale = await call(backend, 'actions.save', {
      id: first.id,
      baseRevision: first.revision,
      what: 'Mijn oude versie',
      holder: null,
      due: null,
      audience: 'intern',
    });
    expect(stale).toMatchObject({ saved: false, theirs: { what: 'Eerste, aangevuld' } });
  });

  it("makes the agenda from the series' own template and time per student, which only a coordinator changes", async () => {
    const standard = await call(backend, 'agenda.template', { seriesId: iot });
    expect(standard).toMatchObject({ seriesName: 'IOT', caseMinutes: 10, items: null });
    await call(backend, 'agenda.saveTemplate', {
      seriesId: iot,
      caseMinutes: 15,
      items: [
        { kind: 'opening', title: 'Opening en mededelingen', minutes: 5 },
        { kind: 'actiepunten', title: 'Actiepunten', minutes: 10 },
        { kind: 'sluiting', title: 'Sluiting', minutes: 1 },
      ],
    });
    await call(backend, 'agenda.create', { meetingId });
    const agenda = await call(backend, 'agenda.get', { meetingId });
    expect(agenda.items.map((i) => `${i.start} ${i.title} ${i.durationMinutes}`)).toEqual([
      '13:30 Opening en mededelingen 5',
      '13:35 Actiepunten 10',
      '13:45 Daan Vries 15',
      '14:00 Sluiting 1',
    ]);
    const empty = await callError(backend, 'agenda.saveTemplate', {
      seriesId: iot,
      caseMinutes: 0,
      items: [{ kind: 'opening', title: ' ', minutes: 5 }],
    });
    expect(empty.code).toBe('VALIDATION');
  });
});
