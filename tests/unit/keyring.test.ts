import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultKdfCost } from '../../electron/features/vault/kdf';
import { readKeyring, unwrapDataKey, wrapDataKey } from '../../electron/features/vault/keyring';
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

  it('says a file is not ours when the keyring is missing, not JSON or of another format', () => {
    const vault = join(dir.path, 'x.zorgoverleg');
    writeFileSync(vault, randomBytes(8192));
    expect(() => readKeyring(vault)).toThrow(expect.objectContaining({ code: 'VAULT_NOT_OURS' }));
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
});
