import * as crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unwrapDataKey, wrapDataKey } from '../../electron/features/vault/keyring';
import { cheapKdf } from '../helpers/backend';

/**
 * Issue 13: key material wiped from memory where Node allows. scrypt and the GCM decipher are
 * watched through a mock, so the test sees the very buffers the keyring code held.
 */
const seen = vi.hoisted(() => ({
  passwords: [] as unknown[],
  derived: [] as Buffer[],
  decrypted: [] as Buffer[],
}));

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return {
    ...real,
    scrypt: (
      password: crypto.BinaryLike,
      salt: crypto.BinaryLike,
      keylen: number,
      options: crypto.ScryptOptions,
      callback: (err: Error | null, key: Buffer) => void,
    ) => {
      seen.passwords.push(password);
      real.scrypt(password, salt, keylen, options, (err, key) => {
        if (key) seen.derived.push(key);
        callback(err, key);
      });
    },
    createDecipheriv: (
      algorithm: crypto.CipherGCMTypes,
      key: crypto.CipherKey,
      iv: crypto.BinaryLike,
      options?: crypto.CipherGCMOptions,
    ) => {
      const decipher = real.createDecipheriv(algorithm, key, iv, options);
      const update = decipher.update.bind(decipher);
      decipher.update = ((data: NodeJS.ArrayBufferView) => {
        const out = update(data);
        seen.decrypted.push(out);
        return out;
      }) as typeof decipher.update;
      return decipher;
    },
  };
});

const wiped = (b: Buffer) => b.every((byte) => byte === 0);

describe('key material in memory', () => {
  afterEach(() => {
    seen.passwords.length = 0;
    seen.derived.length = 0;
    seen.decrypted.length = 0;
  });

  it('wipes the passphrase bytes and the derived key once a key is wrapped and unwrapped', async () => {
    const dataKey = crypto.randomBytes(32);
    const vaultId = crypto.randomUUID();
    const slot = await wrapDataKey(dataKey, 'een lang wachtwoord', vaultId, 'u1', cheapKdf);
    const opened = await unwrapDataKey(slot, 'een lang wachtwoord', vaultId, 'u1');
    expect(opened?.equals(dataKey)).toBe(true);
    // scrypt got a Buffer (a JS string cannot be wiped), and it was wiped afterwards.
    expect(seen.passwords).toHaveLength(2);
    for (const password of seen.passwords) {
      expect(Buffer.isBuffer(password)).toBe(true);
      expect(wiped(password as Buffer)).toBe(true);
    }
    expect(seen.derived).toHaveLength(2);
    expect(seen.derived.every(wiped)).toBe(true);
    // The key handed out is a copy of its own; the decipher's output it came from is wiped.
    expect(seen.decrypted.every(wiped)).toBe(true);
  });

  it('wipes the decrypted key when the slot fails to verify (right passphrase, edited slot)', async () => {
    const dataKey = crypto.randomBytes(32);
    const vaultId = crypto.randomUUID();
    const slot = await wrapDataKey(dataKey, 'een lang wachtwoord', vaultId, 'u1', cheapKdf);
    // GCM decrypts before it checks: with the right passphrase the output is the real key.
    expect(await unwrapDataKey(slot, 'een lang wachtwoord', vaultId, 'u2')).toBeNull();
    expect(seen.decrypted).toHaveLength(1);
    expect(wiped(seen.decrypted[0]!)).toBe(true);
  });
});
