import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initials } from '../../electron/features/people/names';
import { call, newSchool } from '../helpers/backend';
import { makePng, paragraphTexts, tables, TINY_PNG, unzipDocx } from '../docx/docx-text';
import {
  acceptedIntake,
  apiError,
  auditOf,
  bytesOf,
  caseItemOf,
  documentsSchool,
  fullNameOf,
  intakeAnswers,
  jesse,
  sara,
  saraConsentsTo,
  saveAction,
  switchUser,
  TODAY,
  visibleText,
  type DocumentsSchool,
} from './documents-setup';

/**
 * The Word documents through the real dispatcher: what each may show (initials or names, intern
 * text or not, one student only), their file names, the audit line of every export, and the logo
 * on the letterhead. The clock is fixed (Monday 2 November 2026).
 */

const jesseName = fullNameOf(jesse);
const saraName = fullNameOf(sara);
/** "J.d.V. (2B)", as the agenda prints a student by default. */
const jesseInitials = `${initials(jesse)} (${jesse.className})`;
const saraInitials = `${initials(sara)} (${sara.className})`;

/** The body's paragraphs with the Heading 1 style, each with the tables up to the next one. */
function sectionsByHeading(xml: string): { heading: string; tables: string[][][] }[] {
  const starts = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].filter((m) => m[0].includes('<w:pStyle w:val="Heading1"/>'));
  return starts.map((m, i) => {
    const end = starts[i + 1]?.index ?? xml.length;
    return { heading: paragraphTexts(m[0]).join(''), tables: tables(xml.slice(m.index, end)) };
  });
}

/** The rows of the first table whose header row starts with these cells. */
function tableWithHeader(xml: string, header: string[]): string[][] {
  const found = tables(xml).find((t) => header.every((h, i) => t[0]?.[i] === h));
  if (!found) throw new Error(`no table with header ${header.join(', ')}`);
  return found.slice(1);
}

