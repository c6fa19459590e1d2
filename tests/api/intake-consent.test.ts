import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/api/context';
import type { MethodInput } from '../../electron/app/contract';
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openAttachmentFile, sweepTemporaryCopies, TEMP_PREFIX } from '../../electron/features/files/store';
import { call, makeBackend, newSchool, tempDir } from '../helpers/backend';

/**
 * Intakes and the consent gate through the real dispatcher: an LLCO hands in an aanmeldformulier,
 * the coordinator accepts it, consent is recorded and withdrawn, and the gate follows.
 * The clock is fixed (Monday 2 November 2026), so no test depends on the day it runs.
 */
const TODAY = new Date(2026, 10, 2, 10, 0, 0);

const guardian = (familyName: string, givenName: string, relation: string, parentalAuthority: boolean) => ({
  id: null,
  givenName,
  infix: 'de',
  familyName,
  relation,
  parentalAuthority,
  street: 'Lindelaan',
  houseNumber: '4',
  postalCode: '3512 KL',
  city: 'Utrecht',
  email: '',
  phone: '',
  salutation: relation === 'moeder' ? 'Geachte mevrouw De Vries' : 'Geachte heer De Vries',
});

const fullAnswers: MethodInput<'intakes.submit'>['answers'] = {
  aanleiding: 'Daan is sinds de herfstvakantie vaak afwezig.',
  vraag: 'Is verwijzing naar de jeugdarts nodig?',
  zorgen: { verzuim: '12 lesuren ongeoorloofd', gezondheid: 'Vaak hoofdpijn' },
  geprobeerd: 'Drie gesprekken met de mentor in zes weken; geen verbetering.',
  'visie-ouders': { text: 'Moeder maakt zich zorgen over zijn slaap.', missingReason: '' },
  'visie-leerling': { text: '', missingReason: 'Daan wilde er nog niet over praten.' },
};

