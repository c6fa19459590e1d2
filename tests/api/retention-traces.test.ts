import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/api/context';
import { backupsSettled } from '../../electron/features/backup/automatic';
import { DEMO_PASSPHRASE } from '../../electron/features/demo/demo-school';
import { call, makeBackend, tempDir } from '../helpers/backend';

/**
 * Issue 22, fault 6: an erasure leaves no trace. Another child's intake and consent that name the
 * erased student in full (and by leerlingnummer) lose those words; a backup made before the
 * erasure, restored, has the student erased again before anyone can read it — also when restored
 * twice — and the Logboek says so without a name. On the demo school, on a fixed day.
 */
const now = new Date(2027, 2, 10, 9, 0, 0);

describe('an erasure leaves no trace, also not through a backup', () => {
  let dir: ReturnType<typeof tempDir>;
  let stick: ReturnType<typeof tempDir>;
  let backend: Backend;
  let environmentId: string;
  let awo: string;
  const sqlite = () => backend.session!.vault.sqlite;
  const idOf = (studentNumber: string) =>
    (sqlite().prepare('select id from students where student_number = ?').get(studentNumber) as { id: string } | undefined)?.id;
  const fullName = (p: { givenName: string; infix: string; familyName: string }) =>
    [p.givenName, p.infix, p.familyName].filter(Boolean).join(' ');

  /** Every table, every row: none may hold any of `words` (case-insensitive). */
  function expectNowhere(words: string[]) {
    const tables = (
      sqlite().prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    for (const table of tables) {
      const rows = JSON.stringify(sqlite().prepare(`select * from "${table}"`).all(), (_k, v: unknown) =>
        Buffer.isBuffer(v) ? null : v,
      ).toLowerCase();
      for (const word of words) expect(rows.includes(word.toLowerCase()), `${word} in ${table}`).toBe(false);
    }
  }

  let lotte: { id: string; number: string; name: string; mother: string; words: string[] };
  let noah: string;
  let other: { id: string; intakeId: string; consentId: string };
  let backupPath: string;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now });
    dir = tempDir('zorgoverleg-traces-');
    stick = tempDir('zorgoverleg-traces-stick-');
    backend = makeBackend(dir.path);
    ({ environmentId } = await call(backend, 'demo.open', {}));
    const users = (await call(backend, 'vault.status', {})).environments.find((e) => e.id === environmentId)!.users;
    awo = users.find((u) => u.staffCode === 'awo')!.id;
    await call(backend, 'vault.unlock', { environmentId, userId: awo, passphrase: DEMO_PASSPHRASE });

    // Lotte Verbeek (left, period passed: everything goes) and Noah Hendriksen (the file goes, absence stays).
    const proposals = (await call(backend, 'retention.worklist', {})).proposals;
    const lotteId = proposals.find((p) => p.name === 'Lotte Verbeek')!.studentId;
    noah = proposals.find((p) => p.name === 'Noah Hendriksen')!.studentId;
    const student = await call(backend, 'students.get', { id: lotteId });
    const mother = student.guardians[0]!;
    lotte = {
      id: lotteId,
      number: student.studentNumber,
      name: fullName(student),
      mother: fullName(mother),
      words: [lotteId, student.studentNumber, fullName(student), fullName(mother)],
    };
    expect(student.studentNumber.length).toBeGreaterThanOrEqual(5);

    // A classmate still at school, whose intake and consent name Lotte, her number and her mother.
    const row = sqlite()
      .prepare(
        "select s.id, g.id guardian from students s join guardians g on g.student_id = s.id where s.status = 'active' and g.parental_authority = 1 and s.family_name <> 'Verbeek' limit 1",
      )
      .get() as { id: string; guardian: string };
    const mention = `Ruzie met ${lotte.name} (leerlingnummer ${lotte.number}); haar moeder ${lotte.mother} belde de mentor.`;
    const { id: intakeId } = await call(backend, 'intakes.create', {
      studentId: row.id,
      anonymousYearLevel: null,
      seriesId: null,
    });
    const draft = await call(backend, 'intakes.get', { id: intakeId });
    await call(backend, 'intakes.saveDraft', {
      id: intakeId,
      revision: draft.revision,
      referrerId: draft.referrerId,
      referredOn: draft.referredOn,
      meetingId: null,
      answers: { aanleiding: mention },
    });
    const partner = (await call(backend, 'partners.list', {}))[0]!;
    const { id: consentId } = await call(backend, 'consent.record', {
      studentId: row.id,
      signer: { kind: 'guardian', guardianId: row.guardian },
      decision: 'given',
      purposes: ['bespreking'],
      partnerIds: [partner.id],
      method: 'mondeling',
      informationGiven: `Uitgelegd dat het ook over ${lotte.name} (${lotte.number}) gaat.`,
      givenOn: '2027-03-01',
      validUntil: null,
    });
    other = { id: row.id, intakeId, consentId };

    // The backup of before the erasure: Lotte and her traces are all in it.
    backupPath = (await call(backend, 'backup.create', { folder: stick.path })).path;
  });
  afterAll(async () => {
    backend.lock();
    await backupsSettled(backend);
    dir.cleanup();
    stick.cleanup();
    vi.useRealTimers();
  });

  const answersOf = (intakeId: string) =>
    JSON.parse((sqlite().prepare('select answers from intakes where id = ?').get(intakeId) as { answers: string }).answers) as {
      aanleiding: string;
    };
  const answersOfOther = () => answersOf(other.intakeId);
  const consentOfOther = () =>
    (sqlite().prepare('select information_given t from consents where id = ?').get(other.consentId) as { t: string }).t;

  it("takes their full name and leerlingnummer out of another student's intake answers and consent text", async () => {
    expect(answersOfOther().aanleiding).toContain(lotte.name);
    const result = await call(backend, 'retention.erase', { studentIds: [lotte.id, noah] });
    expect(result.erased).toBe(2);
    expect(result.detail).toMatch(/\d+ teksten bij andere leerlingen/);
    expect(answersOfOther().aanleiding).toBe('Ruzie met [leerling] (leerlingnummer [leerling]); haar moeder [ouder] belde de mentor.');
    expect(consentOfOther()).toBe('Uitgelegd dat het ook over [leerling] ([leerling]) gaat.');
    // The other student's own file is theirs still.
    expect(sqlite().prepare('select count(*) n from intakes where student_id = ?').get(other.id)).toEqual({ n: 1 });
    // Nothing of Lotte anywhere, not even her id (the ledger holds a keyed hash of it).
    expectNowhere(lotte.words);
    expect(sqlite().prepare('select step from erasure_ledger order by step').all()).toEqual([{ step: 'alles' }, { step: 'dossier' }]);
  });

  async function restoreThePreErasureBackup() {
    await call(backend, 'backup.restore', { source: { from: 'file', path: backupPath } });
    expect(backend.session).toBeNull();
    await call(backend, 'vault.unlock', { environmentId, userId: awo, passphrase: DEMO_PASSPHRASE });
  }

  const eraseAgainLines = async () =>
    (
      await call(backend, 'audit.list', {
        filter: { userId: null, studentId: null, from: null, to: null },
        before: null,
        limit: 500,
      })
    ).entries.filter((e) => e.method === 'retention.eraseAgain');

  it('erases them again when a backup of before the erasure is restored, and the Logboek says so', async () => {
    await restoreThePreErasureBackup();
    expect(idOf(lotte.number)).toBeUndefined();
    expectNowhere(lotte.words);
    expect(answersOfOther().aanleiding).toBe('Ruzie met [leerling] (leerlingnummer [leerling]); haar moeder [ouder] belde de mentor.');
    expect(consentOfOther()).toBe('Uitgelegd dat het ook over [leerling] ([leerling]) gaat.');
    // Noah's file went again, his identity and absence data stay as after the first erasure.
    expect(sqlite().prepare('select count(*) n from intakes where student_id = ?').get(noah)).toEqual({ n: 0 });
    expect(sqlite().prepare('select count(*) n from guardians where student_id = ?').get(noah)).toEqual({ n: 0 });
    expect(sqlite().prepare('select file_erased_on from retention_students where student_id = ?').get(noah)).toEqual({
      file_erased_on: '2027-03-10',
    });
    expect(sqlite().prepare('select count(*) n from retained_absence where student_id = ?').get(noah)).toEqual({
      n: 1,
    });
    // Not on the worklist again.
    expect((await call(backend, 'retention.worklist', {})).proposals.map((p) => p.name)).not.toContain('Lotte Verbeek');

    const lines = await eraseAgainLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      userName: 'Anouk Wolters',
      students: [],
      label: 'Opnieuw verwijderd na het terugzetten van een back-up',
    });
    expect(lines[0]!.detail).toMatch(
      /^Opnieuw verwijderd na het terugzetten van een back-up van vóór de verwijdering\. Bewaartermijn verstreken, 2 leerlingen; verwijderd: 1 leerling, /,
    );
    for (const word of [...lotte.words, 'Hendriksen']) expect(lines[0]!.detail).not.toContain(word);
  });

  it('keeps the ledger in the restored vault: restoring the old backup once more erases again', async () => {
    await restoreThePreErasureBackup();
    expect(idOf(lotte.number)).toBeUndefined();
    expectNowhere(lotte.words);
    expect(await eraseAgainLines()).toHaveLength(1);
    expect(sqlite().prepare('select step from erasure_ledger order by step').all()).toEqual([{ step: 'alles' }, { step: 'dossier' }]);
  });
});
