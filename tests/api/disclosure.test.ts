import fc from 'fast-check';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/api/context';
import type { MethodOutput } from '../../electron/app/contract';
import { initials } from '../../electron/features/people/names';
import { call } from '../helpers/backend';
import {
  acceptedIntake,
  addStudent,
  apiError,
  bytesOf,
  caseItemOf,
  documentsSchool,
  fillSchoolContact,
  fullNameOf,
  intakeAnswers,
  jesse,
  sara,
  saraConsentsTo,
  saveAction,
  TODAY,
  visibleText,
  type DocumentsSchool,
  type StudentSpec,
} from './documents-setup';

/**
 * Who may read what, through every channel (issue 21, items 1–4): an external guest on one item,
 * a case without consent in the notulen and on the ZAT agenda, students who are not on the agenda
 * on the projector, and another child's name in a "mag naar ouders" text. Each asks one policy
 * (electron/features/disclosure/). The clock is fixed (Monday 2 November 2026).
 */

const jesseName = fullNameOf(jesse);
const saraName = fullNameOf(sara);
const noah: StudentSpec = {
  givenName: 'Noah',
  infix: '',
  familyName: 'Jansen',
  studentNumber: '700303',
  className: '1A',
  yearLevel: 1,
  birthDate: '2013-01-15',
};

/** Every identifier of a student as the issue lists them. */
const identifiersOf = (s: StudentSpec) => [fullNameOf(s), s.givenName, s.familyName, s.studentNumber, `${initials(s)} (${s.className})`];

