import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/api/context';
import { dispatch } from '../../electron/app/dispatch';
import { call, makeBackend, newSchool, tempDir } from '../helpers/backend';

/**
 * Key operations against a lock that comes while the key is being derived (scrypt runs off the
 * main thread, so a lock can arrive in between), and against each other. Issue 13, fault 1.
 */
describe('key operations and locking', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  let environmentId: string;
  let userId: string;
  let recoveryKey: string;

  beforeEach(async () => {
    dir = tempDir();
    backend = makeBackend(dir.path);
    const created = await call(backend, 'vault.create', newSchool);
    environmentId = created.environmentId;
    recoveryKey = created.recoveryKey;
    userId = (await call(backend, 'users.list', {}))[0]!.id;
  });
  afterEach(() => {
    backend.lock();
    dir.cleanup();
  });

  const unlock = (passphrase: string, user = userId) => dispatch(backend, 'vault.unlock', { environmentId, userId: user, passphrase });

  it('a lock during a passphrase change changes nothing, and says so: the old passphrase still works', async () => {
    // The change and its line go in together; with the vault locked there is nowhere to write the line.
    const changing = dispatch(backend, 'vault.changePassphrase', {
      currentPassphrase: newSchool.passphrase,
      newPassphrase: 'nieuw en veilig wachtwoord',
    });
    backend.lock();
    const answer = await changing;
    expect(answer.ok ? null : answer.error).toMatchObject({
      code: 'LOCKED',
      message: expect.stringMatching(/niets gewijzigd/),
    });
    expect((await unlock('nieuw en veilig wachtwoord')).ok).toBe(false);
    expect((await unlock(newSchool.passphrase)).ok).toBe(true);
  });

  it('a lock during a recovery, after the vault opened, still leaves a working new passphrase', async () => {
    backend.lock();
    const recovering = dispatch(backend, 'vault.recover', {
      environmentId,
      userId,
      recoveryKey,
      newPassphrase: 'hersteld wachtwoord 2026',
    });
    // Wait until the recovery key opened the vault; the new passphrase is being wrapped now.
    while (!backend.session) await new Promise((r) => setImmediate(r));
    backend.lock();
    const result = await recovering;
    expect(result.ok ? '' : result.error.message).toBe(
      'Je nieuwe wachtwoord is ingesteld, maar de omgeving werd intussen vergrendeld. Ontgrendel haar met je nieuwe wachtwoord.',
    );
    expect((await unlock('hersteld wachtwoord 2026')).ok).toBe(true);
  });

  it('a lock during an unlock wins: no session opens after it', async () => {
    backend.lock();
    const unlocking = unlock(newSchool.passphrase);
    backend.lock();
    const result = await unlocking;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('De omgeving werd vergrendeld terwijl ze werd geopend. Ontgrendel haar opnieuw.');
    expect(backend.session).toBeNull();
    expect((await unlock(newSchool.passphrase)).ok).toBe(true);
  });

  it('a colleague added while a passphrase changes: both keep their key slot', async () => {
    const adding = dispatch(backend, 'users.add', {
      name: 'Bram Groen',
      staffCode: 'bgr',
      passphrase: 'wachtwoord van bram',
      roles: ['lid'],
    });
    const changing = dispatch(backend, 'vault.changePassphrase', {
      currentPassphrase: newSchool.passphrase,
      newPassphrase: 'nieuw en veilig wachtwoord',
    });
    const [added, changed] = await Promise.all([adding, changing]);
    expect(added.ok && changed.ok).toBe(true);
    const bram = added.ok ? (added.value as { id: string }).id : '';
    backend.lock();
    expect((await unlock('nieuw en veilig wachtwoord')).ok).toBe(true);
    backend.lock();
    expect((await unlock('wachtwoord van bram', bram)).ok).toBe(true);
  });
});

describe('typed secrets are bounded', () => {
  it('refuses a 50 MB passphrase before deriving anything from it', async () => {
    const dir = tempDir();
    const backend = makeBackend(dir.path);
    try {
      const { environmentId } = await call(backend, 'vault.create', newSchool);
      const userId = (await call(backend, 'users.list', {}))[0]!.id;
      backend.lock();
      const huge = 'x'.repeat(50 * 1024 * 1024);
      const result = await dispatch(backend, 'vault.unlock', { environmentId, userId, passphrase: huge });
      expect(result.ok ? '' : `${result.error.code}: ${result.error.message}`).toBe('VALIDATION: Onjuist wachtwoord.');
    } finally {
      backend.lock();
      dir.cleanup();
    }
  });
});
