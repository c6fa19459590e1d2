import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lettersSent } from '../../db/schema';
import { audienceAfterHolderChange, defaultActionAudience } from '../../electron/features/minutes/rules';
import { call, newSchool } from '../helpers/backend';
import {
  apiError,
  auditOf,
  bytesOf,
  caseItemOf,
  documentsSchool,
  fillSchoolContact,
  intakeAnswers,
  saveAction,
  switchUser,
  TODAY,
  visibleText,
  type DocumentsSchool,
} from './documents-setup';

/**
 * Issue 23, "a coordinator's day without stumbling": the timeline names who did it (the
 * coordinator who accepted, the parent who signed), an action for the parents goes to the parents
 * by default and so into their letter, and a letter is shown word for word before it is made and
 * logged. The clock is fixed (Monday 2 November 2026).
 */

const noOptions = { includeWithoutAuthority: [], copyToParents: true };

describe('a coordinator’s day (issue 23)', () => {
  let school: DocumentsSchool;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
    school = await documentsSchool();
    await fillSchoolContact(school);
  });
  afterEach(() => {
    school.backend.lock();
    school.dir.cleanup();
    vi.useRealTimers();
  });

  describe('the timeline names who did it', () => {
    it('names the coordinator who accepted and discussed an intake another user handed in, not the aanmelder', async () => {
      const { backend, jesseId } = school;
      const bram = await call(backend, 'users.add', {
        name: 'Bram Groen',
        staffCode: 'bgr',
        passphrase: 'wachtwoord van bram',
        roles: ['lid'],
      });
      await switchUser(school, bram.id, 'wachtwoord van bram');
      const { id } = await call(backend, 'intakes.create', {
        studentId: jesseId,
        anonymousYearLevel: null,
        seriesId: school.iot,
      });
      const draft = await call(backend, 'intakes.get', { id });
      await call(backend, 'intakes.submit', {
        id,
        revision: draft.revision,
        referrerId: school.bgr,
        referredOn: draft.referredOn,
        meetingId: school.meetingId,
        answers: intakeAnswers('Jesse'),
      });
      const handedIn = (await call(backend, 'students.timeline', { id: jesseId })).find((e) => e.kind === 'aanmelding')!;
      expect(handedIn.detail).toBe('Ingediend door Bram Groen · aanmelder: Bram Groen');

      await switchUser(school, school.coordinatorUserId, newSchool.passphrase);
      await call(backend, 'intakes.decide', { id, decision: 'accept', reason: '' });
      const accepted = (await call(backend, 'students.timeline', { id: jesseId })).filter((e) => e.kind === 'aanmelding');
      expect(accepted).toHaveLength(1);
      expect(accepted[0]).toMatchObject({
        date: '2026-11-02',
        detail: `Geaccepteerd door ${newSchool.userName} · aanmelder: Bram Groen`,
        ref: { type: 'aanmelding', id },
      });

      await call(backend, 'intakes.setStatus', { id, status: 'besproken' });
      const discussed = (await call(backend, 'students.timeline', { id: jesseId })).find((e) => e.kind === 'aanmelding')!;
      expect(discussed.detail).toBe(`Besproken door ${newSchool.userName} · aanmelder: Bram Groen`);
      expect(discussed.detail).not.toContain('Besproken door Bram Groen');
    });

    it('says which parent signed, gave or refused consent, and who withdrew it', async () => {
      const { backend, jesseId } = school;
      const consent = (guardianId: string, decision: 'given' | 'refused') =>
        call(backend, 'consent.record', {
          studentId: jesseId,
          signer: { kind: 'guardian', guardianId },
          decision,
          purposes: ['bespreking'],
          partnerIds: [school.leerplicht],
          method: 'schriftelijk',
          informationGiven: 'Uitleg over het ZAT.',
          givenOn: '2026-10-20',
          validUntil: null,
        });
      const { id: mothers } = await consent(school.guardians.jesseMother, 'given');
      await consent(school.guardians.jesseFather, 'refused');
      await call(backend, 'consent.withdraw', {
        id: mothers,
        withdrawnOn: '2026-10-28',
        withdrawnBy: 'moeder, telefonisch',
        note: '',
      });
      const titles = (await call(backend, 'students.timeline', { id: jesseId }))
        .filter((e) => e.kind === 'toestemming')
        .map((e) => e.title);
      expect(titles.sort()).toEqual(
        [
          'Toestemming gegeven door Marieke de Vries',
          'Toestemming geweigerd door Mark de Vries',
          'Toestemming ingetrokken door Marieke de Vries',
        ].sort(),
      );
    });
  });

  describe('an action for the parents', () => {
    it('follows its holder: the parents or the student go to the parents, staff and partners stay intern, a hand-made choice stays', () => {
      expect(defaultActionAudience('ouders')).toBe('ouders');
      expect(defaultActionAudience('leerling')).toBe('ouders');
      expect(defaultActionAudience('staff')).toBe('intern');
      expect(defaultActionAudience('partner')).toBe('intern');
      expect(defaultActionAudience(null)).toBe('intern');
      expect(audienceAfterHolderChange('intern', null, 'ouders')).toBe('ouders');
      expect(audienceAfterHolderChange('ouders', 'ouders', 'staff')).toBe('intern');
      // Set apart by hand: a staff action marked for the parents, a parents' action kept internal.
      expect(audienceAfterHolderChange('ouders', 'staff', 'partner')).toBe('ouders');
      expect(audienceAfterHolderChange('intern', 'ouders', 'staff')).toBe('intern');
      // Text typed for a colleague's action, as intern, does not go home when the holder becomes the parents.
      expect(audienceAfterHolderChange('intern', 'staff', 'ouders')).toBe('intern');
      expect(audienceAfterHolderChange('intern', 'partner', 'leerling')).toBe('intern');
    });

    it(
      'is "mag naar ouders" by default when Wie = Ouders, and the terugkoppeling letter lists it; an ' + 'intern action stays out',
      async () => {
        const { backend, meetingId, jesseId } = school;
        await call(backend, 'agenda.create', { meetingId });
        await call(backend, 'agenda.addItem', {
          meetingId,
          kind: 'casus',
          studentId: jesseId,
          intakeId: null,
          origin: 'handmatig',
        });
        const item = await caseItemOf(backend, meetingId, jesseId);
        // As the screen makes it: an empty action first (Alt+A), then Wie = Ouders, without touching "wie mag het lezen".
        const blank = await saveAction(backend, { itemId: item.id, what: '', holder: null, due: null });
        expect(blank.audience).toBe('intern');
        const forParents = await saveAction(backend, {
          id: blank.id,
          baseRevision: blank.revision,
          what: 'Een gesprek met de huisarts plannen',
          holder: { kind: 'ouders', staffId: null, partnerId: null },
          due: { kind: 'volgende-overleg' },
        });
        expect(forParents.audience).toBe('ouders');
        const created = await saveAction(backend, {
          itemId: item.id,
          what: 'Een slaapdagboek bijhouden',
          holder: { kind: 'leerling', staffId: null, partnerId: null },
          due: { kind: 'volgende-overleg' },
        });
        expect(created.audience).toBe('ouders');
        const intern = await saveAction(backend, {
          itemId: item.id,
          what: 'Dossier bijwerken',
          holder: { kind: 'staff', staffId: school.awo, partnerId: null },
          due: { kind: 'volgende-overleg' },
        });
        expect(intern.audience).toBe('intern');

        const { letters } = await call(backend, 'letters.preview', {
          meetingId,
          templateId: 'terugkoppeling',
          studentIds: [jesseId],
          ...noOptions,
        });
        const text = JSON.stringify(letters[0]!.body);
        expect(text).toContain('Een gesprek met de huisarts plannen — u (ouders) — voor het volgende overleg');
        expect(text).toContain('Een slaapdagboek bijhouden');
        expect(text).not.toContain('er zijn geen acties afgesproken');
        expect(text).not.toContain('Dossier bijwerken');
      },
    );
  });

  describe('a letter is seen before it is made', () => {
    it('previews the letter word for word without logging anything; making it logs it, with the same text in the Word file', async () => {
      const { backend, meetingId, jesseId } = school;
      await call(backend, 'agenda.create', { meetingId });
      await call(backend, 'agenda.addItem', {
        meetingId,
        kind: 'casus',
        studentId: jesseId,
        intakeId: null,
        origin: 'handmatig',
      });
      const item = await caseItemOf(backend, meetingId, jesseId);
      await call(backend, 'minutes.saveField', {
        itemId: item.id,
        field: 'besluit',
        text: 'Jesse gaat naar de huiswerkklas.',
        audience: 'ouders',
        baseRevision: 0,
      });
      await call(backend, 'minutes.saveField', {
        itemId: item.id,
        field: 'bespreking',
        text: 'Thuis speelt een scheiding.',
        audience: 'intern',
        baseRevision: 0,
      });
      await call(backend, 'minutes.setDecision', { itemId: item.id, decision: 'basisondersteuning', decided: true });
      const run = { meetingId, templateId: 'terugkoppeling', studentIds: [jesseId], ...noOptions };
      const sentRows = () => backend.session!.vault.db.select().from(lettersSent).all();

      const { letters } = await call(backend, 'letters.preview', run);
      expect(letters).toHaveLength(1);
      const [letter] = letters;
      expect(letter).toMatchObject({
        studentId: jesseId,
        studentName: 'Jesse de Vries',
        salutation: 'Geachte mevrouw De Vries, geachte heer De Vries,',
        addressLines: ['Mevr. M. de Vries', 'Dhr. M. de Vries', 'Lindelaan 4', '3512 KL  Utrecht'],
      });
      expect(letter!.placeAndDate).toContain('2 november 2026');
      const paragraphs = letter!.body.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.items));
      expect(paragraphs.join('\n')).toContain('Jesse gaat naar de huiswerkklas.');
      expect(paragraphs.join('\n')).not.toContain('Thuis speelt een scheiding.');
      // Looking is not sending: no audit line, no letter on the timeline, nothing in the log of letters.
      expect(auditOf(backend, 'letters.preview')).toEqual([]);
      expect(auditOf(backend, 'letters.start')).toEqual([]);
      expect(sentRows()).toEqual([]);
      expect((await call(backend, 'students.timeline', { id: jesseId })).some((e) => e.kind === 'brief')).toBe(false);

      // Confirmed: made and logged, and the Word file says what the preview said.
      const { jobId } = await call(backend, 'letters.start', run);
      const deadline = performance.now() + 15_000;
      let progress = await call(backend, 'letters.progress', { jobId });
      while (progress.state === 'running' && performance.now() < deadline) {
        await new Promise((resolve) => setImmediate(resolve));
        progress = await call(backend, 'letters.progress', { jobId });
      }
      expect(progress.state).toBe('done');
      const print = await visibleText(bytesOf(progress.result!.print));
      for (const line of [
        letter!.placeAndDate,
        letter!.subject,
        letter!.salutation,
        ...paragraphs,
        letter!.closing,
        letter!.signatory.name,
        ...letter!.addressLines,
      ])
        expect(print).toContain(line);
      expect(auditOf(backend, 'letters.start')).toHaveLength(1);
      expect(sentRows()).toHaveLength(1);
      expect((await call(backend, 'students.timeline', { id: jesseId })).filter((e) => e.kind === 'brief')).toHaveLength(1);
    });

    it('refuses a preview as it refuses the letters: only a coordinator, only students on the agenda', async () => {
      const { backend, meetingId, jesseId, saraId } = school;
      await call(backend, 'agenda.create', { meetingId });
      await call(backend, 'agenda.addItem', {
        meetingId,
        kind: 'casus',
        studentId: jesseId,
        intakeId: null,
        origin: 'handmatig',
      });
      const notOnAgenda = await apiError(backend, 'letters.preview', {
        meetingId,
        templateId: 'uitnodiging',
        studentIds: [saraId],
        ...noOptions,
      });
      expect(notOnAgenda).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('staat niet (meer) op de agenda'),
      });
      const member = await call(backend, 'users.add', {
        name: 'Lies Lid',
        staffCode: 'lli',
        passphrase: 'wachtwoord van lies',
        roles: ['lid'],
      });
      await switchUser(school, member.id, 'wachtwoord van lies');
      expect(
        (
          await apiError(backend, 'letters.preview', {
            meetingId,
            templateId: 'uitnodiging',
            studentIds: [jesseId],
            ...noOptions,
          })
        ).code,
      ).toBe('FORBIDDEN');
    });
  });
});