async function finished(backend: Backend, jobId: string): Promise<MethodOutput<'letters.progress'>> {
  const deadline = performance.now() + 20_000;
  for (;;) {
    const progress = await call(backend, 'letters.progress', { jobId });
    if (progress.state !== 'running') return progress;
    if (performance.now() > deadline) throw new Error('letters job still running');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('disclosure: one rule for who may read what', () => {
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

  it(
    '1. an external guest on one item of an internal meeting makes that item an external discussion: ' +
      'stukken anonymised, projector without the name',
    async () => {
      const { backend, meetingId } = school;
      await acceptedIntake(school, {
        studentId: school.jesseId,
        seriesId: school.iot,
        meetingId,
        answers: intakeAnswers(jesseName),
      });
      await call(backend, 'agenda.create', { meetingId });
      const item = await caseItemOf(backend, meetingId, school.jesseId);
      await call(backend, 'agenda.updateItem', {
        id: item.id,
        title: item.title,
        presenterId: null,
        durationMinutes: 15,
        confidential: false,
        guests: [{ kind: 'partner', name: 'Leerplicht' }],
      });
      const gated = await caseItemOf(backend, meetingId, school.jesseId);
      expect(gated.consent?.state).toBe('missing');

      const papers = await visibleText(bytesOf(await call(backend, 'documents.papers', { meetingId })));
      expect(papers).toContain('Geanonimiseerd');
      expect(papers).toContain('12 lesuren ongeoorloofd');
      for (const id of identifiersOf(jesse)) expect(papers).not.toContain(id);

      await call(backend, 'presentation.start', { meetingId });
      await call(backend, 'presentation.control', { command: 'goTo', itemId: item.id });
      await call(backend, 'presentation.showNames', { show: true });
      const screen = JSON.stringify(await call(backend, 'presentation.projector', { seen: null }));
      expect(screen).toContain(`${initials(jesse)}, ${jesse.className}`);
      expect(screen).not.toContain(jesseName);

      const team = await visibleText(bytesOf(await call(backend, 'documents.minutes', { meetingId, names: 'volledig' })));
      expect(team).not.toContain(jesseName);
    },
  );

  it(
    '2. the notulen of a ZAT anonymise the copied question and actions of a case without consent, and ' +
      'the ZAT agenda shows it as the stukken do',
    async () => {
      const { backend, zatMeetingId } = school;
      await acceptedIntake(school, {
        studentId: school.jesseId,
        seriesId: school.zat,
        meetingId: zatMeetingId,
        answers: {
          ...intakeAnswers(jesseName),
          aanleiding: `${jesseName} is sinds de herfstvakantie vaak afwezig. Moeder Marieke de Vries belt elke week.`,
        },
      });
      await call(backend, 'agenda.create', { meetingId: zatMeetingId });
      const item = await caseItemOf(backend, zatMeetingId, school.jesseId);
      expect(item.consent?.state).toBe('missing');
      await saveAction(backend, {
        itemId: item.id,
        what: `Huisbezoek bij ${jesseName} (${jesse.studentNumber})`,
        holder: { kind: 'staff', staffId: school.bgr, partnerId: null },
        due: { kind: 'volgende-overleg' },
        audience: 'intern',
      });

      for (const names of ['initialen', 'volledig'] as const) {
        const minutes = await visibleText(bytesOf(await call(backend, 'documents.minutes', { meetingId: zatMeetingId, names })));
        expect(minutes, names).toContain('Huisbezoek bij [naam]');
        expect(minutes, names).toContain('vaak afwezig');
        for (const id of [jesseName, 'Jesse', jesse.studentNumber, 'Marieke']) expect(minutes, `${names}: ${id}`).not.toContain(id);
      }

      const agenda = await visibleText(bytesOf(await call(backend, 'documents.agenda', { meetingId: zatMeetingId, names: 'initialen' })));
      expect(agenda).toContain('Leerling uit leerjaar 2');
      expect(agenda).not.toContain(initials(jesse));
      expect(agenda).not.toMatch(/\bbgr\b/);
    },
  );

  it("3. the projector scrubs every student of the vault, not only this agenda's, possessives too", async () => {
    const { backend, meetingId } = school;
    await addStudent(backend, noah);
    await call(backend, 'agenda.create', { meetingId });
    await call(backend, 'agenda.addItem', { meetingId, kind: 'overig', title: 'Pestincident Noah Jansen' });
    await call(backend, 'agenda.addItem', {
      meetingId,
      kind: 'casus',
      studentId: school.saraId,
      intakeId: null,
      origin: 'handmatig',
    });
    const saraItem = await caseItemOf(backend, meetingId, school.saraId);
    await call(backend, 'minutes.saveField', {
      itemId: saraItem.id,
      field: 'vraag',
      text: 'Jesses moeder belde over Sara en Noah.',
      audience: 'ouders',
      baseRevision: 0,
    });
    await call(backend, 'minutes.saveField', {
      itemId: saraItem.id,
      field: 'besluit',
      text: 'Noah Jansen wordt buddy van Sara.',
      audience: 'ouders',
      baseRevision: 0,
    });

    await call(backend, 'presentation.start', { meetingId });
    await call(backend, 'presentation.control', { command: 'goTo', itemId: saraItem.id });
    await call(backend, 'presentation.control', { command: 'minutes', show: true });
    const screen = await call(backend, 'presentation.projector', { seen: null });
    const json = JSON.stringify(screen);
    expect(json).toContain('Pestincident [naam]');
    expect(json).toContain('[naam] moeder belde over [naam] en [naam].');
    expect(json).toContain('[naam] wordt buddy van [naam].');
    for (const id of ['Noah', 'Jansen', 'Jesse', 'Sara']) expect(json).not.toContain(id);
  });

  it("4. another child's name in a 'mag naar ouders' text or action never reaches this child's parents; the actielijst in initials names nobody", async () => {
    const { backend, meetingId } = school;
    await fillSchoolContact(school);
    await call(backend, 'agenda.create', { meetingId });
    await call(backend, 'agenda.addItem', {
      meetingId,
      kind: 'casus',
      studentId: school.jesseId,
      intakeId: null,
      origin: 'handmatig',
    });
    const item = await caseItemOf(backend, meetingId, school.jesseId);
    await call(backend, 'minutes.saveField', {
      itemId: item.id,
      field: 'besluit',
      text: `Jesse gaat met ${saraName} naar de huiswerkklas; Saras moeder Ilse brengt ze.`,
      audience: 'ouders',
      baseRevision: 0,
    });
    await saveAction(backend, {
      itemId: item.id,
      what: `Afspraak plannen met ${saraName} en Jesse`,
      holder: { kind: 'ouders', staffId: null, partnerId: null },
      due: { kind: 'datum', date: '2026-11-30' },
      audience: 'ouders',
    });

    const extract = await visibleText(bytesOf(await call(backend, 'documents.extract', { itemId: item.id, version: 'ouders' })));
    expect(extract).toContain('Jesse gaat met [naam] naar de huiswerkklas; [naam] moeder [naam] brengt ze.');
    expect(extract).toContain('Afspraak plannen met [naam] en Jesse');
    for (const id of [...identifiersOf(sara), 'Ilse', 'Saras']) expect(extract).not.toContain(id);

    const { jobId } = await call(backend, 'letters.start', {
      meetingId,
      templateId: 'terugkoppeling',
      studentIds: [school.jesseId],
      includeWithoutAuthority: [],
      copyToParents: true,
    });
    const progress = await finished(backend, jobId);
    expect(progress.error).toBeNull();
    const letters = await visibleText(bytesOf(progress.result!.print));
    expect(letters).toContain('Afspraak plannen met [naam] en Jesse');
    for (const id of [saraName, 'Sara', 'Bakker', 'Ilse']) expect(letters).not.toContain(id);

    const list = await visibleText(
      bytesOf(
        await call(backend, 'documents.actionList', {
          groupBy: 'holder',
          holderStaffId: null,
          seriesId: null,
          studentId: null,
          mine: false,
          overdueOnly: false,
          names: 'initialen',
        }),
      ),
    );
    expect(list).toContain('Afspraak plannen met [naam] en [naam]');
    for (const id of [saraName, jesseName, 'Jesse']) expect(list).not.toContain(id);
  });

  it("names, while typing, another child or parent in a text for this child's parents (disclosure.check)", async () => {
    const { backend } = school;
    await call(backend, 'staff.save', {
      id: null,
      name: 'Sara de Wit',
      code: 'sdw',
      functions: ['mentor'],
      email: '',
      active: true,
    });
    const found = await call(backend, 'disclosure.check', {
      studentId: school.jesseId,
      text: `Jesse en ${saraName} gaan samen; Ilse belt, Marieke de Vries ook. Sara belt u.`,
    });
    expect(found.names).toEqual([
      { text: saraName, alsoStaff: false },
      { text: 'Ilse', alsoStaff: false },
      // Sara is a pupil's name and a colleague's: it goes, and the warning says the colleague may have been meant.
      { text: 'Sara', alsoStaff: true },
    ]);
    expect(
      (
        await call(backend, 'disclosure.check', {
          studentId: school.jesseId,
          text: 'Jesse en zijn moeder Marieke komen.',
        })
      ).names,
    ).toEqual([]);
    expect((await call(backend, 'disclosure.check', { studentId: null, text: 'Jesse komt.' })).names).toEqual([
      { text: 'Jesse', alsoStaff: false },
    ]);
    expect((await apiError(backend, 'disclosure.check', { studentId: 'bestaat-niet', text: 'x' })).code).toBe('NOT_FOUND');
  });

  it(
    'gives each external partner who attended a version of the notulen: their cases named, others ' + 'anonymised, no intern text',
    async () => {
      const { backend, zatMeetingId } = school;
      await saraConsentsTo(school, [school.leerplicht]);
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
      await call(backend, 'minutes.saveField', {
        itemId: jesseItem.id,
        field: 'bespreking',
        text: 'Jesse de Vries verzuimt; thuis speelt een scheiding.',
        audience: 'intern',
        baseRevision: 0,
      });
      await call(backend, 'minutes.saveField', {
        itemId: jesseItem.id,
        field: 'besluit',
        text: 'Jesse krijgt een verzuimgesprek.',
        audience: 'ouders',
        baseRevision: 0,
      });
      await call(backend, 'minutes.saveField', {
        itemId: saraItem.id,
        field: 'besluit',
        text: 'Sara Bakker gaat naar de huiswerkklas met Jesse.',
        audience: 'ouders',
        baseRevision: 0,
      });

      expect(await call(backend, 'documents.minutesReaders', { meetingId: zatMeetingId })).toEqual([
        { partnerId: school.leerplicht, name: 'Leerplicht Utrecht', wholeMeeting: true },
      ]);
      const file = await call(backend, 'documents.minutes', {
        meetingId: zatMeetingId,
        names: 'volledig',
        partnerId: school.leerplicht,
      });
      expect(file.fileName).toMatch(/^notulen-.*-partner\.docx$/);
      const text = await visibleText(bytesOf(file));
      expect(text).toContain('Versie voor Leerplicht Utrecht');
      expect(text).toContain(`${saraName} (${sara.className})`);
      expect(text).toContain('Sara Bakker gaat naar de huiswerkklas met [naam].');
      expect(text).toContain('Leerling uit leerjaar 2');
      expect(text).toContain('[naam] krijgt een verzuimgesprek.');
      expect(text).not.toContain('scheiding');
      for (const id of identifiersOf(jesse)) expect(text).not.toContain(id);

      expect(
        (
          await apiError(backend, 'documents.minutes', {
            meetingId: school.meetingId,
            names: 'initialen',
            partnerId: school.leerplicht,
          })
        ).code,
      ).toBe('VALIDATION');
    },
  );

  it("letters, the parents' extract and the inzage hold no other child of generated schools, however the secretary named them", async () => {
    const given = ['Noor', 'Daan', 'Lotte', 'Milan', 'Sanne', 'Jesse'];
    const families: [string, string][] = [
      ['', 'Visser'],
      ['van', 'Dijk'],
      ['de', 'Jong'],
      ['', 'Smit'],
      ['van der', 'Berg'],
    ];
    const others$ = fc.array(
      fc.tuple(fc.integer({ min: 0, max: given.length - 1 }), fc.integer({ min: 0, max: families.length - 1 }), fc.nat(6)),
      { minLength: 2, maxLength: 4 },
    );
    const { backend, meetingId } = school;
    await fillSchoolContact(school);
    await call(backend, 'agenda.create', { meetingId });
    await call(backend, 'agenda.addItem', {
      meetingId,
      kind: 'casus',
      studentId: school.jesseId,
      intakeId: null,
      origin: 'handmatig',
    });
    const item = await caseItemOf(backend, meetingId, school.jesseId);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(others$, async (spec) => {
        run++;
        const others: StudentSpec[] = spec.map(([g, f], i) => ({
          givenName: given[g]!,
          infix: families[f]![0],
          familyName: families[f]![1],
          studentNumber: `71${run}${i}0`.padEnd(6, '0').slice(0, 6),
          className: '1C',
          yearLevel: 1,
          birthDate: '2013-02-02',
        }));
        for (const other of others) await addStudent(backend, other);
        const mention = (o: StudentSpec, way: number) =>
          [
            fullNameOf(o),
            `${o.givenName}s moeder`,
            `${initials(o)} (${o.className})`,
            o.studentNumber,
            `${o.givenName} en`,
            `${[o.infix, o.familyName].filter(Boolean).join(' ')} belde`,
            o.givenName,
          ][way % 7]!;
        const text = others.map((o, i) => mention(o, spec[i]![2])).join('; ');
        const current = await caseItemOf(backend, meetingId, school.jesseId);
        const besluit = current.fields.find((f) => f.field === 'besluit')!;
        const saved = await call(backend, 'minutes.saveField', {
          itemId: item.id,
          field: 'besluit',
          text: `Jesse en ${text}.`,
          audience: 'ouders',
          baseRevision: besluit.revision,
        });
        expect(saved.saved).toBe(true);
        const action = await saveAction(backend, {
          itemId: item.id,
          what: `Afspraak met ${text}`,
          holder: { kind: 'ouders', staffId: null, partnerId: null },
          due: { kind: 'datum', date: '2026-11-30' },
          audience: 'ouders',
        });

        const extract = await visibleText(bytesOf(await call(backend, 'documents.extract', { itemId: item.id, version: 'ouders' })));
        const { jobId } = await call(backend, 'letters.start', {
          meetingId,
          templateId: 'terugkoppeling',
          studentIds: [school.jesseId],
          includeWithoutAuthority: [],
          copyToParents: true,
        });
        const progress = await finished(backend, jobId);
        expect(progress.error).toBeNull();
        const letters = await visibleText(bytesOf(progress.result!.print));
        const zip = await JSZip.loadAsync(bytesOf(await call(backend, 'inzage.export', { studentId: school.jesseId })));
        const docx = Object.keys(zip.files).find((n) => n.endsWith('.docx'))!;
        const inzage = await visibleText(await zip.file(docx)!.async('nodebuffer'));
        for (const [channel, out] of [
          ['uittreksel', extract],
          ['brieven', letters],
          ['inzage', inzage],
        ] as const) {
          expect(out, channel).toContain('Jesse en ');
          for (const o of others) {
            // A given name Jesse's own family shares is no one else's to give away.
            const words = [
              fullNameOf(o),
              o.studentNumber,
              `${initials(o)} (${o.className})`,
              ...(o.givenName === jesse.givenName ? [] : [o.givenName]),
              ...(o.familyName === jesse.familyName ? [] : [o.familyName]),
            ];
            for (const w of words) expect(out.includes(w), `${channel}: "${w}" in ${out}`).toBe(false);
          }
        }
        await call(backend, 'actions.remove', { id: action.id });
      }),
      { numRuns: 6 },
    );
  }, 180_000);
});
