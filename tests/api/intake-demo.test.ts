import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/api/context';
import { lettersSent } from '../../db/schema';
import { DEMO_PASSPHRASE } from '../../electron/features/demo/demo-school';
import { call, callError, makeBackend, tempDir } from '../helpers/backend';

/** The demo school shows every intake status and the consent situations a coordinator meets. */
describe('the demo school: intakes and consent', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  let users: { id: string; staffCode: string }[];
  let environmentId: string;
  const as = async (code: string) => {
    backend.lock();
    await call(backend, 'vault.unlock', {
      environmentId,
      userId: users.find((u) => u.staffCode === code)!.id,
      passphrase: DEMO_PASSPHRASE,
    });
  };

  beforeAll(async () => {
    // A fixed day in the school year, so the demo's "next meeting" is the same on every run.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 11, 1, 9, 0, 0) });
    dir = tempDir();
    backend = makeBackend(dir.path);
    environmentId = (await call(backend, 'demo.open', {})).environmentId;
    users = (await call(backend, 'vault.status', {})).environments.find((e) => e.id === environmentId)!.users;
    await as('awo');
  });
  afterAll(() => {
    backend.lock();
    dir.cleanup();
    vi.useRealTimers();
  });

  it('has intakes in every status, one of them anonymous and one with an attachment', async () => {
    const all = await call(backend, 'intakes.list', { status: null, meetingId: null, studentId: null, mine: false });
    expect(new Set(all.map((i) => i.status))).toEqual(
      new Set(['concept', 'ingediend', 'geaccepteerd', 'teruggestuurd', 'besproken', 'afgesloten']),
    );
    expect(all.filter((i) => i.studentId === null).map((i) => i.caseName)).toEqual(['leerling uit leerjaar 2']);
    const withFile = await Promise.all(all.map((i) => call(backend, 'intakes.get', { id: i.id })));
    expect(withFile.flatMap((i) => i.attachments.map((a) => a.fileName))).toEqual(['Verzuimoverzicht.pdf']);
    const returned = withFile.find((i) => i.status === 'teruggestuurd')!;
    expect(returned.returnReason).toContain('visie van ouders');
  });

  it('shows complete, withdrawn, expired and student-of-16 consent at the next ZAT', async () => {
    const all = await call(backend, 'intakes.list', { status: null, meetingId: null, studentId: null, mine: false });
    const nextZat = all.find((i) => i.meeting?.title === 'ZAT' && i.status === 'geaccepteerd')!.meeting!;
    expect(nextZat.withPartners).toBe(true);
    const cases = (await call(backend, 'intakes.list', { status: null, meetingId: nextZat.id, studentId: null, mine: false })).filter(
      (c) => c.studentId,
    );
    const states = cases.map((c) => c.consent.state).sort();
    expect(states).toEqual(['missing', 'ok', 'ok', 'refused']);
    const refused = cases.find((c) => c.consent.state === 'refused')!;
    expect(refused.consent.label).toMatch(/^Geweigerd of ingetrokken: /);
    const expired = await call(backend, 'intakes.get', { id: cases.find((c) => c.consent.state === 'missing')!.id });
    // Last school year's consent ran out on 31 July; for the jeugdarts the student co-signs too.
    const leerplicht = expired.gate.find((g) => g.partnerName.startsWith('Leerplicht'))!;
    expect(leerplicht.missing.map((m) => m.reason)).toEqual(['verlopen op 31-07-2026', 'verlopen op 31-07-2026']);
    expect(expired.gate.map((g) => g.partnerName)).toHaveLength(4);
    const sixteen = await Promise.all(
      cases.filter((c) => c.consent.state === 'ok').map((c) => call(backend, 'consent.overview', { studentId: c.studentId! })),
    );
    expect(sixteen.some((o) => o.records.length === 1 && o.records[0]!.signerKind === 'student')).toBe(true);
    const worklist = await call(backend, 'intakes.consentWorklist', {});
    expect(worklist.flatMap((m) => m.cases.map((c) => c.intakeId)).sort()).toEqual([refused.id, expired.id].sort());
  });

  it('has a letter written to a student of 16 or older ("je"), with the parents’ copy', async () => {
    const db = backend.session!.vault.db;
    const sent = db.select().from(lettersSent).all();
    const own = sent.find((l) => (l.texts ?? []).some((t) => t.salutation.startsWith('Beste ')));
    expect(own, 'a letter to a student of 16+').toBeDefined();
    const toStudent = own!.texts!.find((t) => t.salutation.startsWith('Beste '))!;
    const body = toStudent.body.map((b) => (b.kind === 'paragraph' ? b.text : b.items.join('\n'))).join('\n');
    expect(own!.templateName).toBe('Toestemming vragen');
    expect(body).toContain('Je bent 16 jaar of ouder: daarom vragen wij jou zelf om toestemming.');
    expect(body).not.toMatch(/\buw kind\b|\buw toestemming\b/);
    expect(own!.recipients.some((r) => r.endsWith('(afschrift)'))).toBe(true);
  });

  it('keeps the Meldcode track to the aandachtsfunctionaris', async () => {
    const all = await call(backend, 'intakes.list', { status: null, meetingId: null, studentId: null, mine: false });
    const tracked = (await Promise.all(all.map((i) => call(backend, 'intakes.get', { id: i.id })))).filter((i) => i.hasMeldcodeTrack);
    expect(tracked).toHaveLength(1);
    const studentId = tracked[0]!.studentId!;
    expect((await call(backend, 'meldcode.get', { studentId }))?.steps.consultatie?.notes).toContain('Veilig Thuis');
    for (const code of ['sisl', 'bgr']) {
      await as(code);
      expect((await call(backend, 'consent.overview', { studentId })).meldcodeVisible).toBe(false);
      expect((await callError(backend, 'meldcode.get', { studentId })).code).toBe('FORBIDDEN');
    }
    await as('awo');
  });
});
