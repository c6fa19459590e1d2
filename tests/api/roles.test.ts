import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { methodNames, type MethodName } from '../../electron/app/contract';
import { methodRoles } from '../../electron/app/method-roles';
import type { Backend } from '../../electron/api/context';
import { dispatch } from '../../electron/app/dispatch';
import { handlers } from '../../electron/app/handlers';
import { userRoleLabels, userRoles, type UserRole } from '../../electron/features/settings/vocabulary';
import { call, makeBackend, newSchool, tempDir } from '../helpers/backend';
import { petraDeVries } from '../helpers/people-fixtures';

/**
 * Issues 13 and 22: who may call what is the contract's roles table, one row per method, enforced
 * by the dispatcher (not only hidden in the UI). Derived from the contract: every method is called
 * as a user of every role (and as a user without any): refused with FORBIDDEN and the row's Dutch
 * message exactly where the row says so, before the input is looked at and before the handler runs.
 */

const passphrase = 'een wachtwoord voor de test';
/** Each role alone, and a user without roles (a mentor who hands in intakes). */
const asRoles: { label: string; roles: UserRole[] }[] = [
  ...userRoles.map((r) => ({ label: r, roles: [r] })),
  { label: 'zonder rol', roles: [] },
];

function refusalOf(method: MethodName): { code: string; message: string } | null {
  const rule = methodRoles[method];
  if (rule.who !== 'roles') return null;
  const names = rule.anyOf.map((r) => userRoleLabels[r].toLowerCase());
  const who = names.length > 1 ? `${names.slice(0, -1).join(', ')} of ${names.at(-1)}` : names[0];
  return { code: 'FORBIDDEN', message: `Alleen een ${who} kan ${rule.to}.` };
}

type Functions = Record<string, (...args: unknown[]) => unknown>;

/** A handler is a function, or an object of steps (prepare and commit, a vault replaced): spy on each. */
function spyOnHandler(method: MethodName) {
  const handler: unknown = handlers[method];
  if (typeof handler === 'function') return [vi.spyOn(handlers as unknown as Functions, method)];
  const steps = handler as Functions;
  return Object.keys(steps)
    .filter((k) => typeof steps[k] === 'function')
    .map((k) => vi.spyOn(steps, k));
}

