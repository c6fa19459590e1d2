import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/api/context';
import { backupsSettled } from '../../electron/features/backup/automatic';
import { call, callError, makeBackend, newSchool, tempDir } from '../helpers/backend';

/**
 * Issue 22, fault 7: one limiter for every check of a passphrase or recovery key (unlock, recovery
 * key, changing one's passphrase, opening a backup), that counts the attempts still being checked:
 * twenty sent at once after the wait get one check, not twenty. Failed attempts at a backup are
 * logged like failed unlocks. The clock is moved by hand (only Date is faked; scrypt runs for real).
 */

const WAIT = /^Te veel onjuiste pogingen\. Probeer het over \d+ seconden? opnieuw\.$/;

describe('one limiter for every passphrase check', () => {
  const dirs: ReturnType<typeof tempDir>[] = [];
  const backends: Backend[] = [];
  let clock = new Date(2027, 2, 10, 9, 0, 0).getTime();
  const later = (ms: number) => {
    clock += ms;
    vi.setSystemTime(clock);
  };
  const folder = () => {
    const dir = tempDir('zorgoverleg-limiter-');
    dirs.push(dir);
    return dir.path;
  };
  const backendIn = (path: string) => {
    const backend = makeBackend(path);
    backends.push(backend);
    return backend;
  };
  async function newEnvironment() {
    const backend = backendIn(folder());
    const { environmentId, recoveryKey } = await call(backend, 'vault.create', newSchool);
    const userId = (await call(backend, 'users.list', {}))[0]!.id;
    return { backend, environmentId, recoveryKey, userId };
  }
  const log = async (backend: Backend) =>
    (
      await call(backend, 'audit.list', {
        filter: { userId: null, studentId: null, from: null, to: null },
        before: null,
        limit: 500,
      })
    ).entries.reverse();
  const failedLines = async (backend: Backend) =>
    (await log(backend)).filter((e) => e.method === 'vault.unlockFailed').map((e) => e.detail);

  /** Sends `n` calls at once; returns the error codes (or 'ok'), in any order. */
  async function atOnce(n: number, send: () => Promise<{ ok: true } | { code: string; message: string }>) {
    const results = await Promise.all(Array.from({ length: n }, send));
    for (const r of results) if ('code' in r && r.code === 'TOO_MANY_ATTEMPTS') expect(r.message).toMatch(WAIT);
    return results.map((r) => ('code' in r ? r.code : 'ok'));
  }
  const count = (codes: string[], code: string) => codes.filter((c) => c === code).length;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: clock });
  });
  afterEach(async () => {
    for (const backend of backends.splice(0)) {
      backend.lock();
      await backupsSettled(backend);
    }
    for (const dir of dirs.splice(0)) dir.cleanup();
    vi.useRealTimers();
  });

  it('checks one of twenty wrong passphrases sent at once after the wait; the others are refused unchecked', async () => {
    const env = await newEnvironment();
    await call(env.backend, 'vault.lock', {});
    const unlock = (passphrase: string) => () =>
      callError(env.backend, 'vault.unlock', { environmentId: env.environmentId, userId: env.userId, passphrase });

    // From a clean count, three at once may be checked (the free attempts), not twenty.
    const first = await atOnce(20, unlock('fout wachtwoord'));
    expect(count(first, 'WRONG_PASSPHRASE')).toBe(3);
    expect(count(first, 'TOO_MANY_ATTEMPTS')).toBe(17);

    // The wait after three (1 s) is over: twenty at once again, one is checked.
    later(1_100);
    const second = await atOnce(20, unlock('nog een fout wachtwoord'));
    expect(count(second, 'WRONG_PASSPHRASE')).toBe(1);
    expect(count(second, 'TOO_MANY_ATTEMPTS')).toBe(19);

    // Four failures so far, not twenty-three: the next wait is 2 s, and the right passphrase waits too.
    later(1_500);
    expect((await unlock(newSchool.passphrase)()).code).toBe('TOO_MANY_ATTEMPTS');
    later(600);
    await call(env.backend, 'vault.unlock', {
      environmentId: env.environmentId,
      userId: env.userId,
      passphrase: newSchool.passphrase,
    });
    // Exactly the checked attempts are in the Logboek, before the unlock.
    expect(await failedLines(env.backend)).toEqual(Array.from({ length: 4 }, () => 'onjuist wachtwoord'));
    expect((await log(env.backend)).map((e) => e.method).slice(-5)).toEqual([
      'vault.unlockFailed',
      'vault.unlockFailed',
      'vault.unlockFailed',
      'vault.unlockFailed',
      'vault.unlock',
    ]);
  });

  it('counts the recovery key with the passphrases', async () => {
    const env = await newEnvironment();
    await call(env.backend, 'vault.lock', {});
    for (let i = 0; i < 3; i++)
      expect(
        (
          await callError(env.backend, 'vault.unlock', {
            environmentId: env.environmentId,
            userId: env.userId,
            passphrase: 'fout',
          })
        ).code,
      ).toBe('WRONG_PASSPHRASE');
    later(1_100);
    const recover = () =>
      callError(env.backend, 'vault.recover', {
        environmentId: env.environmentId,
        userId: env.userId,
        recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
        newPassphrase: 'een nieuw wachtwoord',
      });
    const codes = await atOnce(20, recover);
    expect(count(codes, 'WRONG_RECOVERY_KEY')).toBe(1);
    expect(count(codes, 'TOO_MANY_ATTEMPTS')).toBe(19);
  });

  it('limits and logs opening a backup, sharing the count with the vault it belongs to', async () => {
    const env = await newEnvironment();
    const backup = await call(env.backend, 'backup.create', { folder: folder() });
    const elsewhere = backendIn(folder());
    const open = (passphrase: string) => () =>
      callError(elsewhere, 'backup.open', { with: 'passphrase', path: backup.path, userId: env.userId, passphrase });

    const codes = await atOnce(20, open('geraden wachtwoord'));
    expect(count(codes, 'WRONG_PASSPHRASE')).toBe(3);
    expect(count(codes, 'TOO_MANY_ATTEMPTS')).toBe(17);
    // The right passphrase waits as well, and nothing was written meanwhile.
    expect((await open(newSchool.passphrase)()).code).toBe('TOO_MANY_ATTEMPTS');
    later(1_100);
    const recoveryAtOnce = await atOnce(5, () =>
      callError(elsewhere, 'backup.open', {
        with: 'recoveryKey',
        path: backup.path,
        userId: env.userId,
        recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
        newPassphrase: 'een nieuw wachtwoord',
      }),
    );
    expect(count(recoveryAtOnce, 'WRONG_RECOVERY_KEY')).toBe(1);
    later(2_100);
    await call(elsewhere, 'backup.open', {
      with: 'passphrase',
      path: backup.path,
      userId: env.userId,
      passphrase: newSchool.passphrase,
    });
    // In the opened vault's Logboek: every checked attempt, where it was made, then the unlock.
    expect(await failedLines(elsewhere)).toEqual([
      'onjuist wachtwoord bij het openen van een back-up',
      'onjuist wachtwoord bij het openen van een back-up',
      'onjuist wachtwoord bij het openen van een back-up',
      'onjuiste herstelsleutel bij het openen van een back-up',
    ]);
    const methods = (await log(elsewhere)).map((e) => e.method);
    expect(methods).toContain('backup.open');
    expect(methods.filter((m) => m !== 'backup.open').slice(-2)).toEqual(['vault.unlockFailed', 'vault.unlock']);

    // On the backup's own computer the count is the vault's: guessing the unlock screen, then the backup, gains nothing.
    await call(env.backend, 'vault.lock', {});
    for (let i = 0; i < 3; i++)
      expect(
        (
          await callError(env.backend, 'vault.unlock', {
            environmentId: env.environmentId,
            userId: env.userId,
            passphrase: 'fout',
          })
        ).code,
      ).toBe('WRONG_PASSPHRASE');
    expect(
      (
        await callError(env.backend, 'backup.open', {
          with: 'passphrase',
          path: backup.path,
          userId: env.userId,
          passphrase: 'fout',
        })
      ).code,
    ).toBe('TOO_MANY_ATTEMPTS');
  });

  it("counts a wrong current passphrase when changing one's passphrase", async () => {
    const env = await newEnvironment();
    const change = (currentPassphrase: string) => () =>
      callError(env.backend, 'vault.changePassphrase', {
        currentPassphrase,
        newPassphrase: 'een heel nieuw wachtwoord',
      });
    const codes = await atOnce(10, change('niet mijn wachtwoord'));
    expect(count(codes, 'WRONG_PASSPHRASE')).toBe(3);
    expect(count(codes, 'TOO_MANY_ATTEMPTS')).toBe(7);
    // The unlock screen waits too, after the lock.
    await call(env.backend, 'vault.lock', {});
    expect(
      (
        await callError(env.backend, 'vault.unlock', {
          environmentId: env.environmentId,
          userId: env.userId,
          passphrase: newSchool.passphrase,
        })
      ).code,
    ).toBe('TOO_MANY_ATTEMPTS');
    later(1_100);
    await call(env.backend, 'vault.unlock', {
      environmentId: env.environmentId,
      userId: env.userId,
      passphrase: newSchool.passphrase,
    });
    expect(await failedLines(env.backend)).toEqual(
      Array.from({ length: 3 }, () => 'onjuist wachtwoord bij het wijzigen van het wachtwoord'),
    );
  });
});
