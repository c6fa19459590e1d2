import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../helpers/backend';
import { TODAY, apiError, bytesOf, caseItemOf, documentsSchool, visibleText, type DocumentsSchool } from './documents-setup';
import { caseDestinationsOf, partnerOffer } from '../../electron/features/consent/partner-offer';
import { seriesPartnersForCases } from '../../electron/features/meetings/store';

/**
 * A coordinator's day (issue 23): the IOT's "doorverwijzen" arrives at the FlexZAT it names, with
 * its question and a link to the IOT case; and the parents and the student at their child's item
 * are on the attendance list, under "Aanwezig" in the notulen and in that child's extract only.
 * Through the real dispatcher; the clock is fixed (Monday 2 November 2026).
 */
describe('referral to another series, and the family at its item', () => {
  let school: DocumentsSchool;
  let flexzat: string;
  let flexMeeting: string;
  let laterFlexMeeting: string;

  /** A FlexZAT by appointment, and two of its meetings after the IOT of 12 November. */
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
    school = await documentsSchool();
    const { backend, awo } = school;
    flexzat = (
      await call(backend, 'series.save', {
        id: null,
        name: 'FlexZAT',
        kind: 'FlexZAT',
        intervalWeeks: null,
        weekday: null,
        startTime: '09:00',
        durationMinutes: 60,
        location: 'Spreekkamer',
        chairId: awo,
        secretaryId: awo,
        withExternalPartners: false,
        intakeDeadlineSchoolDays: 2,
        moveRule: 'week-after',
        continueFrom: 'grid',
        color: 'orange',
        active: true,
        attendees: { staffIds: [awo], partnerIds: [] },
      })
    ).id;
    const meeting = async (date: string) =>
      (
        await call(backend, 'meetings.save', {
          id: null,
          seriesId: flexzat,
          title: 'FlexZAT',
          date,
          startTime: '09:00',
          durationMinutes: 60,
          location: 'Spreekkamer',
          note: null,
          chairId: awo,
          secretaryId: awo,
          attendees: { staffIds: [awo], partnerIds: [] },
        })
      ).id;
    flexMeeting = await meeting('2026-11-19');
    laterFlexMeeting = await meeting('2026-12-03');
  });
  afterEach(() => {
    school.backend.lock();
    school.dir.cleanup();
    vi.useRealTimers();
  });

  /** A case on the IOT of 12 November with its question and decision text typed. */
  async function iotCase(studentId: string, question: string, decisionText: string) {
    const { backend, meetingId } = school;
    await call(backend, 'agenda.addItem', { meetingId, kind: 'casus', studentId, intakeId: null, origin: 'handmatig' });
    const item = await caseItemOf(backend, meetingId, studentId);
    await call(backend, 'minutes.saveField', {
      itemId: item.id,
      field: 'vraag',
      text: question,
      audience: 'ouders',
      baseRevision: 0,
    });
    await call(backend, 'minutes.saveField', {
      itemId: item.id,
      field: 'besluit',
      text: decisionText,
      audience: 'ouders',
      baseRevision: 0,
    });
    return item;
  }

  it('keeps the decision type when only "besloten" is ticked (a tick that overtakes the type on its way sends no old type)', async () => {
    const { backend, meetingId, saraId } = school;
    const saraCase = await iotCase(saraId, 'Sara trekt zich terug.', 'Basisondersteuning in de klas.');
    await call(backend, 'minutes.setDecision', { itemId: saraCase.id, decision: 'basisondersteuning' });
    await call(backend, 'minutes.setDecision', { itemId: saraCase.id, decided: true });
    const stored = await caseItemOf(backend, meetingId, saraId);
    expect([stored.decision, stored.decided]).toEqual(['basisondersteuning', true]);
    await call(backend, 'minutes.setDecision', { itemId: saraCase.id, decision: null });
    expect((await caseItemOf(backend, meetingId, saraId)).decided).toBe(true);
  });

  it("shows a case on a meeting still ahead as on its agenda on the student's timeline, not as discussed", async () => {
    const { backend, saraId } = school;
    await call(backend, 'agenda.create', { meetingId: laterFlexMeeting });
    await call(backend, 'agenda.addItem', {
      meetingId: laterFlexMeeting,
      kind: 'casus',
      studentId: saraId,
      intakeId: null,
      origin: 'handmatig',
    });
    const entry = (await call(backend, 'students.timeline', { id: saraId })).find(
      (e) => e.ref?.type === 'overleg' && e.ref.id === laterFlexMeeting && e.kind === 'overleg',
    );
    expect(entry).toMatchObject({ title: 'Op de agenda van FlexZAT', detail: 'Nog niet besproken' });
  });

  it('offers the consent form the partners of the series a case was referred to', async () => {
    const { backend, awo, leerplicht, jesseId } = school;
    const withPartners = (
      await call(backend, 'series.save', {
        id: null,
        name: 'FlexZAT wijk',
        kind: 'FlexZAT',
        intervalWeeks: null,
        weekday: null,
        startTime: '09:00',
        durationMinutes: 60,
        location: 'Spreekkamer',
        chairId: awo,
        secretaryId: awo,
        withExternalPartners: true,
        intakeDeadlineSchoolDays: 2,
        moveRule: 'week-after',
        continueFrom: 'grid',
        color: 'orange',
        active: true,
        attendees: { staffIds: [awo], partnerIds: [leerplicht] },
      })
    ).id;
    const db = backend.session!.vault.db;
    expect(caseDestinationsOf(db, jesseId)).not.toContainEqual({ meetingId: null, seriesId: withPartners });
    const jesseCase = await iotCase(jesseId, 'Jesse verzuimt op maandag.', 'Doorverwijzen naar de FlexZAT in de wijk.');
    await call(backend, 'minutes.setDecision', {
      itemId: jesseCase.id,
      decision: 'doorverwijzen-overleg',
      decided: true,
      referralSeriesId: withPartners,
    });
    // The referral is the case's latest step: it comes before where the case was handed in.
    expect(caseDestinationsOf(db, jesseId)[0]).toEqual({ meetingId: null, seriesId: withPartners });
    // With no meeting with partners in the next ten weeks, the form offers the referral series' partners.
    const series = seriesPartnersForCases(db, [withPartners]);
    expect(partnerOffer([], caseDestinationsOf(db, jesseId), new Map(), series)).toEqual({
      label: 'FlexZAT wijk',
      partners: [{ id: leerplicht, name: 'Leerplicht Utrecht' }],
    });
  });

  it('sends the student to the FlexZAT the decision names, with the question and the IOT case, until the case is taken in', async () => {
    const { backend, meetingId } = school;
    const jesseCase = await iotCase(
      school.jesseId,
      'Jesse slaapt slecht en verzuimt op maandag. Is de jeugdarts nodig?',
      'Doorverwijzen naar de FlexZAT, met ouders erbij.',
    );

    // A ZAT and a FlexZAT exist: the decision is kept, but goes nowhere until the secretary says which.
    await call(backend, 'minutes.setDecision', {
      itemId: jesseCase.id,
      decision: 'doorverwijzen-overleg',
      decided: true,
    });
    expect((await caseItemOf(backend, meetingId, school.jesseId)).referralSeriesId).toBeNull();
    expect((await call(backend, 'agenda.suggestions', { meetingId: flexMeeting })).map((s) => s.studentId)).toEqual([]);
    expect((await call(backend, 'agenda.suggestions', { meetingId: school.zatMeetingId })).map((s) => s.studentId)).not.toContain(
      school.jesseId,
    );
    // Nor are the minutes fixed while it goes nowhere.
    await call(backend, 'agenda.setProgress', { meetingId, progress: 'bezig' });
    await call(backend, 'agenda.setProgress', { meetingId, progress: 'afgelopen' });
    expect((await apiError(backend, 'minutes.fix', { meetingId, atMeetingId: null })).message).toMatch(/nog niet naar welk overleg/);
    await call(backend, 'agenda.setProgress', { meetingId, progress: 'bezig' });
    // Not to its own series: that is "terugkomen".
    const own = await apiError(backend, 'minutes.setDecision', {
      itemId: jesseCase.id,
      decision: 'doorverwijzen-overleg',
      decided: true,
      referralSeriesId: school.iot,
    });
    expect(own.fields?.referralSeriesId).toMatch(/Terugkomen/);
    await call(backend, 'minutes.setDecision', {
      itemId: jesseCase.id,
      decision: 'doorverwijzen-overleg',
      decided: false,
      referralSeriesId: flexzat,
    });
    // Ticking "besloten" later keeps where the referral goes.
    await call(backend, 'minutes.setDecision', {
      itemId: jesseCase.id,
      decision: 'doorverwijzen-overleg',
      decided: true,
    });
    expect((await caseItemOf(backend, meetingId, school.jesseId)).referralSeriesId).toBe(flexzat);

    // It arrives at the FlexZAT, not at the ZAT.
    const offered = await call(backend, 'agenda.suggestions', { meetingId: flexMeeting });
    expect(offered).toEqual([
      expect.objectContaining({
        studentId: school.jesseId,
        origin: 'verwijzing',
        reason: 'Doorverwezen (besluit IOT 12-11-2026)',
        question: expect.stringContaining('Is de jeugdarts nodig?'),
        referredFrom: { itemId: jesseCase.id, meetingId, meetingTitle: 'IOT', meetingDate: '2026-11-12' },
      }),
    ]);
    expect(offered[0]!.question).toContain('Besluit IOT 12-11-2026: Doorverwijzen naar de FlexZAT, met ouders erbij.');
    expect((await call(backend, 'agenda.suggestions', { meetingId: school.zatMeetingId })).map((s) => s.studentId)).not.toContain(
      school.jesseId,
    );
    // Not taken in yet: the next FlexZAT offers it too, so a referral is never lost to an appointment for someone else.
    expect((await call(backend, 'agenda.suggestions', { meetingId: laterFlexMeeting })).map((s) => s.studentId)).toEqual([school.jesseId]);

    // Taken onto the agenda, the case starts with the question and links to the IOT case.
    await call(backend, 'agenda.create', { meetingId: flexMeeting });
    const arrived = await caseItemOf(backend, flexMeeting, school.jesseId);
    expect(arrived.origin).toBe('verwijzing');
    expect(arrived.referredFrom).toEqual({
      itemId: jesseCase.id,
      meetingId,
      meetingTitle: 'IOT',
      meetingDate: '2026-11-12',
    });
    const question = arrived.fields.find((f) => f.field === 'vraag')!;
    expect(question.text).toContain('Jesse slaapt slecht en verzuimt op maandag. Is de jeugdarts nodig?');
    expect(question.text).toContain('Besluit IOT 12-11-2026');
    // Both paragraphs were marked for the parents, so the carried question may go to them too.
    expect(question.audience).toBe('ouders');
    // Arrived: no meeting of the series offers it any more.
    expect(await call(backend, 'agenda.suggestions', { meetingId: flexMeeting })).toEqual([]);
    expect(await call(backend, 'agenda.suggestions', { meetingId: laterFlexMeeting })).toEqual([]);

    // A second referral, taken in by hand from the suggestions: the same question comes along; an
    // internal decision text keeps the carried question internal.
    const saraCase = await iotCase(school.saraId, 'Sara trekt zich terug in de klas.', 'Doorverwijzen naar de FlexZAT.');
    await call(backend, 'minutes.saveField', {
      itemId: saraCase.id,
      field: 'besluit',
      text: 'Doorverwijzen naar de FlexZAT (intern: zorgen over thuis).',
      audience: 'intern',
      baseRevision: 1,
    });
    await call(backend, 'minutes.setDecision', {
      itemId: saraCase.id,
      decision: 'doorverwijzen-overleg',
      decided: true,
      referralSeriesId: flexzat,
    });
    expect((await call(backend, 'agenda.suggestions', { meetingId: flexMeeting })).map((s) => [s.studentId, s.origin])).toEqual([
      [school.saraId, 'verwijzing'],
    ]);
    // Only an open referral can be taken in as one.
    expect(
      (
        await apiError(backend, 'agenda.addItem', {
          meetingId: flexMeeting,
          kind: 'casus',
          studentId: school.jesseId,
          intakeId: null,
          origin: 'verwijzing',
        })
      ).code,
    ).toBe('DUPLICATE');
    await call(backend, 'agenda.addItem', {
      meetingId: flexMeeting,
      kind: 'casus',
      studentId: school.saraId,
      intakeId: null,
      origin: 'verwijzing',
    });
    const saraArrived = await caseItemOf(backend, flexMeeting, school.saraId);
    expect(saraArrived.referredFrom?.itemId).toBe(saraCase.id);
    const saraQuestion = saraArrived.fields.find((f) => f.field === 'vraag')!;
    expect(saraQuestion.text).toContain('Sara trekt zich terug in de klas.');
    expect(saraQuestion.audience).toBe('intern');
  });

  it('refuses to take a student in as a referral when no referral is open', async () => {
    const refused = await apiError(school.backend, 'agenda.addItem', {
      meetingId: flexMeeting,
      kind: 'casus',
      studentId: school.saraId,
      intakeId: null,
      origin: 'verwijzing',
    });
    expect(refused.code).toBe('NOT_FOUND');
    expect(refused.message).toMatch(/geen doorverwijzing/);
  });

  it('records the parents and the student at their own item, and lists them only where the reader may read that family', async () => {
    const { backend, guardians } = school;
    await call(backend, 'agenda.addItem', {
      meetingId: flexMeeting,
      kind: 'casus',
      studentId: school.jesseId,
      intakeId: null,
      origin: 'handmatig',
    });
    await call(backend, 'agenda.addItem', {
      meetingId: flexMeeting,
      kind: 'casus',
      studentId: school.saraId,
      intakeId: null,
      origin: 'handmatig',
    });
    await call(backend, 'agenda.setPresence', {
      meetingId: flexMeeting,
      person: `guardian:${guardians.jesseMother}`,
      presence: 'aanwezig',
    });
    await call(backend, 'agenda.setPresence', {
      meetingId: flexMeeting,
      person: `student:${school.jesseId}`,
      presence: 'aanwezig',
    });
    await call(backend, 'agenda.setPresence', {
      meetingId: flexMeeting,
      person: `guardian:${guardians.jesseFather}`,
      presence: 'afwezig-met-bericht',
    });
    await call(backend, 'agenda.setPresence', {
      meetingId: flexMeeting,
      person: `guardian:${guardians.saraFather}`,
      presence: 'aanwezig',
    });
    // A parent of a student who is not on this agenda is not at this meeting.
    const stranger = await apiError(backend, 'agenda.setPresence', {
      meetingId: school.meetingId,
      person: `guardian:${guardians.jesseMother}`,
      presence: 'aanwezig',
    });
    expect(stranger.code).toBe('NOT_FOUND');

    // The meeting screen lists them on their child's item.
    const agenda = await call(backend, 'agenda.get', { meetingId: flexMeeting });
    const jesseItem = agenda.items.find((i) => i.studentId === school.jesseId)!;
    expect(jesseItem.family.map((m) => `${m.name} (${m.relation}): ${m.presence}`)).toEqual([
      'Marieke de Vries (moeder): aanwezig',
      'Mark de Vries (vader): afwezig-met-bericht',
      'Jesse de Vries (leerling): aanwezig',
    ]);
    // Sara's father on Sara's item, not on Jesse's.
    expect(
      agenda.items
        .find((i) => i.studentId === school.saraId)!
        .family.filter((m) => m.presence === 'aanwezig')
        .map((m) => m.name),
    ).toEqual(['Tom Bakker']);

    const minutesText = async (names: 'initialen' | 'volledig') =>
      visibleText(bytesOf(await call(backend, 'documents.minutes', { meetingId: flexMeeting, names })));
    // The team's notulen with full names: the parents by name, with their child.
    const full = await minutesText('volledig');
    expect(full).toContain('Marieke de Vries, moeder van Jesse de Vries (2B)');
    expect(full).toContain('Jesse de Vries (leerling)');
    expect(full).toContain('Tom Bakker, vader van Sara Bakker (3C)');
    expect(full).toContain('Mark de Vries, vader van Jesse de Vries (2B)');
    // With initials, a parent's name would give the family away: by role only.
    const initials = await minutesText('initialen');
    expect(initials).toContain('Moeder van J.d.V. (2B)');
    expect(initials).toContain('Vader van S.B. (3C)');
    expect(initials).not.toMatch(/Marieke|Tom Bakker|Mark de Vries/);

    // The parents' extract of Jesse: Jesse's family by name under Aanwezig, never Sara's.
    const jesseExtract = await visibleText(bytesOf(await call(backend, 'documents.extract', { itemId: jesseItem.id, version: 'ouders' })));
    const present = jesseExtract.slice(jesseExtract.indexOf('Aanwezig'));
    expect(present).toContain('Marieke de Vries (moeder)');
    expect(present).toContain('Jesse de Vries (leerling)');
    expect(jesseExtract).not.toMatch(/Tom|Bakker|Sara|Ilse/);
    const saraItem = agenda.items.find((i) => i.studentId === school.saraId)!;
    for (const version of ['ouders', 'dossier'] as const) {
      const saraExtract = await visibleText(bytesOf(await call(backend, 'documents.extract', { itemId: saraItem.id, version })));
      expect(saraExtract).toContain('Tom Bakker (vader)');
      expect(saraExtract).not.toMatch(/Marieke|Mark|Vries|Jesse/);
    }
  });
});