describe('intakes and consent', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  let coordinatorId: string;
  let llcoId: string;
  let studentId: string;
  let mother: string;
  let father: string;
  let stepfather: string;
  let ggd: string;
  let leerplicht: string;
  let zat: string;
  let meetingId: string;

  async function switchTo(userId: string, passphrase: string) {
    const { environments } = await call(backend, 'vault.status', {});
    await call(backend, 'vault.lock', {});
    await call(backend, 'vault.unlock', { environmentId: environments[0]!.id, userId, passphrase });
  }
  const asLlco = () => switchTo(llcoId, 'wachtwoord van bram');
  const asCoordinator = () => switchTo(coordinatorId, newSchool.passphrase);

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
    dir = tempDir();
    backend = makeBackend(dir.path);
    const created = await call(backend, 'vault.create', newSchool);
    void created;
    coordinatorId = (await call(backend, 'users.list', {}))[0]!.id;
    llcoId = (
      await call(backend, 'users.add', {
        name: 'Bram Groen',
        staffCode: 'bgr',
        passphrase: 'wachtwoord van bram',
        roles: ['lid'],
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
    leerplicht = (
      await call(backend, 'partners.save', {
        id: null,
        organisation: 'Leerplicht Utrecht',
        kind: 'leerplicht',
        contactName: '',
        email: '',
        phone: '',
        active: true,
      })
    ).id;
    studentId = (
      await call(backend, 'students.save', {
        id: null,
        studentNumber: '700101',
        givenName: 'Daan',
        infix: 'de',
        familyName: 'Vries',
        birthDate: '2012-03-10',
        className: '2B',
        yearLevel: 2,
        level: 'havo',
        mentorId: null,
      })
    ).id;
    mother = (await call(backend, 'guardians.save', { ...guardian('Vries', 'Marieke', 'moeder', true), studentId })).id;
    father = (await call(backend, 'guardians.save', { ...guardian('Vries', 'Mark', 'vader', true), studentId })).id;
    stepfather = (await call(backend, 'guardians.save', { ...guardian('Wit', 'Erik', 'stiefouder', false), studentId })).id;
    zat = (
      await call(backend, 'series.save', {
        id: null,
        name: 'ZAT',
        kind: 'ZAT',
        intervalWeeks: 5,
        weekday: 4,
        startTime: '13:30',
        durationMinutes: 90,
        location: 'Vergaderkamer',
        chairId: null,
        secretaryId: null,
        withExternalPartners: true,
        intakeDeadlineSchoolDays: 5,
        moveRule: 'week-after',
        continueFrom: 'grid',
        color: 'grape',
        active: true,
        attendees: { staffIds: [], partnerIds: [ggd, leerplicht] },
      })
    ).id;
    await call(backend, 'schedule.applyYear', { seriesId: zat, schoolYear: '2026-2027', firstDate: '2026-09-03' });
    // Every five weeks from 3 September: the ZAT of Thursday 12 November 2026, deadline 5 November.
    const options = await call(backend, 'intakes.meetingOptions', { seriesId: zat });
    meetingId = options.meetings.find((m) => m.date === '2026-11-12')!.id;
  });
  afterEach(() => {
    backend.lock();
    dir.cleanup();
    vi.useRealTimers();
  });

  async function submittedIntake() {
    await asLlco();
    const { id } = await call(backend, 'intakes.create', { studentId, anonymousYearLevel: null, seriesId: zat });
    const draft = await call(backend, 'intakes.get', { id });
    await call(backend, 'intakes.submit', {
      id,
      revision: draft.revision,
      referrerId: draft.referrerId,
      referredOn: draft.referredOn,
      meetingId: draft.meetingId,
      answers: fullAnswers,
    });
    await asCoordinator();
    return id;
  }

  const consent = (signer: MethodInput<'consent.record'>['signer'], partnerIds: string[], givenOn = '2026-10-20') =>
    call(backend, 'consent.record', {
      studentId,
      signer,
      decision: 'given',
      purposes: ['bespreking'],
      partnerIds,
      method: 'schriftelijk',
      informationGiven: 'Uitleg over het ZAT en de partners aan tafel.',
      givenOn,
      validUntil: null,
    });

  it('names every missing required field on submit, keeps what was typed, and defaults to the next open meeting', async () => {
    await asLlco();
    const { id } = await call(backend, 'intakes.create', { studentId, anonymousYearLevel: null, seriesId: zat });
    const draft = await call(backend, 'intakes.get', { id });
    // The LLCO is the aanmelder; the first ZAT whose deadline (5 November) has not passed.
    expect(draft.referrer).toEqual({ name: 'Bram Groen', code: 'bgr' });
    expect(draft.meeting?.date).toBe('2026-11-12');
    expect(draft.meeting?.intakeDeadline).toBe('2026-11-05');
    expect(draft.studentAge).toBe(14);

    const partial = { aanleiding: 'Veel afwezig.', zorgen: {}, 'visie-ouders': { text: '', missingReason: '' } };
    const refused = await dispatchError('intakes.submit', {
      id,
      revision: draft.revision,
      referrerId: draft.referrerId,
      referredOn: draft.referredOn,
      meetingId: null,
      answers: partial,
    });
    expect(refused.code).toBe('INCOMPLETE');
    expect(refused.fields).toEqual({
      vraag: 'Vul "Vraag aan het overleg" in.',
      zorgen: 'Beschrijf de zorg bij minstens één gebied.',
      geprobeerd: 'Vul "Wat is er al geprobeerd?" in.',
      'visie-ouders': 'Vul de visie van de ouders in, of de reden dat die ontbreekt.',
      'visie-leerling': 'Vul de visie van de leerling in, of de reden dat die ontbreekt.',
      meetingId: 'Kies het overleg waarvoor je aanmeldt.',
    });
    const kept = await call(backend, 'intakes.get', { id });
    expect(kept.status).toBe('concept');
    expect(kept.answers.aanleiding).toBe('Veel afwezig.');

    await call(backend, 'intakes.submit', {
      id,
      revision: kept.revision,
      referrerId: kept.referrerId,
      referredOn: kept.referredOn,
      meetingId,
      answers: fullAnswers,
    });
    const submitted = await call(backend, 'intakes.get', { id });
    expect(submitted).toMatchObject({ status: 'ingediend', late: false, canEdit: false, canDecide: false });
    // Handed in: no more changes by autosave.
    expect(
      (
        await dispatchError('intakes.saveDraft', {
          id,
          revision: submitted.revision,
          referrerId: null,
          referredOn: null,
          meetingId,
          answers: {},
        })
      ).code,
    ).toBe('VALIDATION');
  });

  it('refuses a stale autosave instead of overwriting a colleague', async () => {
    await asLlco();
    const { id } = await call(backend, 'intakes.create', { studentId, anonymousYearLevel: null, seriesId: zat });
    const draft = await call(backend, 'intakes.get', { id });
    const base = { id, referrerId: draft.referrerId, referredOn: draft.referredOn, meetingId };
    const first = await call(backend, 'intakes.saveDraft', {
      ...base,
      revision: draft.revision,
      answers: { aanleiding: 'versie A' },
    });
    const stale = await dispatchError('intakes.saveDraft', {
      ...base,
      revision: draft.revision,
      answers: { aanleiding: 'versie B' },
    });
    expect(stale.code).toBe('CONFLICT');
    await call(backend, 'intakes.saveDraft', {
      ...base,
      revision: first.revision,
      answers: { aanleiding: 'versie A, aangevuld' },
    });
    expect((await call(backend, 'intakes.get', { id })).answers.aanleiding).toBe('versie A, aangevuld');
  });

  it('only a coordinator accepts; the gate then names who must still consent, per partner', async () => {
    const id = await submittedIntake();
    await asLlco();
    expect((await dispatchError('intakes.decide', { id, decision: 'accept', reason: '' })).code).toBe('FORBIDDEN');
    await asCoordinator();
    await call(backend, 'intakes.decide', { id, decision: 'accept', reason: '' });

    const accepted = await call(backend, 'intakes.get', { id });
    expect(accepted.status).toBe('geaccepteerd');
    const byPartner = Object.fromEntries(accepted.gate.map((g) => [g.partnerName, g]));
    // 14 on the meeting date: the parents with gezag for Leerplicht; for the jeugdarts Daan signs too.
    expect(byPartner['Leerplicht Utrecht']!.missing.map((m) => m.name)).toEqual(['Marieke de Vries', 'Mark de Vries']);
    expect(byPartner['GGD jeugdarts']!.missing.map((m) => m.name).sort()).toEqual(['Daan de Vries', 'Marieke de Vries', 'Mark de Vries']);
    expect(byPartner['Leerplicht Utrecht']!.missing[0]!.reason).toBe('nog niet gevraagd');
    expect(accepted.consent.state).toBe('missing');

    await consent({ kind: 'guardian', guardianId: mother }, [ggd, leerplicht]);
    await consent({ kind: 'guardian', guardianId: father }, [ggd, leerplicht]);
    const partly = await call(backend, 'intakes.get', { id });
    expect(partly.gate.find((g) => g.partnerId === leerplicht)!.status).toBe('ok');
    expect(partly.gate.find((g) => g.partnerId === ggd)!.missing.map((m) => m.name)).toEqual(['Daan de Vries']);

    await consent({ kind: 'student' }, [ggd]);
    const complete = await call(backend, 'intakes.get', { id });
    expect(complete.consent).toEqual({ state: 'ok', label: 'Toestemming compleet' });
    expect(await call(backend, 'intakes.consentWorklist', {})).toEqual([]);
  });

  it('one parent withdrawing stops the named discussion; the case can go on anonymously; history stays', async () => {
    const id = await submittedIntake();
    await call(backend, 'intakes.decide', { id, decision: 'accept', reason: '' });
    await consent({ kind: 'guardian', guardianId: mother }, [leerplicht]);
    const { id: fathers } = await consent({ kind: 'guardian', guardianId: father }, [leerplicht]);

    await call(backend, 'consent.withdraw', {
      id: fathers,
      withdrawnOn: '2026-11-01',
      withdrawnBy: 'Mark de Vries, telefonisch',
      note: 'Wil eerst zelf met de jeugdarts praten.',
    });
    const gate = (await call(backend, 'intakes.get', { id })).gate.find((g) => g.partnerId === leerplicht)!;
    expect(gate.status).toBe('refused');
    expect(gate.missing).toEqual([{ name: 'Mark de Vries', reason: 'ingetrokken op 01-11-2026' }]);
    const summary = (await call(backend, 'intakes.get', { id })).consent;
    expect(summary.state).toBe('refused');
    expect(summary.label).toContain('Mark de Vries');

    // The withdrawal is on record; the consent itself stays visible.
    const overview = await call(backend, 'consent.overview', { studentId });
    expect(overview.records.find((r) => r.id === fathers)).toMatchObject({
      state: 'withdrawn',
      withdrawnOn: '2026-11-01',
      withdrawnBy: 'Mark de Vries, telefonisch',
    });
    expect(overview.records).toHaveLength(2);

    // Withdrawing twice, or before the consent was given, is refused with a clear message.
    expect((await dispatchError('consent.withdraw', { id: fathers, withdrawnOn: '2026-11-02', withdrawnBy: 'x', note: '' })).message).toBe(
      'Deze toestemming is al ingetrokken op 01-11-2026.',
    );
    const { id: mothers } = await consent({ kind: 'guardian', guardianId: mother }, [ggd], '2026-10-25');
    expect((await dispatchError('consent.withdraw', { id: mothers, withdrawnOn: '2026-10-24', withdrawnBy: 'x', note: '' })).message).toBe(
      'De datum van intrekking ligt vóór de toestemming (25-10-2026).',
    );
    // The parent who withdrew stays: removing them would drop the withdrawal from the gate.
    expect((await dispatchError('guardians.remove', { id: father })).message).toMatch(
      /^Deze ouder\/verzorger kan niet worden verwijderd: in het toestemmingsregister/,
    );

    // The worklist asks for it again, naming the parent.
    const worklist = await call(backend, 'intakes.consentWorklist', {});
    expect(worklist[0]!.cases[0]!.checks.flatMap((c) => c.missing.map((m) => m.name))).toContain('Mark de Vries');

    // Not discussed by name without consent or a way forward.
    expect((await dispatchError('intakes.setStatus', { id, status: 'besproken' })).message).toMatch(
      /^Deze leerling kan nog niet met naam besproken zijn: /,
    );
    await call(backend, 'intakes.setGateRoute', { id, partnerId: leerplicht, route: 'anoniem' });
    await call(backend, 'intakes.setGateRoute', { id, partnerId: ggd, route: 'partner-verlaat' });
    const routed = await call(backend, 'intakes.get', { id });
    expect(routed.consent.state).toBe('route');
    expect(routed.consent.label).toContain('Leerplicht Utrecht: anoniem');
    // Meldcode needs a recorded track first.
    const noTrack = await dispatchError('intakes.setGateRoute', { id, partnerId: leerplicht, route: 'meldcode' });
    expect(noTrack.message).toContain('geen Meldcode-traject');
    await call(backend, 'intakes.setStatus', { id, status: 'besproken' });
  });

  it('asks again from a parent who got gezag, and ends consent "until the case is closed" when it is', async () => {
    const id = await submittedIntake();
    await call(backend, 'intakes.decide', { id, decision: 'accept', reason: '' });
    await call(backend, 'consent.record', {
      ...consentInput({ kind: 'guardian', guardianId: mother }, '2026-10-01'),
      untilCaseClosed: true,
    });
    await call(backend, 'consent.record', consentInput({ kind: 'guardian', guardianId: father }, '2026-10-01'));
    expect((await call(backend, 'intakes.get', { id })).gate.find((g) => g.partnerId === leerplicht)!.status).toBe('ok');
    const record = (await call(backend, 'consent.overview', { studentId })).records.find((r) => r.guardianId === mother)!;
    expect(record).toMatchObject({ validUntil: null, untilCaseClosed: true, state: 'valid' });

    // The stepfather is given gezag today: the consent on file does not speak for him.
    const { guardians } = await call(backend, 'students.get', { id: studentId });
    const erik = guardians.find((g) => g.id === stepfather)!;
    await call(backend, 'guardians.save', { ...erik, parentalAuthority: true, studentId });
    const gate = (await call(backend, 'intakes.get', { id })).gate.find((g) => g.partnerId === leerplicht)!;
    expect(gate.missing).toEqual([{ name: 'Erik de Wit', reason: 'kreeg gezag op 02-11-2026: nog niet gevraagd' }]);

    // Closing the case ends the mother's consent that day; the father's runs to the end of the year.
    await call(backend, 'intakes.setStatus', { id, status: 'afgesloten' });
    const after = (await call(backend, 'consent.overview', { studentId })).records;
    expect(after.find((r) => r.guardianId === mother)!.validUntil).toBe('2026-11-02');
    expect(after.find((r) => r.guardianId === father)!.validUntil).toBe('2027-07-31');
  });

  it('refuses consent dated in the future, before birth, or from a parent without gezag', async () => {
    const future = await dispatchError('consent.record', consentInput({ kind: 'guardian', guardianId: mother }, '2026-11-03'));
    expect(future.fields).toEqual({ givenOn: 'De datum van de toestemming ligt in de toekomst.' });
    const beforeBirth = await dispatchError('consent.record', consentInput({ kind: 'guardian', guardianId: mother }, '2011-01-01'));
    expect(beforeBirth.message).toBe('De datum ligt vóór de geboortedatum van Daan de Vries (10-03-2012).');
    const noAuthority = await dispatchError('consent.record', consentInput({ kind: 'guardian', guardianId: stepfather }, '2026-10-01'));
    expect(noAuthority.fields?.signer).toBe('Erik de Wit heeft geen ouderlijk gezag en kan geen toestemming geven.');
    // Valid until the end of the school year by default.
    await call(backend, 'consent.record', consentInput({ kind: 'guardian', guardianId: mother }, '2026-10-01'));
    expect((await call(backend, 'consent.overview', { studentId })).records[0]!.validUntil).toBe('2027-07-31');
  });

  it('an anonymous case needs no consent and is linked to the student once consent exists', async () => {
    await asLlco();
    const { id } = await call(backend, 'intakes.create', { studentId: null, anonymousYearLevel: 2, seriesId: zat });
    const draft = await call(backend, 'intakes.get', { id });
    expect(draft.caseName).toBe('leerling uit leerjaar 2');
    await call(backend, 'intakes.submit', {
      id,
      revision: draft.revision,
      referrerId: draft.referrerId,
      referredOn: draft.referredOn,
      meetingId,
      answers: fullAnswers,
    });
    await asCoordinator();
    await call(backend, 'intakes.decide', { id, decision: 'accept', reason: '' });
    expect((await call(backend, 'intakes.get', { id })).consent.state).toBe('anoniem');

    const early = await dispatchError('intakes.linkStudent', { id, studentId });
    expect(early.message).toContain('Eerst toestemming vastleggen');
    await consent({ kind: 'guardian', guardianId: mother }, [ggd, leerplicht]);
    await consent({ kind: 'guardian', guardianId: father }, [ggd, leerplicht]);
    await consent({ kind: 'student' }, [ggd]);
    await call(backend, 'intakes.linkStudent', { id, studentId });
    const linked = await call(backend, 'intakes.get', { id });
    expect(linked).toMatchObject({ studentId, caseName: 'Daan de Vries', status: 'geaccepteerd' });
    expect(linked.answers.aanleiding).toBe(fullAnswers.aanleiding);
    expect((await call(backend, 'intakes.list', { status: null, meetingId: null, studentId, mine: false })).map((i) => i.id)).toEqual([id]);
  });

  it('a Meldcode route reads as a neutral exception to users who may not see the Meldcode', async () => {
    const id = await submittedIntake();
    await call(backend, 'intakes.decide', { id, decision: 'accept', reason: '' });
    await call(backend, 'meldcode.save', {
      id: null,
      studentId,
      openedOn: '2026-10-15',
      steps: {},
      outcome: null,
      parentsInformed: false,
      parentsInformedNote: '',
      closedOn: null,
    });
    await call(backend, 'intakes.setGateRoute', { id, partnerId: leerplicht, route: 'meldcode' });
    expect((await call(backend, 'intakes.get', { id })).gate.find((g) => g.partnerId === leerplicht)!.route).toBe('meldcode');
    await asLlco();
    const seen = await call(backend, 'intakes.get', { id });
    expect(seen.gate.find((g) => g.partnerId === leerplicht)!.route).toBe('uitzondering');
    expect(seen.hasMeldcodeTrack).toBe(false);
    expect(JSON.stringify(await call(backend, 'intakes.list', { status: null, meetingId, studentId: null, mine: false }))).not.toMatch(
      /meldcode/i,
    );
  });

  it('every recorded route reads the same to a user without Meldcode access, so the label says nothing about a track', async () => {
    const id = await submittedIntake();
    await call(backend, 'intakes.decide', { id, decision: 'accept', reason: '' });
    await call(backend, 'meldcode.save', {
      id: null,
      studentId,
      openedOn: '2026-10-15',
      steps: {},
      outcome: null,
      parentsInformed: false,
      parentsInformedNote: '',
      closedOn: null,
    });
    await call(backend, 'intakes.setGateRoute', { id, partnerId: ggd, route: 'partner-verlaat' });
    await call(backend, 'intakes.setGateRoute', { id, partnerId: leerplicht, route: 'meldcode' });
    await call(backend, 'agenda.create', { meetingId });
    const own = await call(backend, 'intakes.get', { id });
    expect(own.gate.map((g) => g.route)).toEqual(['partner-verlaat', 'meldcode']);

    await asLlco();
    const seen = await call(backend, 'intakes.get', { id });
    expect(seen.gate.map((g) => g.route)).toEqual(['uitzondering', 'uitzondering']);
    expect(seen.consent.label).toBe('GGD jeugdarts: uitzondering vastgelegd; Leerplicht Utrecht: uitzondering vastgelegd');
    const listed = (await call(backend, 'intakes.list', { status: null, meetingId, studentId: null, mine: false })).find(
      (i) => i.id === id,
    )!;
    expect(listed.consent.label).toBe(seen.consent.label);
    const onAgenda = (await call(backend, 'agenda.get', { meetingId })).items.find((i) => i.intakeId === id)!;
    expect(onAgenda.consent?.label).toBe(seen.consent.label);
    const inMinutes = (await call(backend, 'minutes.get', { meetingId })).items.find((i) => i.intakeId === id)!;
    expect(JSON.stringify(inMinutes)).not.toMatch(/meldcode|partner verlaat/i);
  });

  it('a consent the student signed alone at 15 does not count after they turn 16: entitlement is judged on the signing date', async () => {
    // Noor turns 16 on 1 November 2026, before the ZAT of 12 November.
    const noor = (
      await call(backend, 'students.save', {
        id: null,
        studentNumber: '700109',
        givenName: 'Noor',
        infix: '',
        familyName: 'Visser',
        birthDate: '2010-11-01',
        className: '4A',
        yearLevel: 4,
        level: 'havo',
        mentorId: null,
      })
    ).id;
    await call(backend, 'guardians.save', {
      ...guardian('Visser', 'Linda', 'moeder', true),
      infix: '',
      studentId: noor,
    });
    const signs = (givenOn: string) =>
      call(backend, 'consent.record', {
        studentId: noor,
        signer: { kind: 'student' },
        decision: 'given',
        purposes: ['bespreking'],
        partnerIds: [ggd, leerplicht],
        method: 'schriftelijk',
        informationGiven: 'Uitleg over het ZAT.',
        givenOn,
        validUntil: null,
      });
    await signs('2026-10-20');
    await asLlco();
    const { id } = await call(backend, 'intakes.create', { studentId: noor, anonymousYearLevel: null, seriesId: zat });
    const draft = await call(backend, 'intakes.get', { id });
    await call(backend, 'intakes.submit', {
      id,
      revision: draft.revision,
      referrerId: draft.referrerId,
      referredOn: draft.referredOn,
      meetingId,
      answers: fullAnswers,
    });
    await asCoordinator();
    const before = await call(backend, 'intakes.get', { id });
    // For the jeugdarts she was entitled to co-sign at 15, so that signature still counts; for leerplicht not.
    expect(before.gate.map((g) => g.status)).toEqual(['ok', 'missing']);
    expect(before.gate[1]!.missing).toEqual([
      { name: 'Noor Visser', reason: 'tekende op 20-10-2026, toen 15 jaar en nog niet bevoegd: tekent nu opnieuw' },
    ]);
    expect(before.consent.state).toBe('missing');
    // She signs again now she is 16: that counts.
    await signs('2026-11-02');
    expect((await call(backend, 'intakes.get', { id })).consent).toMatchObject({
      state: 'ok',
      label: 'Toestemming compleet',
    });
  });

  it('checks the gate at a ZAT whose partners are not chosen yet, and clears routes when the meeting changes', async () => {
    const id = await submittedIntake();
    await call(backend, 'intakes.decide', { id, decision: 'return', reason: 'Kies een later overleg.' });
    await call(backend, 'intakes.setGateRoute', { id, partnerId: leerplicht, route: 'anoniem' });
    // A ZAT of the same series without partners at the table: not "intern", but blocked.
    const later = (await call(backend, 'intakes.meetingOptions', { seriesId: zat })).meetings.find((m) => m.date > '2026-11-12')!;
    const meeting = (await call(backend, 'schedule.overview', { schoolYear: '2026-2027' })).meetings.find((m) => m.id === later.id)!;
    await call(backend, 'meetings.save', { ...meeting, attendees: { staffIds: [], partnerIds: [] } });
    await asLlco();
    const draft = await call(backend, 'intakes.get', { id });
    await call(backend, 'intakes.saveDraft', {
      id,
      revision: draft.revision,
      referrerId: draft.referrerId,
      referredOn: draft.referredOn,
      meetingId: later.id,
      answers: draft.answers,
    });
    const moved = await call(backend, 'intakes.get', { id });
    expect(moved.consent).toEqual({
      state: 'missing',
      label: 'Kies eerst welke externe partners bij dit overleg aanschuiven',
    });
    expect(moved.meeting?.withPartners).toBe(true);
    await asCoordinator();
    await call(backend, 'meetings.save', { ...meeting, attendees: { staffIds: [], partnerIds: [leerplicht] } });
    // The route chosen for the earlier meeting does not carry over.
    expect((await call(backend, 'intakes.get', { id })).gate).toEqual([
      expect.objectContaining({ partnerId: leerplicht, status: 'missing', route: null }),
    ]);
  });

  it("a coordinator's decision does not look like a colleague's save to an open form", async () => {
    const id = await submittedIntake();
    const before = (await call(backend, 'intakes.get', { id })).revision;
    await call(backend, 'intakes.decide', { id, decision: 'return', reason: 'Vul de visie van de leerling aan.' });
    await call(backend, 'intakes.setGateRoute', { id, partnerId: leerplicht, route: 'anoniem' });
    await asLlco();
    const returned = await call(backend, 'intakes.get', { id });
    expect(returned.revision).toBe(before);
    await call(backend, 'intakes.saveDraft', {
      id,
      revision: before,
      referrerId: returned.referrerId,
      referredOn: returned.referredOn,
      meetingId,
      answers: fullAnswers,
    });
  });

  it('only the people who may change an intake or a consent record change its attachments', async () => {
    const id = await submittedIntake();
    const pdf = Buffer.from('%PDF-1.7\nverslag').toString('base64');
    const { id: consentId } = await consent({ kind: 'guardian', guardianId: mother }, [leerplicht]);
    await call(backend, 'attachments.add', {
      intakeId: null,
      consentId,
      fileName: 'toestemming.pdf',
      contentBase64: pdf,
    });
    await asLlco();
    // Handed in: the aanmelder no longer changes its files; proof of consent is the coordinator's.
    expect(
      (
        await dispatchError('attachments.add', {
          intakeId: id,
          consentId: null,
          fileName: 'extra.pdf',
          contentBase64: pdf,
        })
      ).code,
    ).toBe('FORBIDDEN');
    expect((await dispatchError('attachments.add', { intakeId: null, consentId, fileName: 'scan.pdf', contentBase64: pdf })).code).toBe(
      'FORBIDDEN',
    );
    const [proof] = (await call(backend, 'consent.overview', { studentId })).records[0]!.proofs;
    expect((await dispatchError('attachments.remove', { id: proof!.id })).code).toBe('FORBIDDEN');
    expect(
      (
        await dispatchError('attachments.add', {
          intakeId: 'bestaat-niet',
          consentId: null,
          fileName: 'x.pdf',
          contentBase64: pdf,
        })
      ).code,
    ).toBe('NOT_FOUND');
    await asCoordinator();
    await call(backend, 'attachments.add', {
      intakeId: id,
      consentId: null,
      fileName: 'extra.pdf',
      contentBase64: pdf,
    });
  });

  it('says who may remove a concept (whoever began it, or the coordinator) as intakes.remove decides', async () => {
    const { id } = await call(backend, 'intakes.create', { studentId, anonymousYearLevel: null, seriesId: zat });
    expect((await call(backend, 'intakes.get', { id })).canRemove).toBe(true);
    await asLlco();
    // Bram may still work on it with the coordinator, but the coordinator's concept is not his to remove.
    expect((await call(backend, 'intakes.get', { id })).canRemove).toBe(false);
    expect((await dispatchError('intakes.remove', { id })).code).toBe('FORBIDDEN');
    const own = (await call(backend, 'intakes.create', { studentId, anonymousYearLevel: null, seriesId: zat })).id;
    expect((await call(backend, 'intakes.get', { id: own })).canRemove).toBe(true);
    await asCoordinator();
    expect((await call(backend, 'intakes.get', { id: own })).canRemove).toBe(true);
    await call(backend, 'intakes.remove', { id: own });
  });

  it('keeps the built-in questions as the app defines them when the school edits its form', async () => {
    const { questions } = await call(backend, 'intakeForm.get', {});
    const unlocked = questions.map((q) => (q.key === 'visie-ouders' ? { ...q, locked: false, hidden: true, required: false } : q));
    expect((await dispatchError('intakeForm.save', { questions: unlocked })).fields?.['visie-ouders']).toMatch(/vaste vraag|verplicht/);
    const own = {
      key: 'eigen-sport',
      label: 'Doet de leerling aan sport?',
      help: '',
      kind: 'yesno' as const,
      section: 'Aanvullende vragen' as const,
      required: false,
      hidden: false,
      builtin: false,
      locked: false,
      options: [],
    };
    const hiddenOptional = questions.map((q) => (q.key === 'bevorderend' ? { ...q, hidden: true } : q));
    const { version } = await call(backend, 'intakeForm.save', { questions: [...hiddenOptional, own] });
    expect((await call(backend, 'intakeForm.get', {})).version).toBe(version);
    // An intake begun earlier keeps its version.
    const id = await submittedIntake();
    expect((await call(backend, 'intakes.get', { id })).questions.map((q) => q.key)).toContain('eigen-sport');
  });

  it('a meeting with intakes is kept by re-planning and cannot be removed', async () => {
    await submittedIntake();
    const removed = await dispatchError('meetings.remove', { id: meetingId });
    expect(removed.message).toBe('Dit overleg kan niet worden verwijderd: er is een aanmelding voor.');
    const preview = await call(backend, 'schedule.previewYear', {
      seriesId: zat,
      schoolYear: '2026-2027',
      firstDate: '2026-09-10',
    });
    expect(preview.kept.find((k) => k.meetingId === meetingId)?.keptBecause).toBe('er is een aanmelding voor');
  });

  it('the Meldcode track is seen only by the aandachtsfunctionaris (and the coordinator if allowed)', async () => {
    const track = {
      id: null,
      studentId,
      openedOn: '2026-10-15',
      steps: { signalen: { date: '2026-10-15', notes: 'Blauwe plekken gezien door de gymdocent.' } },
      outcome: null,
      parentsInformed: false,
      parentsInformedNote: '',
      closedOn: null,
    };
    await call(backend, 'meldcode.save', track);
    await asLlco();
    expect((await dispatchError('meldcode.get', { studentId })).code).toBe('FORBIDDEN');
    // Consent is the coordinator's to record.
    expect((await dispatchError('consent.record', consentInput({ kind: 'guardian', guardianId: mother }, '2026-10-01'))).code).toBe(
      'FORBIDDEN',
    );
    expect((await call(backend, 'consent.overview', { studentId })).meldcodeVisible).toBe(false);
    await asCoordinator();
    const settings = await call(backend, 'settings.get', {});
    await call(backend, 'settings.update', { ...settings, meldcodeCoordinatorAccess: false });
    expect((await dispatchError('meldcode.get', { studentId })).code).toBe('FORBIDDEN');
    // While the school has no aandachtsfunctionaris, a coordinator appoints the first.
    await call(backend, 'users.setRoles', { userId: llcoId, roles: ['lid', 'aandachtsfunctionaris'] });
    // From then on the coordinator cannot give themselves (or coordinators) Meldcode access.
    expect(
      (
        await dispatchError('users.setRoles', {
          userId: coordinatorId,
          roles: ['coordinator', 'aandachtsfunctionaris'],
        })
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (await dispatchError('settings.update', { ...settings, meldcodeCoordinatorAccess: true })).fields?.meldcodeCoordinatorAccess,
    ).toMatch(/aandachtsfunctionaris/);
    await asLlco();
    expect((await call(backend, 'meldcode.get', { studentId }))?.steps.signalen?.notes).toBe('Blauwe plekken gezien door de gymdocent.');
    // The LLCO may not hand out roles; the coordinator may not leave the school without one.
    expect((await dispatchError('users.setRoles', { userId: coordinatorId, roles: ['lid'] })).code).toBe('FORBIDDEN');
    await asCoordinator();
    expect(await dispatchError('users.setRoles', { userId: coordinatorId, roles: ['lid'] })).toMatchObject({
      code: 'VALIDATION',
      message: 'Er moet minstens één coördinator blijven.',
    });
  });

  it('keeps attachments inside the vault and refuses empty, oversized or disguised files by name', async () => {
    await asLlco();
    const { id } = await call(backend, 'intakes.create', { studentId, anonymousYearLevel: null, seriesId: zat });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 32)]);
    const add = (fileName: string, content: Buffer) => ({
      intakeId: id,
      consentId: null,
      fileName,
      contentBase64: content.toString('base64'),
    });
    const { id: attachmentId } = await call(backend, 'attachments.add', add('Verslag GGD.pdf', pdf));
    expect((await dispatchError('attachments.add', add('leeg.pdf', Buffer.alloc(0)))).message).toBe(
      '"leeg.pdf" is leeg en is niet toegevoegd.',
    );
    expect((await dispatchError('attachments.add', add('scan.pdf', Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)])))).message).toMatch(
      /^"scan.pdf" is te groot \(10,0 MB; maximaal 10 MB per bestand\)\.$/,
    );
    expect((await dispatchError('attachments.add', add('virus.pdf', Buffer.from('MZ\x90\x00programma')))).message).toBe(
      '"virus.pdf" is geen echt PDF-bestand (de inhoud klopt niet met de naam).',
    );
    expect((await dispatchError('attachments.add', add('notities.txt', Buffer.from('tekst')))).code).toBe('ATTACHMENT_REFUSED');
    const back = await call(backend, 'attachments.download', { id: attachmentId });
    expect(Buffer.from(back.contentBase64, 'base64').equals(pdf)).toBe(true);
    expect((await call(backend, 'intakes.get', { id })).attachments.map((a) => a.fileName)).toEqual(['Verslag GGD.pdf']);

    // Opening (Electron) writes a private temporary copy that is gone once the vault locks.
    const path = openAttachmentFile(backend, backend.session!.vault.db, attachmentId);
    expect(readFileSync(path).equals(pdf)).toBe(true);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
    // A copy a crash left behind is one the start-up sweep knows as its own.
    expect(basename(dirname(path)).startsWith(TEMP_PREFIX)).toBe(true);
    const leftovers = tempDir('zorgoverleg-test-sweep-');
    cpSync(dirname(path), join(leftovers.path, basename(dirname(path))), { recursive: true });
    sweepTemporaryCopies(leftovers.path);
    expect(existsSync(join(leftovers.path, basename(dirname(path))))).toBe(false);
    leftovers.cleanup();
    backend.lock();
    expect(existsSync(path)).toBe(false);
    expect(existsSync(dirname(path))).toBe(false);
  });

  it('keeps intakes and consent through a restart, encrypted at rest', async () => {
    const id = await submittedIntake();
    await consent({ kind: 'guardian', guardianId: mother }, [leerplicht]);
    await switchTo(coordinatorId, newSchool.passphrase);
    const again = await call(backend, 'intakes.get', { id });
    expect(again.answers.vraag).toBe(fullAnswers.vraag);
    expect((await call(backend, 'consent.overview', { studentId })).records).toHaveLength(1);
    backend.lock();
    const { readdirSync } = await import('node:fs');
    const vault = readdirSync(dir.path).find((f) => f.endsWith('.zorgoverleg'))!;
    expect(readFileSync(`${dir.path}/${vault}`).includes(Buffer.from('jeugdarts nodig'))).toBe(false);
  });

  function consentInput(signer: MethodInput<'consent.record'>['signer'], givenOn: string): MethodInput<'consent.record'> {
    return {
      studentId,
      signer,
      decision: 'given',
      purposes: ['bespreking'],
      partnerIds: [leerplicht],
      method: 'mondeling',
      informationGiven: '',
      givenOn,
      validUntil: null,
    };
  }

  async function dispatchError(method: string, input: unknown) {
    const { dispatch } = await import('../../electron/app/dispatch');
    const result = await dispatch(backend, method, input);
    if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
    return result.error;
  }
});

describe('validation errors name their field', () => {
  it('returns every invalid input field by its path, with the Dutch message', async () => {
    const dir = tempDir();
    const backend = makeBackend(dir.path);
    try {
      await call(backend, 'vault.create', newSchool);
      const { dispatch } = await import('../../electron/app/dispatch');
      const result = await dispatch(backend, 'consent.withdraw', {
        id: 'x',
        withdrawnOn: '31-02-2026',
        withdrawnBy: ' ',
        note: '',
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.fields).toEqual({
        withdrawnOn: 'Datum van intrekking: vul een datum in als dd-mm-jjjj.',
        withdrawnBy: 'Vul in wie de toestemming intrekt.',
      });
    } finally {
      backend.lock();
      dir.cleanup();
    }
  });
});