describe('documents', () => {
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

  /** The IOT of 12 November with both students on its agenda; returns their case items. */
  async function iotWithBothStudents() {
    const { backend, meetingId } = school;
    await call(backend, 'agenda.create', { meetingId });
    await call(backend, 'agenda.addItem', {
      meetingId,
      kind: 'casus',
      studentId: school.jesseId,
      intakeId: null,
      origin: 'handmatig',
    });
    await call(backend, 'agenda.addItem', {
      meetingId,
      kind: 'casus',
      studentId: school.saraId,
      intakeId: null,
      origin: 'handmatig',
    });
    return {
      jesseItem: await caseItemOf(backend, meetingId, school.jesseId),
      saraItem: await caseItemOf(backend, meetingId, school.saraId),
    };
  }

  describe('agenda', () => {
    it(
      'is named by kind and date only, lists the items in agenda order, and prints students as initials ' + 'and class by default',
      async () => {
        const { backend, meetingId } = school;
        const { saraItem } = await iotWithBothStudents();
        // Sara moves up before "Actiepunten": the document follows the agenda, not the order of adding.
        await call(backend, 'agenda.moveItem', { id: saraItem.id, toIndex: 3 });
        const agenda = await call(backend, 'agenda.get', { meetingId });
        const titleOf = (item: (typeof agenda.items)[number]) =>
          item.studentId === school.jesseId ? jesseInitials : item.studentId === school.saraId ? saraInitials : item.title;

        const file = await call(backend, 'documents.agenda', { meetingId, names: 'initialen' });
        expect(file.fileName).toBe('agenda-2026-11-12.docx');
        for (const part of [jesse.givenName, jesse.familyName, sara.givenName, sara.familyName, jesse.studentNumber])
          expect(file.fileName.toLowerCase()).not.toContain(part.toLowerCase());

        const buffer = bytesOf(file);
        const rows = tableWithHeader((await unzipDocx(buffer)).document, ['Nr', 'Tijd', 'Onderwerp', 'Inbrenger', 'Duur']);
        expect(rows.map((row) => [row[0], row[1], (row[2] ?? '').split('\n')[0]])).toEqual(
          agenda.items.map((item) => [`${item.number}`, item.start, titleOf(item)]),
        );
        expect(rows.map((row) => (row[2] ?? '').split('\n')[0]).slice(3, 5)).toEqual([saraInitials, 'Actiepunten']);

        const text = await visibleText(buffer);
        expect(text).toContain(jesseInitials);
        expect(text).toContain(saraInitials);
        for (const name of [jesseName, saraName, jesse.givenName, sara.givenName, sara.familyName]) expect(text).not.toContain(name);
      },
    );

    it(
      'prints full names when asked; a case the consent gate does not let through keeps its initials in ' +
        'the minutes and is anonymised on the agenda',
      async () => {
        const { backend, meetingId, zatMeetingId } = school;
        await iotWithBothStudents();
        const full = await visibleText(bytesOf(await call(backend, 'documents.agenda', { meetingId, names: 'volledig' })));
        expect(full).toContain(`${jesseName} (${jesse.className})`);
        expect(full).toContain(`${saraName} (${sara.className})`);
        expect(full).not.toContain(jesseInitials);

        // The ZAT has Leerplicht at the table: Sara's parents consented, Jesse's did not.
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
        expect((await caseItemOf(backend, zatMeetingId, school.jesseId)).consent?.state).toBe('missing');
        expect((await caseItemOf(backend, zatMeetingId, school.saraId)).consent?.state).toBe('ok');

        const zatAgenda = await call(backend, 'documents.agenda', { meetingId: zatMeetingId, names: 'volledig' });
        expect(zatAgenda.fileName).toBe(`agenda-${school.zatDate}.docx`);
        const zatText = await visibleText(bytesOf(zatAgenda));
        expect(zatText).toContain(`${saraName} (${sara.className})`);
        // The agenda goes to everyone at the table: shown as the stukken show it (issue 21, item 2).
        expect(zatText).toContain('Leerling uit leerjaar 2');
        expect(zatText).not.toContain(jesseInitials);
        expect(zatText).not.toContain(jesse.givenName);
        // The same rule holds for the minutes of that meeting.
        const zatMinutes = await visibleText(
          bytesOf(await call(backend, 'documents.minutes', { meetingId: zatMeetingId, names: 'volledig' })),
        );
        expect(zatMinutes).toContain(`${saraName} (${sara.className})`);
        expect(zatMinutes).toContain(jesseInitials);
        expect(zatMinutes).not.toContain(jesse.givenName);
      },
    );
  });

  describe('full names', () => {
    it('are put in a document by a coordinator only; a member gets initials', async () => {
      const { backend, meetingId } = school;
      await iotWithBothStudents();
      const member = await call(backend, 'users.add', {
        name: 'Lies Lid',
        staffCode: 'lli',
        passphrase: 'wachtwoord van lies',
        roles: ['lid'],
      });
      await switchUser(school, member.id, 'wachtwoord van lies');
      for (const method of ['documents.agenda', 'documents.minutes'] as const) {
        expect((await apiError(backend, method, { meetingId, names: 'volledig' })).code, method).toBe('FORBIDDEN');
      }
      expect(
        (
          await apiError(backend, 'documents.actionList', {
            groupBy: 'holder',
            holderStaffId: null,
            seriesId: null,
            studentId: null,
            mine: false,
            overdueOnly: false,
            names: 'volledig',
          })
        ).code,
      ).toBe('FORBIDDEN');
      const text = await visibleText(bytesOf(await call(backend, 'documents.agenda', { meetingId, names: 'initialen' })));
      expect(text).toContain(jesseInitials);
      expect(text).not.toContain(jesseName);
    });
  });

  describe('minutes', () => {
    it('say "Concept" until fixed and "Vastgesteld op" after, with the actions and the intern text marked', async () => {
      const { backend, meetingId, nextMeetingId } = school;
      const { jesseItem } = await iotWithBothStudents();
      await call(backend, 'minutes.saveField', {
        itemId: jesseItem.id,
        field: 'bespreking',
        text: 'Slaapt slecht sinds de zomer.',
        audience: 'intern',
        baseRevision: 0,
      });
      await call(backend, 'minutes.saveField', {
        itemId: jesseItem.id,
        field: 'besluit',
        text: 'Verwijzen naar de jeugdarts.',
        audience: 'ouders',
        baseRevision: 0,
      });
      await saveAction(backend, {
        itemId: jesseItem.id,
        what: 'Gesprek met ouders plannen',
        holder: { kind: 'staff', staffId: school.bgr, partnerId: null },
        due: { kind: 'datum', date: '2026-11-20' },
        audience: 'ouders',
      });

      const concept = await call(backend, 'documents.minutes', { meetingId, names: 'initialen' });
      expect(concept.fileName).toBe('notulen-2026-11-12-concept.docx');
      const conceptXml = (await unzipDocx(bytesOf(concept))).document;
      const conceptText = paragraphTexts(conceptXml);
      expect(conceptText.some((p) => p.startsWith('Concept'))).toBe(true);
      expect(conceptText.some((p) => p.startsWith('Vastgesteld op'))).toBe(false);

      // The action with what and who, in a table of actions.
      const actionRows = tables(conceptXml).flatMap((t) => (t[0]?.[1] === 'Wat' ? t.slice(1) : []));
      // Minutes name staff by their code, as the team writes them.
      expect(actionRows).toContainEqual(expect.arrayContaining(['Gesprek met ouders plannen', 'bgr']));
      // The intern paragraph: its heading carries the mark, its text follows.
      const internAt = conceptText.findIndex((p) => /^Bespreking\s+Intern\s*$/.test(p));
      expect(internAt).toBeGreaterThan(-1);
      expect(conceptText[internAt + 1]).toBe('Slaapt slecht sinds de zomer.');
      // A paragraph for parents is not marked.
      expect(conceptText).toContain('Besluit');
      expect(conceptText).not.toContainEqual(expect.stringMatching(/^Besluit\s+Intern/));
      expect(conceptText.join('\n')).toContain(jesseInitials);

      vi.setSystemTime(new Date(2026, 10, 13, 9, 0, 0));
      await call(backend, 'agenda.setProgress', { meetingId, progress: 'bezig' });
      await call(backend, 'agenda.setProgress', { meetingId, progress: 'afgelopen' });
      await call(backend, 'minutes.fix', { meetingId, atMeetingId: nextMeetingId });
      const fixed = await call(backend, 'documents.minutes', { meetingId, names: 'initialen' });
      expect(fixed.fileName).toBe('notulen-2026-11-12.docx');
      const fixedText = paragraphTexts((await unzipDocx(bytesOf(fixed))).document);
      const next = school.nextMeetingDate;
      expect(fixedText).toContain(`Vastgesteld op 13 november 2026 (in IOT ${next.slice(8, 10)}-${next.slice(5, 7)}-${next.slice(0, 4)})`);
      expect(fixedText.some((p) => p.startsWith('Concept'))).toBe(false);
    });
  });

  describe('extract', () => {
    /** Jesse's and Sara's cases with text and actions for parents and for the team, and addenda after fixing. */
    async function minutesOfBoth() {
      const { backend, meetingId, nextMeetingId } = school;
      const { jesseItem, saraItem } = await iotWithBothStudents();
      const field = (itemId: string, key: string, text: string, audience: 'intern' | 'ouders') =>
        call(backend, 'minutes.saveField', { itemId, field: key, text, audience, baseRevision: 0 });
      await field(jesseItem.id, 'bespreking', 'Thuis speelt een scheiding.', 'intern');
      await field(jesseItem.id, 'besluit', 'Twee keer per week naar de huiswerkklas.', 'ouders');
      await call(backend, 'minutes.setDecision', {
        itemId: jesseItem.id,
        decision: 'basisondersteuning',
        decided: true,
      });
      await saveAction(backend, {
        itemId: jesseItem.id,
        what: 'Aanmelden voor de huiswerkklas',
        holder: { kind: 'staff', staffId: school.bgr, partnerId: null },
        due: { kind: 'datum', date: '2026-11-20' },
        audience: 'ouders',
      });
      await saveAction(backend, {
        itemId: jesseItem.id,
        what: 'Verzuim doorgeven aan leerplicht',
        holder: { kind: 'staff', staffId: school.awo, partnerId: null },
        due: { kind: 'datum', date: '2026-11-20' },
        audience: 'intern',
      });
      // Sara's case names her in its own text, so a leak would show.
      await field(saraItem.id, 'bespreking', `${saraName} (${sara.className}, ${sara.studentNumber}) mist vaak de bus.`, 'intern');
      await field(saraItem.id, 'besluit', `${sara.givenName} krijgt een buddy.`, 'ouders');
      await saveAction(backend, {
        itemId: saraItem.id,
        what: `Buddy zoeken voor ${sara.givenName}`,
        holder: { kind: 'staff', staffId: school.awo, partnerId: null },
        due: { kind: 'datum', date: '2026-11-20' },
        audience: 'ouders',
      });

      vi.setSystemTime(new Date(2026, 10, 13, 9, 0, 0));
      await call(backend, 'agenda.setProgress', { meetingId, progress: 'bezig' });
      await call(backend, 'agenda.setProgress', { meetingId, progress: 'afgelopen' });
      await call(backend, 'minutes.fix', { meetingId, atMeetingId: nextMeetingId });
      await call(backend, 'minutes.addAddendum', {
        meetingId,
        itemId: jesseItem.id,
        text: 'De huiswerkklas is op dinsdag.',
        audience: 'ouders',
      });
      await call(backend, 'minutes.addAddendum', {
        meetingId,
        itemId: jesseItem.id,
        text: 'Dossier aangevuld met het verzuimoverzicht.',
        audience: 'intern',
      });
      await call(backend, 'minutes.addAddendum', {
        meetingId,
        itemId: saraItem.id,
        text: `${sara.givenName} heeft een buddy gevonden.`,
        audience: 'ouders',
      });
      return { jesseItem, saraItem };
    }

    it("holds the parents' text only in the parents' version, and the team's text too in the dossier version", async () => {
      const { backend } = school;
      const { jesseItem } = await minutesOfBoth();

      const forParents = await call(backend, 'documents.extract', { itemId: jesseItem.id, version: 'ouders' });
      expect(forParents.fileName).toBe(`uittreksel-${jesse.studentNumber}-2026-11-12-ouders.docx`);
      const parents = await visibleText(bytesOf(forParents));
      expect(parents).toContain('Twee keer per week naar de huiswerkklas.');
      expect(parents).toContain('Besluit: Basisondersteuning');
      expect(parents).toContain('Aanmelden voor de huiswerkklas');
      // A family reads who does it by name; the team's code means nothing to them.
      const parentRows = tables((await unzipDocx(bytesOf(forParents))).document).flat();
      expect(parentRows).toContainEqual(expect.arrayContaining(['Aanmelden voor de huiswerkklas', 'Bram Groen']));
      expect(parents).toContain('De huiswerkklas is op dinsdag.');
      expect(parents).not.toContain('Thuis speelt een scheiding.');
      expect(parents).not.toContain('Verzuim doorgeven aan leerplicht');
      expect(parents).not.toContain('Dossier aangevuld met het verzuimoverzicht.');
      expect(parents).not.toMatch(/\bIntern\b/);

      const forDossier = await call(backend, 'documents.extract', { itemId: jesseItem.id, version: 'dossier' });
      expect(forDossier.fileName).toBe(`uittreksel-${jesse.studentNumber}-2026-11-12-dossier.docx`);
      const dossierParagraphs = paragraphTexts((await unzipDocx(bytesOf(forDossier))).document);
      const dossier = dossierParagraphs.join('\n');
      expect(dossier).toContain('Thuis speelt een scheiding.');
      expect(dossierParagraphs).toContainEqual(expect.stringMatching(/^Bespreking\s+Intern\s*$/));
      expect(dossier).toContain('Verzuim doorgeven aan leerplicht');
      expect(dossier).toContain('Dossier aangevuld met het verzuimoverzicht.');
      expect(dossier).toContain('Twee keer per week naar de huiswerkklas.');
    });

    it("of one student holds that student's name and number and nothing of the other student on the same agenda", async () => {
      const { backend } = school;
      const { jesseItem, saraItem } = await minutesOfBoth();
      // Sara's own extract does name her: the words looked for below are really in the minutes.
      const sarasOwn = await visibleText(bytesOf(await call(backend, 'documents.extract', { itemId: saraItem.id, version: 'dossier' })));
      expect(sarasOwn).toContain(saraName);
      expect(sarasOwn).toContain(sara.studentNumber);
      expect(sarasOwn).toContain(`Buddy zoeken voor ${sara.givenName}`);

      for (const version of ['ouders', 'dossier'] as const) {
        const text = await visibleText(bytesOf(await call(backend, 'documents.extract', { itemId: jesseItem.id, version })));
        expect(text).toContain(jesseName);
        expect(text).toContain(jesse.studentNumber);
        for (const other of [sara.givenName, sara.familyName, saraInitials, initials(sara), sara.studentNumber])
          expect(text, `${version}: ${other}`).not.toContain(other);
      }
    });

    it("is refused for an item that is not a student's case, with a Dutch message", async () => {
      const { backend, meetingId } = school;
      await iotWithBothStudents();
      const opening = (await call(backend, 'agenda.get', { meetingId })).items.find((i) => i.kind === 'opening')!;
      const refused = await apiError(backend, 'documents.extract', { itemId: opening.id, version: 'ouders' });
      expect(refused).toMatchObject({
        code: 'VALIDATION',
        message: 'Een uittreksel hoort bij een leerling op de agenda.',
      });
    });
  });

  describe('papers (stukken)', () => {
    it('are refused while no intake was accepted for the meeting', async () => {
      const { backend, meetingId } = school;
      // Handed in but not accepted: not yet part of the papers.
      const { id } = await call(backend, 'intakes.create', {
        studentId: school.jesseId,
        anonymousYearLevel: null,
        seriesId: school.iot,
      });
      const draft = await call(backend, 'intakes.get', { id });
      await call(backend, 'intakes.submit', {
        id,
        revision: draft.revision,
        referrerId: school.bgr,
        referredOn: draft.referredOn,
        meetingId,
        answers: intakeAnswers(jesse.givenName),
      });
      const refused = await apiError(backend, 'documents.papers', { meetingId });
      expect(refused).toMatchObject({
        code: 'VALIDATION',
        message: 'Er zijn nog geen geaccepteerde aanmeldingen voor dit overleg.',
      });
    });

    it("hold the accepted intake's answers, named at an internal meeting", async () => {
      const { backend, meetingId } = school;
      await acceptedIntake(school, {
        studentId: school.jesseId,
        seriesId: school.iot,
        meetingId,
        answers: intakeAnswers(jesse.givenName),
      });
      await call(backend, 'agenda.create', { meetingId });
      const file = await call(backend, 'documents.papers', { meetingId });
      expect(file.fileName).toBe('stukken-2026-11-12.docx');
      const text = await visibleText(bytesOf(file));
      for (const answer of [
        'Jesse is sinds de herfstvakantie vaak afwezig.',
        'Is verwijzing naar leerplicht nodig?',
        'Drie gesprekken met de mentor.',
        'Moeder maakt zich zorgen over de slaap.',
        '12 lesuren ongeoorloofd',
      ]) {
        expect(text).toContain(answer);
      }
      expect(text).toContain(`${jesseName} (${jesse.className})`);
      expect(text).toContain(jesse.studentNumber);
    });

    it('scrub the names of a case discussed with a partner without consent', async () => {
      const { backend, zatMeetingId } = school;
      await acceptedIntake(school, {
        studentId: school.jesseId,
        seriesId: school.zat,
        meetingId: zatMeetingId,
        answers: intakeAnswers(jesse.givenName),
      });
      await call(backend, 'agenda.create', { meetingId: zatMeetingId });
      expect((await caseItemOf(backend, zatMeetingId, school.jesseId)).consent?.state).toBe('missing');
      const text = await visibleText(bytesOf(await call(backend, 'documents.papers', { meetingId: zatMeetingId })));
      expect(text).toContain('[naam] is sinds de herfstvakantie vaak afwezig.');
      expect(text).toContain('Leerling uit leerjaar 2');
      for (const part of [jesse.givenName, jesse.familyName, jesse.studentNumber]) expect(text).not.toContain(part);
    });
  });

  describe('action list', () => {
    it('groups the open actions per holder under the holder as heading, without closed or concept ones', async () => {
      const { backend } = school;
      const { jesseItem, saraItem } = await iotWithBothStudents();
      const due = { kind: 'datum' as const, date: '2026-11-20' };
      await saveAction(backend, {
        itemId: jesseItem.id,
        what: 'Gesprek met ouders plannen',
        holder: { kind: 'staff', staffId: school.bgr, partnerId: null },
        due,
        audience: 'ouders',
      });
      await saveAction(backend, {
        itemId: jesseItem.id,
        what: 'Huisbezoek afleggen',
        holder: { kind: 'partner', staffId: null, partnerId: school.leerplicht },
        due,
        audience: 'intern',
      });
      await saveAction(backend, {
        itemId: saraItem.id,
        what: 'Buddy zoeken',
        holder: { kind: 'staff', staffId: school.awo, partnerId: null },
        due,
        audience: 'ouders',
      });
      const closed = await saveAction(backend, {
        itemId: saraItem.id,
        what: 'Rooster aanpassen',
        holder: { kind: 'staff', staffId: school.awo, partnerId: null },
        due,
        audience: 'ouders',
      });
      await saveAction(backend, {
        itemId: saraItem.id,
        what: 'Nog uitzoeken wie dit doet',
        holder: null,
        due: null,
        audience: 'intern',
      });
      await call(backend, 'actions.setStatus', { id: closed.id, status: 'gedaan', note: '' });

      const file = await call(backend, 'documents.actionList', {
        groupBy: 'holder',
        holderStaffId: null,
        seriesId: null,
        studentId: null,
        mine: false,
        overdueOnly: false,
        names: 'initialen',
      });
      expect(file.fileName).toBe('actielijst-2026-11-02-per-actiehouder.docx');
      const xml = (await unzipDocx(bytesOf(file))).document;
      const groups = sectionsByHeading(xml).map((s) => ({
        heading: s.heading,
        rows: (s.tables[0] ?? []).slice(1).map((row) => [row[1], row[2], row[3]]),
      }));
      expect(groups).toEqual([
        // The group is headed by code and name; in the rows the team's documents use the code.
        {
          heading: `${newSchool.staffCode} — ${newSchool.userName}`,
          rows: [[saraInitials, 'Buddy zoeken', newSchool.staffCode]],
        },
        { heading: 'bgr — Bram Groen', rows: [[jesseInitials, 'Gesprek met ouders plannen', 'bgr']] },
        { heading: 'Leerplicht Utrecht', rows: [[jesseInitials, 'Huisbezoek afleggen', 'Leerplicht Utrecht']] },
      ]);
      const text = paragraphTexts(xml).join('\n');
      expect(text).not.toContain('Rooster aanpassen');
      expect(text).not.toContain('Nog uitzoeken wie dit doet');
    });
  });

  describe('audit', () => {
    it('records each export with the file it made and the students it held, without their names', async () => {
      const { backend, meetingId } = school;
      const { jesseItem } = await iotWithBothStudents();
      const agenda = await call(backend, 'documents.agenda', { meetingId, names: 'volledig' });
      const extract = await call(backend, 'documents.extract', { itemId: jesseItem.id, version: 'ouders' });

      const agendaLines = auditOf(backend, 'documents.agenda');
      expect(agendaLines).toHaveLength(1);
      expect(agendaLines[0]!.detail).toContain(agenda.fileName);
      expect(agendaLines[0]!.studentIds).toEqual([school.jesseId, school.saraId].sort());

      const extractLines = auditOf(backend, 'documents.extract');
      expect(extractLines).toHaveLength(1);
      expect(extractLines[0]!.detail).toContain(extract.fileName);
      expect(extractLines[0]!.studentIds).toEqual([school.jesseId]);
      for (const line of [...agendaLines, ...extractLines]) {
        for (const name of [jesse.givenName, jesse.familyName, sara.givenName, sara.familyName]) expect(line.detail).not.toContain(name);
      }
    });
  });

  describe('logo', () => {
    const logo = makePng(48, 24, (x) => (x < 24 ? [0x2e, 0x7d, 0x32, 255] : [255, 255, 255, 0]));

    it('is stored with its size, refused when it is no image or too small, and printed on the agenda', async () => {
      const { backend, meetingId } = school;
      await call(backend, 'agenda.create', { meetingId });
      const before = await unzipDocx(bytesOf(await call(backend, 'documents.agenda', { meetingId, names: 'initialen' })));
      expect(before.files.some((f) => f.startsWith('word/media/'))).toBe(false);
      expect(await call(backend, 'settings.logo', {})).toBeNull();

      await call(backend, 'settings.setLogo', { contentBase64: logo.toString('base64') });
      expect(await call(backend, 'settings.logo', {})).toEqual({
        contentBase64: logo.toString('base64'),
        type: 'png',
        width: 48,
        height: 24,
      });

      const text = await apiError(backend, 'settings.setLogo', {
        contentBase64: Buffer.from('Dit is een tekstbestand, geen afbeelding.\n').toString('base64'),
      });
      expect(text.code).toBe('VALIDATION');
      expect(text.message).toMatch(/logo/i);
      expect(text.message).toContain('PNG');
      expect(text.fields?.logo).toBe(text.message);
      const tiny = await apiError(backend, 'settings.setLogo', { contentBase64: TINY_PNG.toString('base64') });
      expect(tiny).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('16 bij 16') });
      // A refused upload leaves the stored logo alone.
      expect((await call(backend, 'settings.logo', {}))?.width).toBe(48);

      const after = await unzipDocx(bytesOf(await call(backend, 'documents.agenda', { meetingId, names: 'initialen' })));
      expect(after.files.some((f) => f.startsWith('word/media/'))).toBe(true);
    });

    it('is set only by a coordinator', async () => {
      const { backend } = school;
      const member = await call(backend, 'users.add', {
        name: 'Lies Lid',
        staffCode: 'lli',
        passphrase: 'wachtwoord van lies',
        roles: ['lid'],
      });
      await switchUser(school, member.id, 'wachtwoord van lies');
      expect((await apiError(backend, 'settings.setLogo', { contentBase64: logo.toString('base64') })).code).toBe('FORBIDDEN');
      expect(await call(backend, 'settings.logo', {})).toBeNull();
      await switchUser(school, school.coordinatorUserId, newSchool.passphrase);
      await call(backend, 'settings.setLogo', { contentBase64: logo.toString('base64') });
      expect((await call(backend, 'settings.logo', {}))?.type).toBe('png');
    });
  });
});
