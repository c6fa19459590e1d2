import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultKdfCost, deriveWrappingKey, isKdfCostWithinLimits, newKdfParams } from '../../electron/features/vault/kdf';
import {
  KEYRING_FORMAT,
  KEYRING_VERSION,
  readKeyring,
  removeStaleTemporaries,
  unwrapDataKey,
  wrapDataKey,
  writeKeyring,
  type Keyring,
} from '../../electron/features/vault/keyring';
import { cheapKdf, tempDir } from '../helpers/backend';

describe('keyring', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('unwraps the data key with the right passphrase only', async () => {
    const dataKey = randomBytes(32);
    const vaultId = randomUUID();
    const slot = await wrapDataKey(dataKey, 'een lang wachtwoord', vaultId, 'user-1', cheapKdf);
    expect((await unwrapDataKey(slot, 'een lang wachtwoord', vaultId, 'user-1'))?.equals(dataKey)).toBe(true);
    expect(await unwrapDataKey(slot, 'een lang wachtwoorD', vaultId, 'user-1')).toBeNull();
  });

  it('binds a wrapped key to its vault and user: a slot copied elsewhere does not open', async () => {
    const dataKey = randomBytes(32);
    const vaultId = randomUUID();
    const slot = await wrapDataKey(dataKey, 'een lang wachtwoord', vaultId, 'user-1', cheapKdf);
    expect(await unwrapDataKey(slot, 'een lang wachtwoord', vaultId, 'user-2')).toBeNull();
    expect(await unwrapDataKey(slot, 'een lang wachtwoord', randomUUID(), 'user-1')).toBeNull();
  });

  it('uses a scrypt cost meant for real attackers by default', async () => {
    expect(defaultKdfCost.N).toBeGreaterThanOrEqual(2 ** 17);
    const slot = await wrapDataKey(randomBytes(32), 'een lang wachtwoord', randomUUID(), 'u');
    expect(slot.kdf.N).toBe(defaultKdfCost.N);
    expect(slot.kdf.name).toBe('scrypt');
  });

  it('names a missing keyring beside a vault as such, with the way back', () => {
    const vault = join(dir.path, 'w.zorgoverleg');
    writeFileSync(vault, randomBytes(8192));
    expect(() => readKeyring(vault)).toThrow(
      expect.objectContaining({
        code: 'KEYRING_MISSING',
        message: expect.stringMatching(
          /^Het sleutelbestand van deze omgeving \(w\.zorgoverleg\.keys\) ontbreekt.*"Omgeving openen uit back-up"/,
        ),
      }),
    );
  });

  it('says a file is not ours when the keyring is not JSON or of another format', () => {
    const vault = join(dir.path, 'x.zorgoverleg');
    writeFileSync(vault, randomBytes(8192));
    writeFileSync(`${vault}.keys`, 'dit is geen json');
    expect(() => readKeyring(vault)).toThrow(expect.objectContaining({ code: 'VAULT_NOT_OURS' }));
    writeFileSync(`${vault}.keys`, JSON.stringify({ format: 'iets-anders', version: 1 }));
    expect(() => readKeyring(vault)).toThrow(expect.objectContaining({ code: 'VAULT_NOT_OURS' }));
  });

  it('says a keyring from a newer app needs a newer app', () => {
    const vault = join(dir.path, 'y.zorgoverleg');
    writeFileSync(vault, randomBytes(8192));
    writeFileSync(`${vault}.keys`, JSON.stringify({ format: 'zorgoverleg-keyring', version: 99 }));
    expect(() => readKeyring(vault)).toThrow(expect.objectContaining({ code: 'VAULT_NEWER' }));
  });

  it('refuses a scrypt cost Zorgoverleg never writes before running it: damaged, not a hang', async () => {
    const salt = randomBytes(16).toString('base64');
    for (const cost of [
      { N: 2 ** 30, r: 8, p: 1 }, // a terabyte
      { N: 1024, r: 2 ** 20, p: 1 }, // 128 GiB
      { N: 1024, r: 8, p: 2 ** 20 }, // hours of work
      { N: 16, r: 8, p: 1 }, // below anything written
      { N: 1000, r: 8, p: 1 }, // not a power of two
    ]) {
      expect(isKdfCostWithinLimits(cost)).toBe(false);
      await expect(deriveWrappingKey('een lang wachtwoord', { name: 'scrypt', ...cost, salt })).rejects.toMatchObject({
        code: 'KEYRING_DAMAGED',
      });
    }
    // What the app writes, and the cheap cost the tests use, are within the limits.
    expect(isKdfCostWithinLimits(defaultKdfCost)).toBe(true);
    expect(isKdfCostWithinLimits(cheapKdf)).toBe(true);
  });

  it('refuses a slot whose scrypt cost was raised in the file, quickly', async () => {
    const vaultId = randomUUID();
    const slot = await wrapDataKey(randomBytes(32), 'een lang wachtwoord', vaultId, 'user-1', cheapKdf);
    const started = Date.now();
    for (const kdf of [
      { ...slot.kdf, N: 2 ** 30 },
      { ...slot.kdf, p: 2 ** 20 },
      { ...slot.kdf, r: 2 ** 20 },
    ]) {
      await expect(unwrapDataKey({ ...slot, kdf }, 'een lang wachtwoord', vaultId, 'user-1')).rejects.toMatchObject({
        code: 'KEYRING_DAMAGED',
      });
    }
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('pins the GCM tag at 16 bytes: a tag cut short in the file does not verify', async () => {
    const dataKey = randomBytes(32);
    const vaultId = randomUUID();
    const slot = await wrapDataKey(dataKey, 'een lang wachtwoord', vaultId, 'user-1', cheapKdf);
    expect(Buffer.from(slot.wrappedKey.tag, 'base64')).toHaveLength(16);
    // Node would accept the first 4 bytes of the real tag as a (weak) tag of its own.
    const short = Buffer.from(slot.wrappedKey.tag, 'base64').subarray(0, 4).toString('base64');
    const truncated = { ...slot, wrappedKey: { ...slot.wrappedKey, tag: short } };
    await expect(unwrapDataKey(truncated, 'een lang wachtwoord', vaultId, 'user-1')).rejects.toMatchObject({
      code: 'KEYRING_DAMAGED',
    });
  });

  it('calls a keyring of ours with fields that make no sense damaged, not "not ours"', async () => {
    const vault = join(dir.path, 'z.zorgoverleg');
    writeFileSync(vault, randomBytes(8192));
    writeFileSync(`${vault}.keys`, JSON.stringify({ format: KEYRING_FORMAT, version: KEYRING_VERSION, vaultId: 'geen-uuid' }));
    expect(() => readKeyring(vault)).toThrow(expect.objectContaining({ code: 'KEYRING_DAMAGED' }));
  });
});

describe('keyring files', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  async function keyring(): Promise<Keyring> {
    const vaultId = randomUUID();
    const slot = await wrapDataKey(randomBytes(32), 'een lang wachtwoord', vaultId, 'u1', cheapKdf);
    return {
      format: KEYRING_FORMAT,
      version: KEYRING_VERSION,
      vaultId,
      label: 'Het Testlyceum',
      demo: false,
      cipher: 'chacha20',
      users: [{ userId: 'u1', name: 'Anouk Wolters', staffCode: 'awo', ...slot }],
      recovery: { kdf: newKdfParams(cheapKdf), wrappedKey: slot.wrappedKey },
    };
  }

  it('writes a keyring without leaving a temporary file', async () => {
    const vault = join(dir.path, 'schrijven.zorgoverleg');
    writeFileSync(vault, randomBytes(8192));
    const written = await keyring();
    writeKeyring(vault, written);
    expect(readKeyring(vault)).toEqual(written);
    expect(readdirSync(dir.path).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('sweeps what a crash left of a keyring write, but not a write of this very moment', () => {
    const folder = join(dir.path, 'na-een-crash');
    const stale = join(dir.path, 'oud.zorgoverleg.keys.0badc0de.tmp');
    const staleMarker = join(dir.path, 'oud.zorgoverleg.replacing.0badc0de.tmp');
    const fresh = join(dir.path, 'nu.zorgoverleg.keys.12345678.tmp');
    const other = join(dir.path, 'iets-anders.tmp');
    for (const path of [stale, staleMarker, fresh, other]) writeFileSync(path, '{');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    for (const path of [stale, staleMarker, other]) utimesSync(path, hourAgo, hourAgo);
    removeStaleTemporaries(dir.path);
    expect([stale, staleMarker, fresh, other].map((p) => existsSync(p))).toEqual([false, false, true, true]);
    // A folder that is not there is nothing to sweep.
    expect(() => removeStaleTemporaries(folder)).not.toThrow();
  });
});
