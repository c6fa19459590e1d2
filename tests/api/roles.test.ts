import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName, type RoleRule } from '../../electron/api/contract';
import type { Backend } from '../../electron/api/context';
import { dispatch } from '../../electron/api/dispatch';
import { userRoleLabels, userRoles, type UserRole } from '../../electron/features/settings/vocabulary';
import { call, makeBackend, newSchool, tempDir } from '../helpers/backend';

/**
 * Issue 13: roles are enforced by the dispatcher, not only hidden in the UI. Every method whose
 * contract names `roles` refuses a user without one of them — a user with every other role — with
 * FORBIDDEN and a Dutch message, before its input is looked at and before its handler runs.
 */

const ruleOf = (method: MethodName): RoleRule | undefined => {
  const spec = contract[method];
  return 'roles' in spec ? spec.roles : undefined;
};
const guarded = methodNames.filter((m) => ruleOf(m) !== undefined);
const groupOf = (rule: RoleRule) => [...rule.anyOf].sort().join('+');

describe('roles in the contract', () => {
  it('guard what only a coordinator may do', () => {
    const coordinatorOnly = ['users.add', 'users.remove', 'users.setRoles', 'settings.update', 'settings.setLogo', 'settings.removeLogo', 'audit.list', 'audit.export', 'backup.create', 'backup.restore'] as const;
    for (const method of coordinatorOnly) expect(ruleOf(method)?.anyOf, method).toEqual(['coordinator']);
  });

  it('are for methods of an unlocked vault (a public method has nobody to ask)', () => {
    for (const method of guarded) expect(contract[method].access, method).toBe('unlocked');
  });
});

describe('the dispatcher enforces the roles of the contract', () => {
  const dir = tempDir();
  const backend: Backend = makeBackend(dir.path);
  let environmentId = '';
  let coordinatorId = '';
  /** Per set of allowed roles: a user with one of them, and a user with every other role. */
  const users = new Map<string, { with: string; without: string }>();
  const passphrase = 'een wachtwoord voor de test';

  beforeAll(async () => {
    environmentId = (await call(backend, 'vault.create', newSchool)).environmentId;
    coordinatorId = (await call(backend, 'users.list', {}))[0]!.id;
    // The first aandachtsfunctionaris is appointed by a coordinator: here herself, so she may give that role too.
    await call(backend, 'users.setRoles', { userId: coordinatorId, roles: ['coordinator', 'aandachtsfunctionaris'] });
    const codes = ['aaa', 'bbb', 'ccc', 'ddd', 'eee', 'fff', 'ggg', 'hhh'];
    for (const method of guarded) {
      const rule = ruleOf(method)!;
      if (users.has(groupOf(rule))) continue;
      const others: UserRole[] = userRoles.filter((r) => !rule.anyOf.includes(r));
      const add = async (roles: UserRole[]) => (await call(backend, 'users.add', { name: `Test ${codes[0]}`, staffCode: codes.shift()!, passphrase, roles })).id;
      users.set(groupOf(rule), { with: await add([rule.anyOf[0]!]), without: await add(others) });
    }
    backend.lock();
  });
  afterAll(() => {
    backend.lock();
    dir.cleanup();
  });

  async function unlockAs(userId: string) {
    backend.lock();
    const unlocked = await dispatch(backend, 'vault.unlock', { environmentId, userId, passphrase: userId === coordinatorId ? newSchool.passphrase : passphrase });
    expect(unlocked.ok).toBe(true);
  }

  const auditLines = () => (backend.session!.vault.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

  it.each(guarded)('%s refuses a user without its role, whatever the input', async (method) => {
    const rule = ruleOf(method)!;
    await unlockAs(users.get(groupOf(rule))!.without);
    const before = auditLines();
    const names = rule.anyOf.map((r) => userRoleLabels[r].toLowerCase());
    const who = names.length > 1 ? `${names.slice(0, -1).join(', ')} of ${names.at(-1)}` : names[0];
    for (const input of [{}, 'geen object', null]) {
      const result = await dispatch(backend, method, input);
      expect(result.ok ? 'ok' : result.error).toEqual({ code: 'FORBIDDEN', message: `Alleen een ${who} kan ${rule.to}.` });
    }
    // Nothing ran: no line in the log, the session as it was.
    expect(auditLines()).toBe(before);
    expect(backend.session).not.toBeNull();
  });

  it.each(guarded)('%s lets a user with its role through to the input check', async (method) => {
    await unlockAs(users.get(groupOf(ruleOf(method)!))!.with);
    const result = await dispatch(backend, method, 'geen object');
    expect(result.ok ? 'ok' : result.error.code).toBe('VALIDATION');
  });

  it('counts a change of roles at once, without unlocking again', async () => {
    const { without } = users.get('coordinator')!;
    await unlockAs(coordinatorId);
    await call(backend, 'users.setRoles', { userId: without, roles: ['coordinator'] });
    await unlockAs(without);
    expect((await dispatch(backend, 'audit.list', { filter: { userId: null, studentId: null, from: null, to: null }, before: null, limit: 10 })).ok).toBe(true);
    // Taken away by another coordinator while this session is open (here: written directly).
    backend.session!.vault.sqlite.prepare("UPDATE app_users SET roles = '[]' WHERE id = ?").run(without);
    const refused = await dispatch(backend, 'audit.list', { filter: { userId: null, studentId: null, from: null, to: null }, before: null, limit: 10 });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
  });
});
