import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../helpers/backend';
import { apiError, auditOf, bytesOf, fullNameOf, jesse, sara, switchUser, TODAY, visibleText } from './documents-setup';
import { inzageSchool, words, type InzageSchool } from './inzage-setup';

/**
 * The inzage through the real dispatcher: only a coordinator exports one, the zip holds the Word
 * document and exactly this student's attachments, nothing of the other student in the same
 * meeting, never the Meldcode track, and the export leaves its line in the audit log. The clock is
 * fixed (Monday 2 November 2026).
 */

const passphrase = 'een wachtwoord voor de test';

/** The zip's entries (folders left out) and the Word document's visible text. */
async function opened(file: { fileName: string; contentBase64: string }) {
  const zip = await JSZip.loadAsync(bytesOf(file));
  const names = Object.keys(zip.files)
    .filter((name) => !zip.files[name]!.dir)
    .sort();
  const docxName = names.find((name) => name.endsWith('.docx'))!;
  const text = await visibleText(await zip.file(docxName)!.async('nodebuffer'));
  const contents = new Map(await Promise.all(names.map(async (name) => [name, await zip.file(name)!.async('string')] as const)));
  return { names, text, contents };
}

describe('inzage', () => {
  let school: InzageSchool;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
    school = await inzageSchool();
  });
  afterEach(() => {
    school.backend.lock();
    school.dir.cleanup();
    vi.useRealTimers();
  });

  it("exports one student's file as a zip of the Word document and his attachments, named without a name", async () => {
    const file = await call(school.backend, 'inzage.export', { studentId: school.jesseId });
    expect(file.fileName).toBe(`inzage-${jesse.studentNumber}-2026-11-02.zip`);
    const { names, text, contents } = await opened(file);
    expect(names).toEqual([
      `bijlagen/01-${words.jesseReport}`,
      `bijlagen/02-${words.consentScan}`,
      `inzage-${jesse.studentNumber}-2026-11-02.docx`,
    ]);
    expect(contents.get(`bijlagen/01-${words.jesseReport}`)).toBe(`%PDF-1.7\n${words.jesseReport}`);
    expect(contents.get(`bijlagen/02-${words.consentScan}`)).toBe('%PDF-1.7\nhandtekening');

    expect(text).toContain(`Inzage in het dossier van ${fullNameOf(jesse)}`);
    expect(text).toContain('Gemaakt op 2 november 2026 door Anouk Wolters');
    for (const heading of [
      '1. Persoonsgegevens',
      '2. Ouders en verzorgers',
      '3. Aanmeldingen',
      '4. Toestemmingen',
      '5. Besprekingen in overleggen',
      '6. Acties',
      '7. Brieven',
      '8. Bewaartermijn',
      '9. Logboek',
      '10. Bijlagen',
    ]) {
      expect(text).toContain(heading);
    }
    // Personal data, guardians, the intake, consent given and withdrawn, minutes, action, letter, audit.
    for (const shown of [
      '10-03-2012',
      'Marieke de Vries (moeder)',
      'Lindelaan 4',
      'Jesse is sinds de herfstvakantie vaak afwezig.',
      'Toestemming gegeven door Marieke de Vries',
      'Toestemming gegeven door Mark de Vries, ingetrokken op 28-10-2026',
      words.withdrawal,
      words.jesseDecision,
      words.jesseAction,
      'Brief aan Mevr. M. de Vries en Dhr. M. de Vries',
      'Leerlingdossier geopend',
      // Still enrolled: the school's periods, and that they start on leaving.
      'Bewaartermijn dossier\n2 jaar na de uitschrijving (3 jaar bij uitstroom naar het VSO)',
      'Bewaartermijn verzuimgegevens\n5 jaar na de uitschrijving',
      'De bewaartermijn begint pas als de leerling is uitgeschreven.',
    ]) {
      expect(text).toContain(shown);
    }
    // His minutes name Sara and her father: scrubbed; his own father stays.
    expect(text).toContain('Jesse botst in de klas met [naam]; [naam] belde er ook over. Mark de Vries komt op gesprek.');
  });

  it('shows each letter word for word as it was sent, whatever the template says since', async () => {
    const { backend } = school;
    const sqlite = backend.session!.vault.sqlite;
    const stored = sqlite.prepare('select texts from letters_sent where student_id = ?').get(school.jesseId) as {
      texts: string;
    };
    const [sent] = JSON.parse(stored.texts) as {
      recipients: string;
      salutation: string;
      body: { kind: string; text?: string }[];
    }[];
    expect(sent).toMatchObject({
      recipients: 'Mevr. M. de Vries en Dhr. M. de Vries',
      subject: 'Wat we hebben afgesproken over Jesse',
    });
    const opening = sent!.body[0]!.text!;
    expect(opening).toMatch(/^Op donderdag 12 november 2026 hebben wij Jesse besproken in ons ondersteuningsoverleg/);

    const first = (await opened(await call(backend, 'inzage.export', { studentId: school.jesseId }))).text;
    expect(first).toContain(`Wat we hebben afgesproken over Jesse\nVerstuurd`);
    expect(first).toContain('De tekst hieronder is de brief zoals hij is verstuurd.');
    expect(first).toContain(`${sent!.salutation}\n${opening}`);

    // The coordinator rewrites the template: the letter Jesse's parents got does not change.
    await call(backend, 'letters.saveTemplate', {
      id: 'terugkoppeling',
      name: 'Terugkoppeling na het overleg',
      subject: 'Nieuw over {{leerling.roepnaam}}',
      body: 'Een heel andere brief over {{leerling.roepnaam}}.',
    });
    const after = (await opened(await call(backend, 'inzage.export', { studentId: school.jesseId }))).text;
    expect(after).toContain(`${sent!.salutation}\n${opening}`);
    expect(after).not.toContain('Een heel andere brief');
    expect(after).not.toContain('Nieuw over Jesse');

    // A letter logged before the texts were kept is merged again from today's template, and says so.
    sqlite.prepare('update letters_sent set texts = null where student_id = ?').run(school.jesseId);
    const older = (await opened(await call(backend, 'inzage.export', { studentId: school.jesseId }))).text;
    expect(older).toContain('Een heel andere brief over Jesse.');
    expect(older).toContain(
      'opnieuw samengesteld uit de briefsjabloon en het dossier; is de sjabloon sindsdien gewijzigd, dan kan de verstuurde brief afwijken.',
    );
    expect(older).not.toContain(opening);
  });

  it(
    'names where the student went on leaving, when his file is proposed for deletion, and the absence ' + 'data kept after it went',
    async () => {
      const { backend } = school;
      // Left this summer for special education: the VSO period, and his absence data outlive the file.
      await call(backend, 'students.setStatus', { id: school.jesseId, status: 'left', leftOn: '2026-07-15' });
      await call(backend, 'retention.setDestination', { studentId: school.jesseId, destination: 'vso' });
      const recent = (await opened(await call(backend, 'inzage.export', { studentId: school.jesseId }))).text;
      for (const shown of [
        'Inschrijving\nUitgeschreven op 15-07-2026',
        'Uitgestroomd naar\nVoortgezet speciaal onderwijs (VSO)',
        'Bewaartermijn dossier\n3 jaar na de uitschrijving (uitstroom naar het VSO)',
        'Bewaartermijn verzuimgegevens\n5 jaar na de uitschrijving',
        'Voorstel tot verwijdering\nOp 15 juli 2029: het dossier; de verzuimgegevens blijven bewaard tot 15 juli 2031.',
      ]) {
        expect(recent, shown).toContain(shown);
      }
      expect(recent).not.toContain('Bewaarde verzuimgegevens');

      // Left two years ago for an MBO: the file's period passed, and the coordinator erased it.
      await call(backend, 'students.setStatus', { id: school.jesseId, status: 'left', leftOn: '2024-09-01' });
      await call(backend, 'retention.setDestination', { studentId: school.jesseId, destination: 'mbo' });
      await call(backend, 'retention.erase', { studentIds: [school.jesseId] });
      const { text, names } = await opened(await call(backend, 'inzage.export', { studentId: school.jesseId }));
      for (const shown of [
        'Uitgestroomd naar\nMBO',
        'Bewaartermijn dossier\n2 jaar na de uitschrijving',
        'Dossier verwijderd op\n02-11-2026',
        'Voorstel tot verwijdering\nOp 1 september 2029: de bewaarde verzuimgegevens en de leerlinggegevens.',
        'Bewaarde verzuimgegevens',
        'Uit de aanmelding van 02-11-2026\nZorgen over verzuim: 12 lesuren ongeoorloofd',
      ]) {
        expect(text, shown).toContain(shown);
      }
      // The rest of the file went: no intake, no letter, no attachment.
      expect(text).not.toContain('Jesse is sinds de herfstvakantie vaak afwezig.');
      expect(text).toContain('Er zijn geen brieven over de leerling verstuurd.');
      expect(names).toEqual([`inzage-${jesse.studentNumber}-2026-11-02.docx`]);
    },
  );

  it('holds nothing of the other student in the same meeting, and nothing of the Meldcode track', async () => {
    const { text, names } = await opened(await call(school.backend, 'inzage.export', { studentId: school.jesseId }));
    for (const hidden of [
      sara.givenName,
      sara.familyName,
      sara.studentNumber,
      'Ilse',
      'Tom',
      'Nieuwegein',
      words.saraDiscussion,
      words.saraDecision,
      words.saraAction,
      words.meldcodeNotes,
      'Meldcode',
    ]) {
      expect(text, hidden).not.toContain(hidden);
      expect(names.join(' '), hidden).not.toContain(hidden);
    }

    // And the other way round: Sara's file has her own part, nothing of Jesse's.
    const hers = await opened(await call(school.backend, 'inzage.export', { studentId: school.saraId }));
    expect(hers.text).toContain(words.saraDecision);
    expect(hers.names).toEqual([`inzage-${sara.studentNumber}-2026-11-02.docx`]);
    for (const hidden of [
      jesse.givenName,
      'Vries',
      jesse.studentNumber,
      words.jesseDecision,
      words.jesseAction,
      words.jesseReport,
      'Lindelaan',
    ]) {
      expect(hers.text, hidden).not.toContain(hidden);
    }
  });

  it('logs who exported whose file, and counts what the zip will hold for the confirm dialog', async () => {
    const { backend } = school;
    const preview = await call(backend, 'inzage.preview', { studentId: school.jesseId });
    expect(preview).toEqual({
      studentName: fullNameOf(jesse),
      intakes: 1,
      consents: 2,
      meetings: 1,
      actions: 1,
      letters: 1,
      auditLines: 2,
      attachments: 2,
      meldcodeLeftOut: true,
    });
    // The preview reads counts only: it leaves no line.
    expect(auditOf(backend, 'inzage.preview')).toEqual([]);

    await call(backend, 'inzage.export', { studentId: school.jesseId });
    const lines = auditOf(backend, 'inzage.export');
    expect(lines).toEqual([
      {
        id: expect.any(Number),
        detail: `inzage → inzage-${jesse.studentNumber}-2026-11-02.zip (2 bijlagen)`,
        studentIds: [school.jesseId],
      },
    ]);
    const logged = await call(backend, 'audit.list', {
      filter: { userId: school.coordinatorUserId, studentId: school.jesseId, from: null, to: null },
      before: null,
      limit: 5,
    });
    expect(logged.entries[0]).toMatchObject({
      method: 'inzage.export',
      userName: 'Anouk Wolters',
      at: TODAY.toISOString(),
      students: [{ id: school.jesseId, name: fullNameOf(jesse) }],
    });

    // A second inzage lists the first in its log.
    const { text } = await opened(await call(backend, 'inzage.export', { studentId: school.jesseId }));
    expect(text).toContain(`Inzage geëxporteerd\ninzage → inzage-${jesse.studentNumber}-2026-11-02.zip (2 bijlagen)`);
  });

  it('only a coordinator exports an inzage; a coordinator without Meldcode access is not told about the track', async () => {
    const { backend } = school;
    const llco = (await call(backend, 'users.add', { name: 'Bram Groen', staffCode: 'bgr', passphrase, roles: ['notulist'] })).id;
    const secondCoordinator = (
      await call(backend, 'users.add', { name: 'Sietske Slot', staffCode: 'sisl', passphrase, roles: ['coordinator'] })
    ).id;
    // The school keeps Meldcode tracks to the aandachtsfunctionaris.
    await call(backend, 'settings.update', {
      ...(await call(backend, 'settings.get', {})),
      meldcodeCoordinatorAccess: false,
    });

    await switchUser(school, llco, passphrase);
    for (const method of ['inzage.preview', 'inzage.export']) {
      const refused = await apiError(backend, method, { studentId: school.jesseId });
      expect(refused).toEqual({ code: 'FORBIDDEN', message: 'Alleen een coördinator kan een inzage exporteren.' });
    }
    expect(auditOf(backend, 'inzage.export')).toEqual([]);

    await switchUser(school, secondCoordinator, passphrase);
    expect((await call(backend, 'inzage.preview', { studentId: school.jesseId })).meldcodeLeftOut).toBe(false);
    const { text } = await opened(await call(backend, 'inzage.export', { studentId: school.jesseId }));
    expect(text).toContain('Gemaakt op 2 november 2026 door Sietske Slot');
    expect(text).not.toContain(words.meldcodeNotes);
    expect(auditOf(backend, 'inzage.export')).toHaveLength(1);
  });

  it('refuses a student who does not exist, naming what is missing', async () => {
    expect(await apiError(school.backend, 'inzage.export', { studentId: 'bestaat-niet' })).toEqual({
      code: 'NOT_FOUND',
      message: 'Deze leerling bestaat niet (meer).',
    });
    expect(await apiError(school.backend, 'inzage.export', { studentId: '' })).toMatchObject({ code: 'VALIDATION' });
  });
});