describe('the dispatcher applies the roles table to every method', () => {
  const dir = tempDir();
  const backend: Backend = makeBackend(dir.path);
  let environmentId = '';
  const userOf = new Map<string, string>();

  beforeAll(async () => {
    environmentId = (await call(backend, 'vault.create', newSchool)).environmentId;
    const codes = ['aaa', 'bbb', 'ccc', 'ddd', 'eee', 'fff'];
    // The aandachtsfunctionaris first: a coordinator appoints the first one (not herself).
    for (const { label, roles } of [...asRoles].sort((a) => (a.label === 'aandachtsfunctionaris' ? -1 : 0))) {
      userOf.set(label, (await call(backend, 'users.add', { name: `Test ${label}`, staffCode: codes.shift()!, passphrase, roles })).id);
    }
    backend.lock();
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => {
    backend.lock();
    dir.cleanup();
  });

  const auditLines = () => (backend.session!.vault.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

  it.each(asRoles.map((r) => r.label))('as %s: FORBIDDEN exactly where the row says, and no handler runs then', async (label) => {
    backend.lock();
    expect((await dispatch(backend, 'vault.unlock', { environmentId, userId: userOf.get(label)!, passphrase })).ok).toBe(true);
    const spies = new Map(methodNames.map((m) => [m, spyOnHandler(m)] as const));
    const before = auditLines();
    const wrong: string[] = [];
    const roles = asRoles.find((r) => r.label === label)!.roles;
    for (const method of methodNames) {
      const rule = methodRoles[method];
      const refusal = rule.who === 'roles' && !rule.anyOf.some((r) => roles.includes(r)) ? refusalOf(method) : null;
      const forbidden = refusal !== null;
      // A forbidden call is refused whatever the input, even one that would be valid ({} for many);
      // an allowed call with input that is no object goes on to the input check (and stops there).
      for (const input of forbidden ? [{}, 'geen object', null] : ['geen object']) {
        const result = await dispatch(backend, method, input);
        const got = result.ok
          ? 'ok'
          : result.error.code === 'FORBIDDEN'
            ? `${result.error.code}: ${result.error.message}`
            : result.error.code;
        const expected = refusal ? `${refusal.code}: ${refusal.message}` : 'VALIDATION';
        if (got !== expected) wrong.push(`${method} (${JSON.stringify(input)}): ${got}, expected ${expected}`);
      }
      if (spies.get(method)!.some((spy) => spy.mock.calls.length > 0)) wrong.push(`${method}: its handler ran`);
    }
    expect(wrong).toEqual([]);
    // Nothing ran: no line in the log, the session as it was.
    expect(auditLines()).toBe(before);
    expect(backend.session?.user.id).toBe(userOf.get(label));
  });

  it('counts a change of roles at once, without unlocking again', async () => {
    const audit = { filter: { userId: null, studentId: null, from: null, to: null }, before: null, limit: 10 };
    const lid = userOf.get('lid')!;
    backend.lock();
    await call(backend, 'vault.unlock', { environmentId, userId: userOf.get('coordinator')!, passphrase });
    await call(backend, 'users.setRoles', { userId: lid, roles: ['lid', 'coordinator'] });
    backend.lock();
    await call(backend, 'vault.unlock', { environmentId, userId: lid, passphrase });
    expect((await dispatch(backend, 'audit.list', audit)).ok).toBe(true);
    // Taken away by another coordinator while this session is open (here: written directly).
    backend.session!.vault.sqlite.prepare(`UPDATE app_users SET roles = '["lid"]' WHERE id = ?`).run(lid);
    const refused = await dispatch(backend, 'audit.list', audit);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
  });

  it('tells the screens the roles of the user who unlocked, and their change on the next status', async () => {
    const lid = userOf.get('lid')!;
    backend.lock();
    const session = await call(backend, 'vault.unlock', { environmentId, userId: lid, passphrase });
    expect(session.user.roles).toEqual(['lid']);
    backend.session!.vault.sqlite.prepare(`UPDATE app_users SET roles = '["lid","notulist"]' WHERE id = ?`).run(lid);
    expect((await call(backend, 'vault.status', {})).session?.user.roles).toEqual(['lid', 'notulist']);
  });
});

describe('a lid cannot rewrite who must consent (issue 22, fault 2)', () => {
  const dir = tempDir();
  const backend: Backend = makeBackend(dir.path);
  let environmentId = '';
  let coordinatorId = '';
  let lidId = '';
  let studentId = '';
  let guardianId = '';
  let staffId = '';
  let partnerId = '';
  const student = {
    id: null,
    studentNumber: '123456',
    givenName: 'Daan',
    infix: 'de',
    familyName: 'Vries',
    birthDate: '2013-03-01',
    className: '2B',
    yearLevel: 2,
    level: 'havo',
    mentorId: null,
  };
  const file = [
    'Stamnr;Roepnaam;Tussenv;Achternaam;Geb.datum;Klas;Leerjaar;Ouder1 voornaam;Ouder1 tussenv;Ouder1 ' +
      'achternaam;Ouder1 relatie;Ouder1 gezag',
    '123456;Daan;de;Vries;01-03-2013;2B;2;Petra;de;Vries;moeder;nee',
  ].join('\r\n');

  async function as(userId: string, pass: string) {
    backend.lock();
    expect((await dispatch(backend, 'vault.unlock', { environmentId, userId, passphrase: pass })).ok).toBe(true);
  }

  beforeAll(async () => {
    environmentId = (await call(backend, 'vault.create', newSchool)).environmentId;
    coordinatorId = (await call(backend, 'users.list', {}))[0]!.id;
    lidId = (await call(backend, 'users.add', { name: 'Bram Groen', staffCode: 'bgr', passphrase, roles: ['lid'] })).id;
    studentId = (await call(backend, 'students.save', student)).id;
    guardianId = (await call(backend, 'guardians.save', petraDeVries(studentId))).id;
    staffId = (
      await call(backend, 'staff.save', {
        id: null,
        name: 'Emma Prins',
        code: 'epr',
        functions: ['mentor'],
        email: '',
        active: true,
      })
    ).id;
    partnerId = (
      await call(backend, 'partners.save', {
        id: null,
        kind: 'ggd',
        organisation: 'GGD',
        contactName: 'Dr. Bos',
        email: '',
        phone: '',
        active: true,
      })
    ).id;
    await as(lidId, passphrase);
  });
  afterAll(() => {
    backend.lock();
    dir.cleanup();
  });

  async function forbidden(method: string, input: unknown) {
    const result = await dispatch(backend, method, input);
    return result.ok ? 'ok' : result.error.code;
  }

  it('students.save moving the birth date (16+ signs alone) is refused, and the date stays', async () => {
    expect(await forbidden('students.save', { ...student, id: studentId, birthDate: '2008-01-01' })).toBe('FORBIDDEN');
    expect((await call(backend, 'students.get', { id: studentId })).birthDate).toBe('2013-03-01');
  });

  it('an import that takes away Ouder1’s gezag is refused at every step', async () => {
    const content = Buffer.from(file, 'utf8').toString('base64');
    const analyzed = await dispatch(backend, 'import.analyze', { fileName: 'leerlingen.csv', contentBase64: content });
    expect(analyzed.ok ? 'ok' : analyzed.error.code).toBe('FORBIDDEN');
    // The further steps with what an analysis would have given: refused before they look at it.
    const { importId, mapping } = analyzed.ok
      ? (analyzed.value as { importId: string; mapping: Record<string, string> })
      : { importId: 'x', mapping: {} };
    expect(await forbidden('import.preview', { importId, mapping })).toBe('FORBIDDEN');
    const started = await dispatch(backend, 'import.start', { importId, mapping, onErrors: 'skip', updates: 'all' });
    expect(started.ok ? 'ok' : started.error.code).toBe('FORBIDDEN');
    const jobId = started.ok ? (started.value as { jobId: string }).jobId : 'x';
    expect(await forbidden('import.progress', { jobId })).toBe('FORBIDDEN');
    expect((await call(backend, 'students.get', { id: studentId })).guardians.find((g) => g.id === guardianId)?.parentalAuthority).toBe(
      true,
    );
  });

  it('staff and partners are refused', async () => {
    expect(
      await forbidden('staff.save', {
        id: staffId,
        name: 'Emma Prins',
        code: 'xyz',
        functions: ['mentor'],
        email: '',
        active: true,
      }),
    ).toBe('FORBIDDEN');
    expect(
      await forbidden('partners.save', {
        id: partnerId,
        kind: 'ggd',
        organisation: 'Iemand anders',
        contactName: '',
        email: '',
        phone: '',
        active: true,
      }),
    ).toBe('FORBIDDEN');
    expect((await call(backend, 'staff.list', {})).find((s) => s.id === staffId)?.code).toBe('epr');
    expect((await call(backend, 'partners.list', {})).map((p) => p.organisation)).toEqual(['GGD']);
  });

  it('unenrolling in 2015 and a VSO destination (the erasure worklist) are refused', async () => {
    expect(await forbidden('students.setStatus', { id: studentId, status: 'left', leftOn: '2015-06-30' })).toBe('FORBIDDEN');
    expect(await forbidden('retention.setDestination', { studentId, destination: 'vso' })).toBe('FORBIDDEN');
    const after = await call(backend, 'students.get', { id: studentId });
    expect([after.status, after.leftOn]).toEqual(['active', null]);
    expect((await call(backend, 'retention.destination', { studentId })).destination).toBeNull();
  });

  it('the coordinator still may (the rows are not a wall for everyone)', async () => {
    await as(coordinatorId, newSchool.passphrase);
    await call(backend, 'students.setStatus', { id: studentId, status: 'left', leftOn: '2015-06-30' });
    await call(backend, 'retention.setDestination', { studentId, destination: 'vso' });
    expect((await call(backend, 'retention.destination', { studentId })).destination).toBe('vso');
  });
});
