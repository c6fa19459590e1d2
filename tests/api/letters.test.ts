import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/api/context';
import type { MethodOutput } from '../../electron/app/contract';
import { shippedTemplates } from '../../electron/features/letters/shipped-templates';
import { call } from '../helpers/backend';
import {
  addStudent,
  apiError,
  auditOf,
  bytesOf,
  caseItemOf,
  documentsSchool,
  fillSchoolContact,
  fullNameOf,
  guardianInput,
  jesse,
  sara,
  saveAction,
  switchUser,
  TODAY,
  visibleText,
  type DocumentsSchool,
  type StudentSpec,
} from './documents-setup';

/**
 * Letters to parents through the real dispatcher: the templates a coordinator edits, who each
 * student's letter goes to, and a run of letters as a job the screen polls, with its files, the
 * timeline entry and the audit line. The clock is fixed (Monday 2 November 2026).
 */

type Progress = MethodOutput<'letters.progress'>;

/** Polls a letters job until it is no longer running; fails after `timeoutMs` of real time. */
async function finished(backend: Backend, jobId: string, timeoutMs = 15_000): Promise<Progress> {
  // performance.now(), not Date: Date is faked (and stands still) in these tests.
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const progress = await call(backend, 'letters.progress', { jobId });
    if (progress.state !== 'running') return progress;
    if (performance.now() > deadline)
      throw new Error(`letters job still running after ${timeoutMs} ms (${progress.done}/${progress.total})`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The files in a zip with the text of each (they are all .docx). */
async function zippedLetters(file: { contentBase64: string }): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytesOf(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) out.set(name, await visibleText(await zip.file(name)!.async('nodebuffer')));
  return out;
}

const jesseName = fullNameOf(jesse);
const saraName = fullNameOf(sara);
const jesseSalutation = 'Geachte mevrouw De Vries, geachte heer De Vries,';
const saraMotherSalutation = 'Geachte mevrouw Bakker,';
const saraFatherSalutation = 'Geachte heer Bakker,';
const noah: StudentSpec = {
  givenName: 'Noah',
  infix: '',
  familyName: 'Jansen',
  studentNumber: '700303',
  className: '1A',
  yearLevel: 1,
  birthDate: '2013-01-15',
};
const lotte: StudentSpec = {
  givenName: 'Lotte',
  infix: 'van',
  familyName: 'Dijk',
  studentNumber: '700404',
  className: '1A',
  yearLevel: 1,
  birthDate: '2013-05-02',
};
const noOptions = { includeWithoutAuthority: [], copyToParents: true };

describe('letters', () => {
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

  /** The IOT of 12 November with these students on its agenda. */
  async function iotWith(studentIds: string[]) {
    const { backend, meetingId } = school;
    await call(backend, 'agenda.create', { meetingId });
    for (const studentId of studentIds)
      await call(backend, 'agenda.addItem', {
        meetingId,
        kind: 'casus',
        studentId,
        intakeId: null,
        origin: 'handmatig',
      });
  }

  /** Jesse's and Sara's cases with a decision and actions, for parents and for the team. */
  async function minutesForLetters() {
    const { backend, meetingId } = school;
    await iotWith([school.jesseId, school.saraId]);
    const jesseItem = await caseItemOf(backend, meetingId, school.jesseId);
    const saraItem = await caseItemOf(backend, meetingId, school.saraId);
    const due = { kind: 'datum' as const, date: '2026-11-20' };
    await call(backend, 'minutes.saveField', {
      itemId: jesseItem.id,
      field: 'bespreking',
      text: 'Thuis speelt een scheiding.',
      audience: 'intern',
      baseRevision: 0,
    });
    await call(backend, 'minutes.saveField', {
      itemId: jesseItem.id,
      field: 'besluit',
      text: 'Jesse gaat twee keer per week naar de huiswerkklas.',
      audience: 'ouders',
      baseRevision: 0,
    });
    await call(backend, 'minutes.setDecision', { itemId: jesseItem.id, decision: 'basisondersteuning', decided: true });
    await saveAction(backend, {
      itemId: jesseItem.id,
      what: 'Aanmelden voor de huiswerkklas',
      holder: { kind: 'staff', staffId: school.bgr, partnerId: null },
      due,
      audience: 'ouders',
    });
    await saveAction(backend, {
      itemId: jesseItem.id,
      what: 'Verzuim doorgeven aan leerplicht',
      holder: { kind: 'staff', staffId: school.awo, partnerId: null },
      due,
      audience: 'intern',
    });
    await call(backend, 'minutes.saveField', {
      itemId: saraItem.id,
      field: 'besluit',
      text: 'Sara krijgt een buddy.',
      audience: 'ouders',
      baseRevision: 0,
    });
    await call(backend, 'minutes.setDecision', { itemId: saraItem.id, decision: 'basisondersteuning', decided: true });
  }

  describe('templates', () => {
    it('lists the four shipped templates, refuses an unknown placeholder by field, keeps an edit and resets it', async () => {
      const { backend } = school;
      const templates = await call(backend, 'letters.templates', {});
      expect(templates.map((t) => t.id)).toEqual(['uitnodiging', 'terugkoppeling', 'toestemming', 'verwijzing']);
      expect(templates.map((t) => ({ name: t.name, subject: t.subject, body: t.body, edited: t.edited }))).toEqual(
        shippedTemplates.map((t) => ({ name: t.name, subject: t.subject, body: t.body, edited: false })),
      );

      const shipped = shippedTemplates.find((t) => t.key === 'uitnodiging')!;
      const misspelt = await apiError(backend, 'letters.saveTemplate', {
        id: 'uitnodiging',
        name: shipped.name,
        subject: shipped.subject,
        body: 'Beste {{leerling.naam2}},\n\nWelkom.',
      });
      expect(misspelt.code).toBe('VALIDATION');
      expect(misspelt.fields?.body).toContain('{{leerling.naam2}}');
      expect(misspelt.fields?.subject).toBeUndefined();
      expect(misspelt.message).toContain('{{leerling.naam2}}');
      expect((await call(backend, 'letters.templates', {})).find((t) => t.id === 'uitnodiging')).toMatchObject({
        body: shipped.body,
        edited: false,
      });

      const body = 'Wij nodigen u uit op {{overleg.datum}} om over {{leerling.roepnaam}} te praten.';
      expect(
        await call(backend, 'letters.saveTemplate', {
          id: 'uitnodiging',
          name: 'Uitnodiging (kort)',
          subject: 'Uitnodiging over {{leerling.roepnaam}}',
          body,
        }),
      ).toEqual({ id: 'uitnodiging' });
      const edited = (await call(backend, 'letters.templates', {})).find((t) => t.id === 'uitnodiging')!;
      expect(edited).toMatchObject({
        name: 'Uitnodiging (kort)',
        subject: 'Uitnodiging over {{leerling.roepnaam}}',
        body,
        edited: true,
      });
      expect(await call(backend, 'letters.templates', {})).toHaveLength(4);

      await call(backend, 'letters.resetTemplate', { id: 'uitnodiging' });
      expect((await call(backend, 'letters.templates', {})).find((t) => t.id === 'uitnodiging')).toMatchObject({
        name: shipped.name,
        subject: shipped.subject,
        body: shipped.body,
        edited: false,
      });
    });
  });

  describe('cases', () => {
    it('lists the letters each case would get: one for parents at one address, one per address for parents who live apart', async () => {
      const { backend, meetingId } = school;
      // Jesse's stepfather lives elsewhere and has no parental authority: only when chosen.
      const stepfather = (
        await call(
          backend,
          'guardians.save',
          guardianInput(
            {
              givenName: 'Erik',
              infix: '',
              familyName: 'Wit',
              relation: 'stiefouder',
              parentalAuthority: false,
              salutation: 'Geachte heer Wit',
              street: 'Kade',
              houseNumber: '2',
              postalCode: '3511 AA',
              city: 'Utrecht',
            },
            school.jesseId,
          ),
        )
      ).id;
      await iotWith([school.jesseId, school.saraId]);
      const { cases } = await call(backend, 'letters.cases', { meetingId, templateId: 'uitnodiging', ...noOptions });
      expect(cases.map((c) => [c.studentId, c.title, c.studentNumber])).toEqual([
        [school.jesseId, `${jesseName} (${jesse.className})`, jesse.studentNumber],
        [school.saraId, `${saraName} (${sara.className})`, sara.studentNumber],
      ]);
      const [forJesse, forSara] = cases;
      expect(forJesse!.letters).toEqual([
        {
          kind: 'ouders',
          addressLines: ['Mevr. M. de Vries', 'Dhr. M. de Vries', 'Lindelaan 4', '3512 KL  Utrecht'],
          salutation: jesseSalutation,
        },
      ]);
      expect(forJesse!.withoutAuthority).toEqual([{ id: stepfather, name: 'Erik Wit' }]);
      expect(forSara!.letters).toEqual([
        {
          kind: 'ouders',
          addressLines: ['Mevr. I. Bakker', 'Dorpsstraat 8', '3431 AB  Nieuwegein'],
          salutation: saraMotherSalutation,
        },
        {
          kind: 'ouders',
          addressLines: ['Dhr. T. Bakker', 'Dijk 17a', '3432 CD  Nieuwegein'],
          salutation: saraFatherSalutation,
        },
      ]);
      expect(cases.every((c) => c.warnings.length === 0)).toBe(true);

      const withStepfather = await call(backend, 'letters.cases', {
        meetingId,
        templateId: 'uitnodiging',
        includeWithoutAuthority: [stepfather],
        copyToParents: true,
      });
      expect(withStepfather.cases[0]!.letters.map((l) => l.addressLines[0])).toEqual(['Mevr. M. de Vries', 'Dhr. E. Wit']);
    });
  });

  describe('what a family reads (issue 21)', () => {
    it('warns about empty school contact fields before any letter is made, and refuses to print "—" for them', async () => {
      const { backend, meetingId } = school;
      await minutesForLetters();
      const settings = await call(backend, 'settings.get', {});
      await call(backend, 'settings.update', { ...settings, phone: '', email: '' });
      const cases = await call(backend, 'letters.cases', { meetingId, templateId: 'terugkoppeling', ...noOptions });
      expect(cases.contactProblems).toEqual([
        '{{school.telefoon}}: het telefoonnummer van de school is niet ingevuld',
        '{{coordinator.email}}: het e-mailadres voor de brieven (het e-mailadres van de school) is niet ingevuld',
      ]);
      const refused = await apiError(backend, 'letters.start', {
        meetingId,
        templateId: 'terugkoppeling',
        studentIds: [school.jesseId],
        ...noOptions,
      });
      expect(refused.code).toBe('VALIDATION');
      expect(refused.message).toContain('het telefoonnummer van de school is niet ingevuld');
      expect(refused.message).toContain('Instellingen → School en briefhoofd');
      // A template that does not name them is not held up.
      await call(backend, 'letters.saveTemplate', {
        id: null,
        name: 'Kort',
        subject: 'Over {{leerling.roepnaam}}',
        body: 'Wij hebben {{leerling.roepnaam}} besproken.',
      });
      const own = (await call(backend, 'letters.templates', {})).find((t) => t.name === 'Kort')!;
      expect((await call(backend, 'letters.cases', { meetingId, templateId: own.id, ...noOptions })).contactProblems).toEqual([]);

      await call(backend, 'settings.update', { ...settings, phone: '030 765 43 21', email: 'zorg@testlyceum.example' });
      expect((await call(backend, 'letters.cases', { meetingId, templateId: 'terugkoppeling', ...noOptions })).contactProblems).toEqual([]);
      const { jobId } = await call(backend, 'letters.start', {
        meetingId,
        templateId: 'terugkoppeling',
        studentIds: [school.jesseId],
        ...noOptions,
      });
      const print = await visibleText(bytesOf((await finished(backend, jobId)).result!.print));
      expect(print).toContain('telefonisch via 030 765 43 21');
      expect(print).not.toContain('—.');
    });

    it('names staff instead of their codes in the decision and actions parents read', async () => {
      const { backend, meetingId } = school;
      await iotWith([school.jesseId]);
      const item = await caseItemOf(backend, meetingId, school.jesseId);
      await call(backend, 'minutes.saveField', {
        itemId: item.id,
        field: 'besluit',
        text: 'Jesse gaat naar de huiswerkklas; bgr houdt het bij.',
        audience: 'ouders',
        baseRevision: 0,
      });
      await call(backend, 'minutes.setDecision', { itemId: item.id, decision: 'basisondersteuning', decided: true });
      await saveAction(backend, {
        itemId: item.id,
        what: 'Terugkoppelen aan bgr en AWO',
        holder: { kind: 'ouders', staffId: null, partnerId: null },
        due: { kind: 'volgende-overleg' },
        audience: 'ouders',
      });
      const { jobId } = await call(backend, 'letters.start', {
        meetingId,
        templateId: 'terugkoppeling',
        studentIds: [school.jesseId],
        ...noOptions,
      });
      const print = await visibleText(bytesOf((await finished(backend, jobId)).result!.print));
      expect(print).toContain('Jesse gaat naar de huiswerkklas; Bram Groen houdt het bij.');
      expect(print).toContain('Terugkoppelen aan Bram Groen en Anouk Wolters — u (ouders) — voor het volgende overleg');
      expect(print).not.toMatch(/\bbgr\b|\bAWO\b/i);
    });

    it('writes to a student of 16 or older as "je", with the parents’ copy of that letter', async () => {
      const { backend, meetingId } = school;
      const noor = await addStudent(backend, {
        givenName: 'Noor',
        infix: '',
        familyName: 'Visser',
        studentNumber: '700109',
        className: '4A',
        yearLevel: 4,
        birthDate: '2010-09-15',
      });
      await call(
        backend,
        'guardians.save',
        guardianInput(
          {
            givenName: 'Linda',
            infix: '',
            familyName: 'Visser',
            relation: 'moeder',
            parentalAuthority: true,
            street: 'Kade',
            houseNumber: '2',
            postalCode: '3511 AA',
            city: 'Utrecht',
            salutation: 'Geachte mevrouw Visser',
          },
          noor,
        ),
      );
      await iotWith([noor]);
      const item = await caseItemOf(backend, meetingId, noor);
      await call(backend, 'minutes.saveField', {
        itemId: item.id,
        field: 'besluit',
        text: 'Noor krijgt hulp bij het plannen.',
        audience: 'ouders',
        baseRevision: 0,
      });
      await call(backend, 'minutes.setDecision', { itemId: item.id, decision: 'basisondersteuning', decided: true });
      await saveAction(backend, {
        itemId: item.id,
        what: 'Een planning maken',
        holder: { kind: 'leerling', staffId: null, partnerId: null },
        due: { kind: 'volgende-overleg' },
        audience: 'ouders',
      });
      const { jobId } = await call(backend, 'letters.start', {
        meetingId,
        templateId: 'terugkoppeling',
        studentIds: [noor],
        ...noOptions,
      });
      const files = await zippedLetters(
        await (async () => (await finished(backend, jobId), call(backend, 'letters.perAddress', { jobId })))(),
      );
      const [toNoor, copy] = [...files.values()] as [string, string];
      expect(toNoor).toContain('Beste Noor,');
      expect(toNoor).toContain('In deze brief lees je wat wij hebben besloten');
      expect(toNoor).toContain('Een planning maken — jij — voor het volgende overleg');
      expect(toNoor).not.toMatch(/\buw kind\b|\bleest u\b|\buw zoon|\buw dochter/);
      expect(copy).toContain('Afschrift van de brief aan Noor Visser');
      expect(copy).toContain('In deze brief lees je wat wij hebben besloten');
    });
  });

  describe('a run of letters', () => {
    it('makes one print document and, asked for, one file per address; logs the letters on the timeline and in the audit', async () => {
      const { backend, meetingId } = school;
      await minutesForLetters();
      const { jobId } = await call(backend, 'letters.start', {
        meetingId,
        templateId: 'terugkoppeling',
        studentIds: [school.jesseId, school.saraId],
        ...noOptions,
      });
      const progress = await finished(backend, jobId);
      expect(progress).toMatchObject({ state: 'done', error: null });
      expect(progress.done).toBe(progress.total);
      const result = progress.result!;
      expect(result.letters).toBe(3);

      // The print document: every letter, merged, without a placeholder left.
      expect(result.print.fileName).toBe('brieven-2026-11-12-terugkoppeling.docx');
      const print = await visibleText(bytesOf(result.print));
      for (const salutation of [jesseSalutation, saraMotherSalutation, saraFatherSalutation]) expect(print).toContain(salutation);
      expect(print).toContain(`Wat we hebben afgesproken over ${jesse.givenName}`);
      expect(print).toContain(`Wat we hebben afgesproken over ${sara.givenName}`);
      expect(print).toContain('Jesse gaat twee keer per week naar de huiswerkklas.');
      expect(print).toContain('Aanmelden voor de huiswerkklas');
      expect(print).not.toMatch(/\{\{|\}\}/);
      // Only what parents may read.
      expect(print).not.toContain('Thuis speelt een scheiding.');
      expect(print).not.toContain('Verzuim doorgeven aan leerplicht');

      // Per address: a file each, named by leerlingnummer, holding that family's letter only.
      const perAddress = await call(backend, 'letters.perAddress', { jobId });
      expect(perAddress.fileName).toBe('brieven-2026-11-12-terugkoppeling-per-adres.zip');
      const files = await zippedLetters(perAddress);
      expect([...files.keys()]).toEqual([
        `brief-${jesse.studentNumber}-2026-11-12-terugkoppeling-1.docx`,
        `brief-${sara.studentNumber}-2026-11-12-terugkoppeling-1.docx`,
        `brief-${sara.studentNumber}-2026-11-12-terugkoppeling-2.docx`,
      ]);
      for (const name of files.keys()) {
        for (const part of [jesse.givenName, jesse.familyName, sara.givenName, sara.familyName])
          expect(name.toLowerCase()).not.toContain(part.toLowerCase());
      }
      const [toJesse, toSaraMother, toSaraFather] = [...files.values()];
      expect(toJesse).toContain(jesseSalutation);
      expect(toSaraMother).toContain(saraMotherSalutation);
      expect(toSaraMother).not.toContain(saraFatherSalutation);
      expect(toSaraFather).toContain(saraFatherSalutation);
      for (const other of [sara.givenName, sara.familyName, sara.studentNumber]) expect(toJesse).not.toContain(other);
      for (const other of [jesse.givenName, jesse.studentNumber, 'huiswerkklas']) expect(toSaraFather).not.toContain(other);

      for (const studentId of [school.jesseId, school.saraId]) {
        const letters = (await call(backend, 'students.timeline', { id: studentId })).filter((e) => e.kind === 'brief');
        expect(letters).toEqual([
          expect.objectContaining({
            date: '2026-11-02',
            title: 'Brief: Terugkoppeling na het overleg',
            ref: { type: 'overleg', id: meetingId },
          }),
        ]);
      }

      const audit = auditOf(backend, 'letters.start');
      expect(audit).toHaveLength(1);
      expect(audit[0]!.studentIds).toEqual([school.jesseId, school.saraId].sort());
      expect(audit[0]!.detail).toContain('Terugkoppeling na het overleg');
      for (const part of [jesse.givenName, sara.givenName, jesse.familyName, sara.familyName]) expect(audit[0]!.detail).not.toContain(part);
    });

    // A letter to two parents at one address is logged (and shown) as sent to both, not the first line only.
    it('records every parent a joint letter went to on the timeline', async () => {
      const { backend, meetingId } = school;
      await iotWith([school.jesseId]);
      const { jobId } = await call(backend, 'letters.start', {
        meetingId,
        templateId: 'uitnodiging',
        studentIds: [school.jesseId],
        ...noOptions,
      });
      expect((await finished(backend, jobId)).state).toBe('done');
      const entry = (await call(backend, 'students.timeline', { id: school.jesseId })).find((e) => e.kind === 'brief')!;
      expect(entry.detail).toContain('Mevr. M. de Vries');
      expect(entry.detail).toContain('Dhr. M. de Vries');
    });

    it('hands its files out once: asked again, the job is gone', async () => {
      const { backend, meetingId } = school;
      await iotWith([school.jesseId]);
      const { jobId } = await call(backend, 'letters.start', {
        meetingId,
        templateId: 'uitnodiging',
        studentIds: [school.jesseId],
        ...noOptions,
      });
      expect((await finished(backend, jobId)).state).toBe('done');
      const again = await apiError(backend, 'letters.progress', { jobId });
      expect(again).toMatchObject({ code: 'NOT_FOUND', message: 'Deze brieven zijn er niet meer. Maak ze opnieuw.' });
      expect((await apiError(backend, 'letters.progress', { jobId: 'bestaat-niet' })).code).toBe('NOT_FOUND');
    });

    it('is refused, naming the students, when a student has no parent with authority to write to', async () => {
      const { backend, meetingId } = school;
      const noahId = await addStudent(backend, noah);
      const lotteId = await addStudent(backend, lotte);
      // Lotte's only guardian has an address but no parental authority.
      await call(
        backend,
        'guardians.save',
        guardianInput(
          {
            givenName: 'Kees',
            infix: '',
            familyName: 'Smit',
            relation: 'stiefouder',
            parentalAuthority: false,
            salutation: 'Geachte heer Smit',
            street: 'Kade',
            houseNumber: '2',
            postalCode: '3511 AA',
            city: 'Utrecht',
          },
          lotteId,
        ),
      );
      await iotWith([school.jesseId, noahId, lotteId]);
      const { cases } = await call(backend, 'letters.cases', { meetingId, templateId: 'uitnodiging', ...noOptions });
      for (const id of [noahId, lotteId]) {
        const c = cases.find((x) => x.studentId === id)!;
        expect(c.letters).toEqual([]);
        expect(c.warnings).toContainEqual(expect.stringContaining('Niemand om aan te schrijven'));
      }

      const refused = await apiError(backend, 'letters.start', {
        meetingId,
        templateId: 'uitnodiging',
        studentIds: [school.jesseId, noahId, lotteId],
        ...noOptions,
      });
      expect(refused.code).toBe('VALIDATION');
      expect(refused.message).toContain(fullNameOf(noah));
      expect(refused.message).toContain(fullNameOf(lotte));
      expect(refused.message).not.toContain(jesseName);
      expect(refused.message).toMatch(/niemand bekend om de brief aan te sturen/);
      // Nothing was made or logged, not even for Jesse.
      expect((await call(backend, 'students.timeline', { id: school.jesseId })).some((e) => e.kind === 'brief')).toBe(false);
      expect(auditOf(backend, 'letters.start')).toEqual([]);
    });

    it('is made and its templates changed only by a coordinator', async () => {
      const { backend, meetingId } = school;
      await iotWith([school.jesseId]);
      const member = await call(backend, 'users.add', {
        name: 'Lies Lid',
        staffCode: 'lli',
        passphrase: 'wachtwoord van lies',
        roles: ['lid'],
      });
      await switchUser(school, member.id, 'wachtwoord van lies');
      expect(
        (
          await apiError(backend, 'letters.start', {
            meetingId,
            templateId: 'uitnodiging',
            studentIds: [school.jesseId],
            ...noOptions,
          })
        ).code,
      ).toBe('FORBIDDEN');
      const shipped = shippedTemplates[0]!;
      expect(
        (
          await apiError(backend, 'letters.saveTemplate', {
            id: shipped.key,
            name: shipped.name,
            subject: shipped.subject,
            body: 'Andere tekst.',
          })
        ).code,
      ).toBe('FORBIDDEN');
      expect((await apiError(backend, 'letters.resetTemplate', { id: shipped.key })).code).toBe('FORBIDDEN');
    });
  });
});
