import { join } from 'node:path';
import { chmodSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/api/context';
import { changePassphrase } from '../../electron/features/vault/vault-service';
import { call, callError, makeBackend, newSchool, snapshotDir, tempDir } from '../helpers/backend';

describe('vault through the API', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  beforeEach(() => {
    dir = tempDir();
    backend = makeBackend(dir.path);
  });
  afterEach(() => {
    backend.lock();
    dir.cleanup();
  });

  async function createAndLock() {
    const created = await call(backend, 'vault.create', newSchool);
    await call(backend, 'vault.lock', {});
    const { environments } = await call(backend, 'vault.status', {});
    const env = environments.find((e) => e.id === created.environmentId)!;
    return { ...created, env, userId: env.users[0]!.id };
  }

  it('creates an environment that is unlocked, named after the school, with a one-time recovery key', async () => {
    const created = await call(backend, 'vault.create', newSchool);
    expect(created.environmentId).toBe('het-testlyceum');
    expect(created.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    const status = await call(backend, 'vault.status', {});
    expect(status.session).toMatchObject({ schoolName: 'Het Testlyceum', demo: false, user: { staffCode: 'awo' } });
    const keyring = readFileSync(join(dir.path, 'het-testlyceum.zorgoverleg.keys'), 'utf8');
    expect(keyring).not.toContain(newSchool.passphrase);
    expect(keyring).not.toContain(created.recoveryKey);
  });

  it('never overwrites: a second environment with the same name gets its own file', async () => {
    await call(backend, 'vault.create', newSchool);
    const second = await call(backend, 'vault.create', newSchool);
    expect(second.environmentId).toBe('het-testlyceum-2');
    expect((await call(backend, 'vault.status', {})).environments).toHaveLength(2);
  });

  it('refuses a wrong passphrase with "Onjuist wachtwoord" and changes nothing on disk', async () => {
    const { env, userId } = await createAndLock();
    const before = snapshotDir(dir.path);
    const error = await callError(backend, 'vault.unlock', {
      environmentId: env.id,
      userId,
      passphrase: 'niet het wachtwoord',
    });
    expect(error).toEqual({ code: 'WRONG_PASSPHRASE', message: 'Onjuist wachtwoord.' });
    expect(snapshotDir(dir.path)).toEqual(before);
    expect((await call(backend, 'vault.status', {})).session).toBeNull();
  });

  it('unlocks with the right passphrase after a lock', async () => {
    const { env, userId } = await createAndLock();
    const session = await call(backend, 'vault.unlock', {
      environmentId: env.id,
      userId,
      passphrase: newSchool.passphrase,
    });
    expect(session.user.name).toBe('Anouk Wolters');
  });

  it('refuses every vault method while locked', async () => {
    await createAndLock();
    for (const method of ['settings.get', 'users.list', 'vault.changePassphrase'] as const) {
      const error = await callError(
        backend,
        method,
        method === 'vault.changePassphrase' ? { currentPassphrase: 'x', newPassphrase: 'y'.repeat(12) } : {},
      );
      expect(error.code).toBe('LOCKED');
    }
  });

  it('recovers with the recovery key: a new passphrase works, the old one no longer does', async () => {
    const { env, userId, recoveryKey } = await createAndLock();
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    await call(backend, 'vault.recover', {
      environmentId: env.id,
      userId,
      recoveryKey: typed,
      newPassphrase: 'een nieuw wachtwoord',
    });
    expect((await call(backend, 'vault.status', {})).session?.user.id).toBe(userId);
    await call(backend, 'vault.lock', {});
    expect((await callError(backend, 'vault.unlock', { environmentId: env.id, userId, passphrase: newSchool.passphrase })).code).toBe(
      'WRONG_PASSPHRASE',
    );
    await call(backend, 'vault.unlock', { environmentId: env.id, userId, passphrase: 'een nieuw wachtwoord' });
  });

  it('refuses a wrong or malformed recovery key and keeps the old passphrase', async () => {
    const { env, userId } = await createAndLock();
    const before = snapshotDir(dir.path);
    const wrong = await callError(backend, 'vault.recover', {
      environmentId: env.id,
      userId,
      recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000',
      newPassphrase: 'een nieuw wachtwoord',
    });
    expect(wrong.code).toBe('WRONG_RECOVERY_KEY');
    const malformed = await callError(backend, 'vault.recover', {
      environmentId: env.id,
      userId,
      recoveryKey: 'ABC',
      newPassphrase: 'een nieuw wachtwoord',
    });
    expect(malformed.code).toBe('MALFORMED_RECOVERY_KEY');
    expect(snapshotDir(dir.path)).toEqual(before);
    await call(backend, 'vault.unlock', { environmentId: env.id, userId, passphrase: newSchool.passphrase });
  });

  it('changes a passphrase by rewrapping the key only: the database file stays byte for byte the same', async () => {
    const { env, userId } = await createAndLock();
    await call(backend, 'vault.unlock', { environmentId: env.id, userId, passphrase: newSchool.passphrase });
    const wrong = await callError(backend, 'vault.changePassphrase', {
      currentPassphrase: 'fout fout fout',
      newPassphrase: 'nog een wachtwoord',
    });
    expect(wrong.code).toBe('WRONG_PASSPHRASE');

    // The service itself (the API call also writes an audit line, which is a database change).
    const session = backend.session!;
    session.vault.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = snapshotDir(dir.path);
    const commit = await changePassphrase(backend, session, {
      currentPassphrase: newSchool.passphrase,
      newPassphrase: 'nog een wachtwoord',
    });
    const effects: (() => void)[] = [];
    commit({
      backend,
      session,
      db: session.vault.db,
      noteForAudit: () => undefined,
      lastly: (effect) => void effects.push(effect),
      afterCommit: (effect) => void effects.push(effect),
    });
    for (const effect of effects) effect();
    session.vault.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const after = snapshotDir(dir.path);
    expect(after[`${env.id}.zorgoverleg`]).toBe(before[`${env.id}.zorgoverleg`]);
    expect(after[`${env.id}.zorgoverleg.keys`]).not.toBe(before[`${env.id}.zorgoverleg.keys`]);

    await call(backend, 'vault.lock', {});
    expect((await callError(backend, 'vault.unlock', { environmentId: env.id, userId, passphrase: newSchool.passphrase })).code).toBe(
      'WRONG_PASSPHRASE',
    );
    await call(backend, 'vault.unlock', { environmentId: env.id, userId, passphrase: 'nog een wachtwoord' });
  });

  it('adds a colleague who unlocks with their own passphrase; staff codes stay unique', async () => {
    await call(backend, 'vault.create', newSchool);
    const { id } = await call(backend, 'users.add', {
      name: 'Vincent Duin',
      staffCode: 'VIDU',
      passphrase: 'wachtwoord van vidu',
      roles: ['lid'],
    });
    const taken = await callError(backend, 'users.add', {
      name: 'Ander',
      staffCode: 'vidu',
      passphrase: 'nog een wachtwoord',
      roles: [],
    });
    expect(taken.code).toBe('STAFF_CODE_TAKEN');
    const users = await call(backend, 'users.list', {});
    expect(users.map((u) => u.staffCode)).toEqual(['awo', 'vidu']);
    await call(backend, 'vault.lock', {});
    const { environments } = await call(backend, 'vault.status', {});
    expect(environments[0]!.users.map((u) => u.staffCode)).toEqual(['awo', 'vidu']);
    const session = await call(backend, 'vault.unlock', {
      environmentId: environments[0]!.id,
      userId: id,
      passphrase: 'wachtwoord van vidu',
    });
    expect(session.user.name).toBe('Vincent Duin');
  });

  it('keeps settings after a restart (a new backend on the same folder)', async () => {
    const { env, userId } = await createAndLock();
    await call(backend, 'vault.unlock', { environmentId: env.id, userId, passphrase: newSchool.passphrase });
    const settings = await call(backend, 'settings.get', {});
    await call(backend, 'settings.update', {
      ...settings,
      schoolName: 'Het Nieuwe Testlyceum',
      street: 'Schoolplein 1',
      postalCode: '1234ab',
      city: 'Amersfoort',
      letterSignatoryName: 'A. Wolters',
    });
    backend.lock();

    const restarted = makeBackend(dir.path);
    const { environments } = await call(restarted, 'vault.status', {});
    expect(environments[0]!.label).toBe('Het Nieuwe Testlyceum');
    await call(restarted, 'vault.unlock', { environmentId: env.id, userId, passphrase: newSchool.passphrase });
    expect(await call(restarted, 'settings.get', {})).toMatchObject({
      schoolName: 'Het Nieuwe Testlyceum',
      street: 'Schoolplein 1',
      postalCode: '1234 AB',
      city: 'Amersfoort',
      letterSignatoryName: 'A. Wolters',
    });
    restarted.lock();
  });

  it('rejects invalid settings in Dutch and keeps what was saved', async () => {
    await call(backend, 'vault.create', newSchool);
    const settings = await call(backend, 'settings.get', {});
    const error = await callError(backend, 'settings.update', {
      ...settings,
      postalCode: '99999',
      street: 'Nieuwe straat',
    });
    expect(error).toEqual({
      code: 'VALIDATION',
      message: 'Een postcode ziet eruit als 1234 AB.',
      fields: { postalCode: 'Een postcode ziet eruit als 1234 AB.' },
    });
    expect((await call(backend, 'settings.get', {})).street).toBe('');
  });

  it('logs who changed what (method only, never content)', async () => {
    await call(backend, 'vault.create', newSchool);
    const settings = await call(backend, 'settings.get', {});
    await call(backend, 'settings.update', { ...settings, street: 'Geheime straat 1' });
    const rows = backend.session!.vault.sqlite.prepare('SELECT user_id, method FROM audit_log').all() as {
      method: string;
    }[];
    expect(rows.map((r) => r.method)).toEqual(['vault.create', 'settings.update']);
    expect(JSON.stringify(rows)).not.toContain('Geheime');
  });

  it('answers unknown methods and garbage input with an error envelope, not a crash', async () => {
    expect((await callError(backend, 'students.delete', {})).code).toBe('UNKNOWN_METHOD');
    expect((await callError(backend, 'vault.create', 'geen object')).code).toBe('VALIDATION');
    expect((await callError(backend, 'vault.unlock', { environmentId: '../../etc', userId: 'x', passphrase: 'y' })).code).toBe(
      'VAULT_NOT_FOUND',
    );
  });

  it('opens the demo school with the passphrase it shows', async () => {
    const demo = await call(backend, 'demo.open', {});
    expect(demo.passphrase).toBe('demo-zorgoverleg');
    const { environments, session } = await call(backend, 'vault.status', {});
    expect(session).toBeNull();
    const env = environments.find((e) => e.id === demo.environmentId)!;
    expect(env).toMatchObject({ demo: true, label: 'Lindeboom College (demo)' });
    expect(env.users.length).toBeGreaterThanOrEqual(3);
    await call(backend, 'vault.unlock', {
      environmentId: env.id,
      userId: env.users[0]!.id,
      passphrase: demo.passphrase,
    });
    expect((await call(backend, 'settings.get', {})).city).toBe('Utrecht');
    // Opening it again reuses the same environment.
    await call(backend, 'vault.lock', {});
    await call(backend, 'demo.open', {});
    expect((await call(backend, 'vault.status', {})).environments).toHaveLength(1);
  });

  it('lists a damaged environment with its problem instead of hiding it', async () => {
    const { env } = await createAndLock();
    const keys = join(dir.path, `${env.id}.zorgoverleg.keys`);
    writeFileSync(keys, '{ kapot');
    const listed = (await call(backend, 'vault.status', {})).environments[0]!;
    expect(listed.problem?.code).toBe('VAULT_NOT_OURS');
  });
});

/** Issue 13, "Safety net": a keyring edited or lost, a folder we may not write to, a full disk at close, crash leftovers. */
describe('the vault files when something is wrong with them', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  beforeEach(() => {
    dir = tempDir();
    backend = makeBackend(dir.path);
  });
  afterEach(() => {
    backend.lock();
    dir.cleanup();
  });

  async function createAndLock() {
    const created = await call(backend, 'vault.create', newSchool);
    const { id: colleague } = await call(backend, 'users.add', {
      name: 'Bram Groen',
      staffCode: 'bgr',
      passphrase: 'wachtwoord van bram',
      roles: ['lid'],
    });
    const userId = (await call(backend, 'users.list', {})).find((u) => u.staffCode === 'awo')!.id;
    backend.lock();
    const vaultPath = join(dir.path, `${created.environmentId}.zorgoverleg`);
    return { ...created, userId, colleague, vaultPath, keysPath: `${vaultPath}.keys` };
  }

  type StoredKeyring = {
    label: string;
    demo: boolean;
    users: { userId: string; name: string; staffCode: string; kdf: { N: number; r: number; p: number } }[];
  };
  const readKeys = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as StoredKeyring;
  const editKeys = (path: string, edit: (k: StoredKeyring) => void) => {
    const keys = readKeys(path);
    edit(keys);
    writeFileSync(path, JSON.stringify(keys));
  };

  it('puts labels edited outside the app back from the vault at the next unlock, and logs it', async () => {
    const env = await createAndLock();
    editKeys(env.keysPath, (k) => {
      k.label = 'Nep Lyceum';
      k.demo = true;
      k.users.find((u) => u.userId === env.colleague)!.name = 'Iemand Anders';
    });
    // Before the unlock nothing can tell: the start screen shows what the file says.
    expect((await call(backend, 'vault.status', {})).environments[0]!.label).toBe('Nep Lyceum');

    const session = await call(backend, 'vault.unlock', {
      environmentId: env.environmentId,
      userId: env.userId,
      passphrase: newSchool.passphrase,
    });
    // The session takes nothing from the keyring's copy.
    expect(session).toMatchObject({ demo: false, schoolName: 'Het Testlyceum' });
    const lines = backend.session!.vault.sqlite.prepare("SELECT detail FROM audit_log WHERE method = 'vault.keyringRepaired'").all() as {
      detail: string;
    }[];
    expect(lines.map((l) => l.detail)).toEqual([
      'sleutelbestand buiten Zorgoverleg gewijzigd (de schoolnaam, namen of codes van gebruikers, demo); hersteld uit de omgeving',
    ]);
    backend.lock();

    const [listed] = (await call(backend, 'vault.status', {})).environments;
    expect(listed).toMatchObject({ label: 'Het Testlyceum', demo: false });
    expect(listed!.users.map((u) => u.name).sort()).toEqual(['Anouk Wolters', 'Bram Groen']);
    // Once put back, the next unlock has nothing to repair.
    await call(backend, 'vault.unlock', {
      environmentId: env.environmentId,
      userId: env.colleague,
      passphrase: 'wachtwoord van bram',
    });
    expect(
      backend.session!.vault.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE method = 'vault.keyringRepaired'").get(),
    ).toEqual({ n: 1 });
  });

  it('refuses a scrypt cost raised in the keyring as a damaged keyring, at once, and the recovery key still opens', async () => {
    const env = await createAndLock();
    for (const cost of [{ N: 2 ** 30 }, { r: 2 ** 20 }, { p: 2 ** 20 }]) {
      editKeys(env.keysPath, (k) => Object.assign(k.users.find((u) => u.userId === env.userId)!.kdf, cost));
      const started = Date.now();
      const error = await callError(backend, 'vault.unlock', {
        environmentId: env.environmentId,
        userId: env.userId,
        passphrase: newSchool.passphrase,
      });
      expect(error.code).toBe('KEYRING_DAMAGED');
      expect(error.message).toMatch(/^Het sleutelbestand van deze omgeving is beschadigd of buiten Zorgoverleg gewijzigd\./);
      expect(Date.now() - started).toBeLessThan(2000);
      editKeys(env.keysPath, (k) => Object.assign(k.users.find((u) => u.userId === env.userId)!.kdf, { N: 1024, r: 8, p: 1 }));
    }
    // One damaged slot does not take the others with it; the recovery key gives it a new one.
    editKeys(env.keysPath, (k) => Object.assign(k.users.find((u) => u.userId === env.userId)!.kdf, { N: 2 ** 30 }));
    await call(backend, 'vault.recover', {
      environmentId: env.environmentId,
      userId: env.userId,
      recoveryKey: env.recoveryKey,
      newPassphrase: 'een nieuw wachtwoord',
    });
    backend.lock();
    await call(backend, 'vault.unlock', {
      environmentId: env.environmentId,
      userId: env.userId,
      passphrase: 'een nieuw wachtwoord',
    });
  });

  it('names a missing keyring beside the vault, and how to get it back', async () => {
    const env = await createAndLock();
    rmSync(env.keysPath);
    const message =
      `Het sleutelbestand van deze omgeving (${env.environmentId}.zorgoverleg.keys) ontbreekt, ` +
      `dus ze kan niet worden geopend. Er is niets aan veranderd. Zet het sleutelbestand terug ` +
      `uit een back-up met "Omgeving openen uit back-up"; wat na die back-up is gedaan, blijft bewaard.`;
    expect((await call(backend, 'vault.status', {})).environments[0]!.problem).toEqual({
      code: 'KEYRING_MISSING',
      message,
    });
    expect(
      await callError(backend, 'vault.unlock', {
        environmentId: env.environmentId,
        userId: env.userId,
        passphrase: newSchool.passphrase,
      }),
    ).toEqual({ code: 'KEYRING_MISSING', message });
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'names a data folder it may not write to as such, not as a damaged vault (skipped as root or on Windows: chmod does not stop them)',
    async () => {
      const env = await createAndLock();
      chmodSync(dir.path, 0o500);
      try {
        const error = await callError(backend, 'vault.unlock', {
          environmentId: env.environmentId,
          userId: env.userId,
          passphrase: newSchool.passphrase,
        });
        expect(error.code).toBe('VAULT_READ_ONLY');
        expect(error.message).toContain(`Zorgoverleg mag niet schrijven in de map ${dir.path}`);
      } finally {
        chmodSync(dir.path, 0o700);
      }
    },
  );

  it('closes the vault at a lock even when the disk is full, and says so on the start screen', async () => {
    const env = await createAndLock();
    await call(backend, 'vault.unlock', {
      environmentId: env.environmentId,
      userId: env.userId,
      passphrase: newSchool.passphrase,
    });
    await call(backend, 'settings.update', { ...(await call(backend, 'settings.get', {})), street: 'Schoolplein 1' });
    const session = backend.session!;
    const sqlite = session.vault.sqlite;
    const pragma = sqlite.pragma.bind(sqlite);
    // The checkpoint is the write a lock makes: the main file must grow, and the disk is full.
    vi.spyOn(sqlite, 'pragma').mockImplementation((source: string, options?: Database.PragmaOptions) => {
      if (source.startsWith('wal_checkpoint')) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      return pragma(source, options);
    });
    expect(() => backend.lock()).not.toThrow();
    expect(backend.session).toBeNull();
    expect(sqlite.open).toBe(false);
    expect(session.dataKey.every((b) => b === 0)).toBe(true);
    const status = await call(backend, 'vault.status', {});
    expect(status.notice).toBe(
      'De schijf is vol. De omgeving is wel gesloten en wat was opgeslagen is bewaard; het wordt bij het ' +
        'volgende openen verwerkt. Maak ruimte vrij op de schijf voordat je verder werkt.',
    );
    // What was saved is there at the next unlock, and the notice has done its work.
    await call(backend, 'vault.unlock', {
      environmentId: env.environmentId,
      userId: env.userId,
      passphrase: newSchool.passphrase,
    });
    expect((await call(backend, 'settings.get', {})).street).toBe('Schoolplein 1');
    expect((await call(backend, 'vault.status', {})).notice).toBeNull();
  });

  it('sweeps a keyring write a crash interrupted when the environments are listed', async () => {
    const env = await createAndLock();
    const leftover = `${env.keysPath}.0badc0de.tmp`;
    writeFileSync(leftover, '{ "format": "zorgoverleg-keyring", "half');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(leftover, hourAgo, hourAgo);
    const fresh = makeBackend(dir.path);
    expect((await call(fresh, 'vault.status', {})).environments.map((e) => e.problem)).toEqual([null]);
    expect(readdirSync(dir.path).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
