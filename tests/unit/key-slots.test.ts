import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkStoredKeyring,
  keyringHolds,
  newPendingSlot,
  openSlot,
  resealSlot,
  rewrapSlot,
  sealSlot,
  SEALED_KEYRING_VERSION,
  type StoredKeyring,
} from '../../electron/features/vault/key-slots';
import { KEYRING_FORMAT, unwrapDataKey } from '../../electron/features/vault/keyring';
import { cheapKdf } from '../helpers/backend';

const vaultId = randomUUID();
const userId = randomUUID();

async function sealedSlot(passphrase: string, dataKey: Buffer, slotId: string = userId) {
  return sealSlot(await newPendingSlot(passphrase, vaultId, slotId, cheapKdf), dataKey, vaultId, slotId);
}

describe('sealed key slots (keyring format 2)', () => {
  it('open with the passphrase only, and hold the data key they were sealed with', async () => {
    const dataKey = randomBytes(32);
    const slot = await sealedSlot('een lang wachtwoord', dataKey);
    expect((await openSlot(slot, 'een lang wachtwoord', vaultId, userId))?.equals(dataKey)).toBe(true);
    expect(await openSlot(slot, 'een lang wachtwoorD', vaultId, userId)).toBeNull();
    // Bound to their vault and owner, like every slot.
    expect(await openSlot(slot, 'een lang wachtwoord', randomUUID(), userId)).toBeNull();
    expect(await openSlot(slot, 'een lang wachtwoord', vaultId, randomUUID())).toBeNull();
    // What the passphrase wraps is the private key, never taken for a data key by the format 1 path.
    expect(await unwrapDataKey(slot, 'een lang wachtwoord', vaultId, userId)).toBeNull();
  });

  it('are resealed for a new data key without the passphrase, which still opens them', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const slot = await sealedSlot('een lang wachtwoord', oldKey);
    const resealed = resealSlot(slot, oldKey, newKey, vaultId, userId);
    expect(resealed?.wrappedKey).toEqual(slot.wrappedKey);
    expect((await openSlot(resealed!, 'een lang wachtwoord', vaultId, userId))?.equals(newKey)).toBe(true);
    // A passphrase change rewraps the private key only: the data key is not needed for it.
    const rewrapped = await rewrapSlot(
      { ...resealed!, userId, name: 'A', staffCode: 'aa' },
      'een lang wachtwoord',
      'een ander wachtwoord',
      vaultId,
      cheapKdf,
    );
    expect((await openSlot({ ...resealed!, ...rewrapped! }, 'een ander wachtwoord', vaultId, userId))?.equals(newKey)).toBe(true);
    expect(await rewrapSlot({ ...resealed!, userId, name: 'A', staffCode: 'aa' }, 'fout', 'x', vaultId, cheapKdf)).toBeNull();
  });

  it('are not resealed to a key pair someone without the data key put in', async () => {
    const dataKey = randomBytes(32);
    const honest = await sealedSlot('het wachtwoord van lies', dataKey);
    // An outsider edits the file: their own key pair, wrapped by their passphrase, in Lies's slot.
    const theirs = await newPendingSlot('het wachtwoord van een buitenstaander', vaultId, userId, cheapKdf);
    const edited = { ...honest, kdf: theirs.kdf, wrappedKey: theirs.wrappedKey, publicKey: theirs.publicKey };
    expect(resealSlot(edited, dataKey, randomBytes(32), vaultId, userId)).toBeNull();
    // Nor does the edited slot open: its sealed key belongs to the other key pair.
    await expect(openSlot(edited, 'het wachtwoord van een buitenstaander', vaultId, userId)).rejects.toMatchObject({
      code: 'KEYRING_DAMAGED',
    });
  });

  it('name their data key without telling it', async () => {
    const dataKey = randomBytes(32);
    const slot = await sealedSlot('een lang wachtwoord', dataKey);
    const keyring: StoredKeyring = {
      format: KEYRING_FORMAT,
      version: SEALED_KEYRING_VERSION,
      vaultId,
      label: 'School',
      demo: false,
      cipher: 'chacha20',
      users: [{ userId, name: 'Anouk', staffCode: 'awo', ...slot }],
      recovery: await sealedSlot('herstel', dataKey, 'recovery'),
    };
    // As stored: the key id is set by the writer; a hand-made one only needs its shape.
    const stored = checkStoredKeyring({ ...keyring, keyId: Buffer.alloc(16, 1).toString('base64') });
    expect(stored.users[0]?.kind).toBe('sealed');
    expect(keyringHolds({ ...keyring, keyId: undefined }, dataKey)).toBe(true);
    expect(keyringHolds(keyring, Buffer.alloc(32))).toBe(false);
  });

  it('refuse a damaged format 2 keyring and one from a newer app', async () => {
    const dataKey = randomBytes(32);
    const slot = await sealedSlot('een lang wachtwoord', dataKey);
    const keyring = {
      format: KEYRING_FORMAT,
      version: SEALED_KEYRING_VERSION,
      keyId: Buffer.alloc(16).toString('base64'),
      vaultId,
      label: 'School',
      demo: false,
      cipher: 'chacha20',
      users: [{ userId, name: 'Anouk', staffCode: 'awo', ...slot }],
      recovery: slot,
    };
    expect(checkStoredKeyring(keyring).version).toBe(2);
    const shortTag = { ...slot, sealedKey: { ...slot.sealedKey, tag: 'dGFn' } };
    expect(() => checkStoredKeyring({ ...keyring, users: [{ userId, name: 'Anouk', staffCode: 'awo', ...shortTag }] })).toThrow(
      expect.objectContaining({ code: 'KEYRING_DAMAGED' }),
    );
    expect(() => checkStoredKeyring({ ...keyring, version: 3 })).toThrow(expect.objectContaining({ code: 'VAULT_NEWER' }));
    // A reset slot has no key at all: its owner uses the recovery key.
    expect(checkStoredKeyring({ ...keyring, users: [{ kind: 'reset', userId, name: 'Anouk', staffCode: 'awo' }] }).users[0]).toEqual({
      kind: 'reset',
      userId,
      name: 'Anouk',
      staffCode: 'awo',
    });
  });
});
