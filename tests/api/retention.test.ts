import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/api/context';
import { DEMO_PASSPHRASE } from '../../electron/features/demo/demo-school';
import { call, callError, makeBackend, tempDir } from '../helpers/backend';

/**
 * Bewaartermijnen through the real dispatcher, on the demo school opened on a fixed day: the
 * worklist proposes the demo's leavers whose period passed (and why), a confirmed erasure leaves
 * nothing of the student in any table while the minutes keep the discussion without identity, the
 * erasure is logged without a name, keeping needs a reason and comes back, and only a coordinator
 * may do any of it.
 */
const now = new Date(2027, 2, 10, 9, 0, 0);

describe('retention periods and the monthly worklist', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  let environmentId: string;
  let users: { id: string; staffCode: string }[];
  const sqlite = () => backend.session!.vault.sqlite;
  const unlockAs = async (code: string) => {
    await call(backend, 'vault.lock', {});
    await call(backend, 'vault.unlock', {
      environmentId,
      userId: users.find((u) => u.staffCode === code)!.id,
      passphrase: DEMO_PASSPHRASE,
    });
  };
  const worklist = () => call(backend, 'retention.worklist', {});
  const idOf = (studentNumber: string) =>
    (sqlite().prepare('select id from students where student_number = ?').get(studentNumber) as { id: string } | undefined)?.id;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now });
    dir = tempDir('zorgoverleg-retention-');
    backend = makeBackend(dir.path);
    ({ environmentId } = await call(backend, 'demo.open', {}));
    users = (await call(backend, 'vault.status', {})).environments.find((e) => e.id === environmentId)!.users;
    await call(backend, 'vault.unlock', {
      environmentId,
      userId: users.find((u) => u.staffCode === 'awo')!.id,
      passphrase: DEMO_PASSPHRASE,
    });
  });
  afterAll(() => {
    backend.lock();
    dir.cleanup();
    vi.useRealTimers();
  });

  it('proposes the leavers whose period passed, with why, and lists the kept one apart', async () => {
    const list = await worklist();
    expect(list.on).toBe('2027-03-10');
    expect(list.periods).toMatchObject({
      studentFileYears: 2,
      absenceYears: 5,
      specialEducationYears: 3,
      updatedBy: null,
    });
    expect(list.lastReview).toBeNull();
    expect(list.reviewDue).toBe(true);
    expect(list.nextReviewOn).toBe('2027-04-01');
    expect(list.proposals.map((p) => [p.name, p.step, p.passedOn])).toEqual([
      ['Yara Bosch', 'alles', '2027-01-10'],
      ['Sem Kuipers', 'alles', '2027-01-10'],
      ['Noah Hendriksen', 'dossier', '2026-09-10'],
      ['Lotte Verbeek', 'alles', '2026-12-10'],
    ]);
    const sem = list.proposals.find((p) => p.name === 'Sem Kuipers')!;
    expect(sem.why).toBe(
      'Uitgeschreven op 10 januari 2024; bewaartermijn leerlingdossier bij uitstroom naar het VSO 3 jaar, verstreken op 10 januari 2027.',
    );
    expect(list.proposals.find((p) => p.name === 'Noah Hendriksen')!.outcome).toBe(
      'Het dossier wordt verwijderd; de verzuimgegevens blijven bewaard tot 10 september 2029.',
    );
    expect(list.proposals.find((p) => p.name === 'Lotte Verbeek')!.holds).toEqual([
      '2 ouders/verzorgers',
      '1 aanmelding',
      '1 toestemming',
      '1 brief',
    ]);
    // A VSO leaver of 2 years 5 months ago and last year's leaver are not due yet.
    expect([...list.proposals, ...list.kept].map((p) => p.name)).not.toContain('Fenna Jacobs');
    expect([...list.proposals, ...list.kept].map((p) => p.name)).not.toContain('Isa Vermeer');
    expect(list.kept.map((k) => [k.name, k.kept?.until, k.kept?.by])).toEqual([['Thijs Dekkers', '2027-05-10', 'Anouk Wolters']]);
  });

  it('lets only a coordinator see or act on the list', async () => {
    await unlockAs('bgr');
    for (const [method, input] of [
      ['retention.worklist', {}],
      ['retention.erase', { studentIds: [idOf('219014')] }],
      ['retention.keep', { studentIds: [idOf('219014')], reason: 'x', until: '2027-04-01' }],
      ['retention.savePeriods', { studentFileYears: 1, absenceYears: 1, specialEducationYears: 1 }],
      ['retention.markReviewed', {}],
    ] as const) {
      const error = await callError(backend, method, input);
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toMatch(/^Alleen een coördinator kan/);
    }
    expect(idOf('219014')).toBeDefined();
    await unlockAs('awo');
  });

  it("takes the school's own periods, each refused value named in Dutch", async () => {
    const bad = await callError(backend, 'retention.savePeriods', {
      studentFileYears: 2,
      absenceYears: 0,
      specialEducationYears: 3,
    });
    expect(bad).toMatchObject({
      code: 'VALIDATION',
      message: 'De bewaartermijn voor verzuimgegevens is minstens 1 jaar.',
    });
    await call(backend, 'retention.savePeriods', { studentFileYears: 3, absenceYears: 5, specialEducationYears: 3 });
    const list = await worklist();
    expect(list.periods).toMatchObject({ studentFileYears: 3, updatedBy: 'Anouk Wolters' });
    expect(list.proposals.map((p) => p.name)).toEqual(['Yara Bosch', 'Sem Kuipers']);
    await call(backend, 'retention.savePeriods', { studentFileYears: 2, absenceYears: 5, specialEducationYears: 3 });
    expect((await worklist()).proposals).toHaveLength(4);
  });

  it('refuses to erase a student whose period has not passed, and deletes nothing', async () => {
    const fenna = idOf('219077')!;
    const error = await callError(backend, 'retention.erase', { studentIds: [idOf('219014')!, fenna] });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: 'De bewaartermijn van Fenna Jacobs is (nog) niet verstreken: er wordt niets verwijderd.',
    });
    expect(idOf('219014')).toBeDefined();
  });

  it('erases a student discussed in the minutes everywhere; the minutes keep the discussion without identity', async () => {
    // The demo's most discussed student leaves, 6 years ago: every period has passed.
    const { student_id: id } = sqlite()
      .prepare('select student_id from agenda_items where student_id is not null group by student_id order by count(*) desc limit 1')
      .get() as { student_id: string };
    const student = await call(backend, 'students.get', { id });
    await call(backend, 'students.setStatus', { id, status: 'left', leftOn: '2021-01-15' });
    await call(backend, 'retention.setDestination', { studentId: id, destination: 'vo' });
    const proposal = (await worklist()).proposals.find((p) => p.studentId === id)!;
    expect(proposal).toMatchObject({ step: 'alles', why: expect.stringContaining('Uitgeschreven op 15 januari 2021') });
    expect(proposal.holds.some((h) => /agendapunt/.test(h))).toBe(true);

    const itemIds = (sqlite().prepare('select id from agenda_items where student_id = ?').all(id) as { id: string }[]).map((r) => r.id);
    const actionIds = (sqlite().prepare('select id from actions where student_id = ?').all(id) as { id: string }[]).map((r) => r.id);
    const fieldsBefore = sqlite()
      .prepare(`select count(*) n from minute_fields where item_id in (${itemIds.map(() => '?').join(',')}) and length(text) > 0`)
      .get(...itemIds) as { n: number };
    expect(itemIds.length).toBeGreaterThan(0);
    expect(actionIds.length).toBeGreaterThan(0);
    // Names that are only this student's (another student or parent may share one).
    const fullName = (p: { givenName: string; infix: string; familyName: string }) =>
      [p.givenName, p.infix, p.familyName].filter(Boolean).join(' ');
    const othersNames = new Set(
      (
        sqlite()
          .prepare(
            'select given_name g, infix i, family_name f from students where id <> ? union all select ' +
              'given_name, infix, family_name from guardians where student_id <> ?',
          )
          .all(id, id) as { g: string; i: string; f: string }[]
      ).map((r) => fullName({ givenName: r.g, infix: r.i, familyName: r.f })),
    );
    const identifying = [id, student.studentNumber, fullName(student), ...student.guardians.flatMap((g) => [g.id, fullName(g)])].filter(
      (n) => !othersNames.has(n),
    );
    expect(identifying.length).toBeGreaterThanOrEqual(3);
    // Named in full outside their own meetings too: another case's minutes, an action there, a chair's note.
    const elsewhere = sqlite()
      .prepare(
        'select id from agenda_items where meeting_id not in (select meeting_id from agenda_items where ' +
          'student_id = ?) and student_id is not null limit 1',
      )
      .get(id) as { id: string };
    const mention = `Zus van ${fullName(student)}; vader ${fullName(student.guardians[0]!)} belt.`;
    sqlite()
      .prepare(
        "insert into minute_fields (item_id, field, text, audience, revision, updated_by, updated_at) select ?, 'bespreking', ?, 'intern', 1, id, '2026-01-01T00:00:00Z' from app_users limit 1 on conflict do update set text = excluded.text",
      )
      .run(elsewhere.id, mention);
    sqlite()
      .prepare(
        "insert into chair_notes (item_id, user_id, text, updated_at) select ?, id, ?, '2026-01-01T00:00:00Z' from app_users limit 1 on conflict do update set text = excluded.text",
      )
      .run(elsewhere.id, mention);

    const result = await call(backend, 'retention.erase', { studentIds: [id] });
    expect(result.erased).toBe(1);
    expect(result.detail).toMatch(/^Bewaartermijn verstreken, 1 leerling; verwijderd: 1 leerling, \d+ ouders?\/verzorgers?/);

    // Every row of every table, searched for the student's id, number and names.
    const tables = (
      sqlite().prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    for (const table of tables) {
      const rows = JSON.stringify(sqlite().prepare(`select * from "${table}"`).all(), (_k, v: unknown) =>
        Buffer.isBuffer(v) ? null : v,
      ).toLowerCase();
      for (const name of identifying) expect(rows.includes(name.toLowerCase()), `${name} in ${table}`).toBe(false);
    }

    expect(sqlite().prepare('select text from minute_fields where item_id = ? and field = ?').get(elsewhere.id, 'bespreking')).toEqual({
      text: 'Zus van [leerling]; vader [ouder] belt.',
    });

    // The minutes remain, without identity.
    const items = sqlite()
      .prepare(`select title, case_label, student_id from agenda_items where id in (${itemIds.map(() => '?').join(',')})`)
      .all(...itemIds) as { title: string; case_label: string; student_id: string | null }[];
    expect(items).toHaveLength(itemIds.length);
    expect(
      items.every((i) => i.title === 'Leerling (geanonimiseerd)' && i.case_label === 'Leerling (geanonimiseerd)' && i.student_id === null),
    ).toBe(true);
    const fieldsAfter = sqlite()
      .prepare(`select text from minute_fields where item_id in (${itemIds.map(() => '?').join(',')}) and length(text) > 0`)
      .all(...itemIds) as { text: string }[];
    expect(fieldsAfter).toHaveLength(fieldsBefore.n);
    expect(fieldsAfter.some((f) => f.text.includes('[leerling]'))).toBe(true);
    expect(fieldsAfter.some((f) => new RegExp(`(?<!\\p{L})${student.givenName}(?!\\p{L})`, 'u').test(f.text))).toBe(false);
    const actions = sqlite()
      .prepare(`select student_id, what from actions where id in (${actionIds.map(() => '?').join(',')})`)
      .all(...actionIds) as { student_id: string | null; what: string }[];
    expect(actions).toHaveLength(actionIds.length);
    expect(actions.every((a) => a.student_id === null && a.what.trim() !== '')).toBe(true);

    // The erasure is in the log: what, when, by whom — no name, no link to a student.
    const log = await call(backend, 'audit.list', {
      filter: { userId: null, studentId: null, from: null, to: null },
      before: null,
      limit: 5,
    });
    const line = log.entries.find((e) => e.method === 'retention.erase')!;
    expect(line).toMatchObject({
      userName: 'Anouk Wolters',
      students: [],
      detail: result.detail,
      label: 'Gegevens verwijderd na de bewaartermijn',
    });
    expect(line.at.startsWith('2027-03-10')).toBe(true);
    expect(line.detail).toMatch(/zonder naam bewaard: \d+ agendapunten?, \d+ notulentekst(en)?, \d+ acties?, \d+ logregels?/);
  });

  it('erases the file but keeps the absence data until their own period passes', async () => {
    const noah = idOf('219102')!;
    await call(backend, 'retention.erase', { studentIds: [noah] });
    expect(sqlite().prepare('select status, mentor_id from students where id = ?').get(noah)).toEqual({
      status: 'left',
      mentor_id: null,
    });
    for (const table of ['guardians', 'intakes', 'consents', 'letters_sent'])
      expect(sqlite().prepare(`select count(*) n from ${table} where student_id = ?`).get(noah)).toEqual({ n: 0 });
    expect(sqlite().prepare('select text from retained_absence where student_id = ?').all(noah)).toEqual([
      {
        text:
          'Verzuim en resultaten: 36 uur ongeoorloofd in één periode; melding bij leerplicht gedaan.\nZorgen ' +
          'over verzuim: Komt vaak te laat.',
      },
    ]);
    expect((await worklist()).proposals.map((p) => p.name)).not.toContain('Noah Hendriksen');

    // A later export that still lists him does not fill the erased file again: his row is skipped, with why.
    const csv = [
      'Leerlingnummer;Roepnaam;Achternaam;Klas;Relatie;Voorletters ouder;Achternaam ouder',
      '219102;Noah;Hendriksen;4B;Moeder;M.;Hendriksen',
    ].join('\r\n');
    const analyzed = await call(backend, 'import.analyze', {
      fileName: 'leerlingen.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    const preview = await call(backend, 'import.preview', { importId: analyzed.importId, mapping: analyzed.mapping });
    expect(preview.warnings).toContainEqual(
      expect.objectContaining({
        studentNumber: '219102',
        message: 'Het dossier van deze leerling is na de bewaartermijn verwijderd; deze rij wordt niet geïmporteerd.',
      }),
    );
    expect(preview).toMatchObject({ toAdd: 0, toUpdate: 0 });
  });

  it('keeps a student only with a reason and a later date; kept, they come back on that day', async () => {
    const lotte = idOf('219014')!;
    expect(await callError(backend, 'retention.keep', { studentIds: [lotte], reason: '  ', until: '2027-04-01' })).toMatchObject({
      message: 'Vul de reden in waarom de gegevens bewaard blijven.',
    });
    expect(
      await callError(backend, 'retention.keep', {
        studentIds: [lotte],
        reason: 'Vraag van ouders',
        until: '2027-03-10',
      }),
    ).toMatchObject({ message: 'Kies een datum na vandaag bij "Bewaren tot".' });
    await call(backend, 'retention.keep', {
      studentIds: [lotte],
      reason: 'Oud-leerling vraagt een verklaring op',
      until: '2027-04-01',
    });
    let list = await worklist();
    expect(list.kept.map((k) => [k.name, k.kept?.reason])).toContainEqual(['Lotte Verbeek', 'Oud-leerling vraagt een verklaring op']);
    expect(list.proposals.map((p) => p.name)).not.toContain('Lotte Verbeek');
    // The decision holds, also against a call that skips the worklist.
    expect((await callError(backend, 'retention.erase', { studentIds: [lotte] })).message).toBe(
      'Er is besloten de gegevens van Lotte Verbeek te bewaren tot 1 april 2027: er wordt niets verwijderd.',
    );
    expect(idOf('219014')).toBe(lotte);
    expect((await callError(backend, 'retention.keep', { studentIds: [lotte], reason: 'Typefout', until: '9999-12-31' })).message).toMatch(
      /^Bewaren tot: 31-12-9999 kan niet kloppen/,
    );

    // Not reviewed while a proposal waits for a decision.
    expect((await callError(backend, 'retention.markReviewed', {})).message).toBe(
      'Nog 2 leerlingen zonder besluit. Verwijder of bewaar eerst elke voorgestelde leerling.',
    );
    await call(backend, 'retention.erase', { studentIds: [idOf('216020')!, idOf('218033')!] });
    expect(idOf('216020')).toBeUndefined();
    await call(backend, 'retention.markReviewed', {});
    list = await worklist();
    expect(list).toMatchObject({
      proposals: [],
      reviewDue: false,
      lastReview: { on: '2027-03-10', by: 'Anouk Wolters' },
    });

    // On the kept date Lotte is back, with the reason she was kept for.
    vi.setSystemTime(new Date(2027, 3, 1, 9, 0, 0));
    list = await worklist();
    expect(list.reviewDue).toBe(true);
    expect(list.proposals.map((p) => [p.name, p.kept?.reason])).toEqual([['Lotte Verbeek', 'Oud-leerling vraagt een verklaring op']]);
    vi.setSystemTime(now);
  });

  it('remembers where a student went on leaving', async () => {
    const isa = idOf('222045')!;
    expect(await call(backend, 'retention.destination', { studentId: isa })).toEqual({ destination: 'vo' });
    await call(backend, 'retention.setDestination', { studentId: isa, destination: 'vso' });
    expect(await call(backend, 'retention.destination', { studentId: isa })).toEqual({ destination: 'vso' });
    expect((await callError(backend, 'retention.setDestination', { studentId: isa, destination: 'maan' })).message).toBe(
      'Kies waarheen de leerling is uitgestroomd.',
    );
  });
});
