import {
  createCipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../api/errors';
import type { KdfCost } from '../../api/context';
import {
  KEYRING_FORMAT,
  checkKeyring,
  keyringPathFor,
  keyringSchema,
  openAesGcm,
  readKeyring,
  syncFolder,
  unwrapDataKey,
  wrapDataKey,
  writeKeyring,
  writeNewSyncedFile,
} from './keyring';

/**
 * Keyring format 2: key slots that outlive a new data key (rotation.ts explains the scheme).
 * A *sealed* slot holds an X25519 key pair of its owner: the private half wrapped by their
 * passphrase (or the recovery key) with keyring.ts's wrapDataKey, and the data key sealed to the
 * public half (ephemeral X25519, HKDF-SHA256, AES-256-GCM). Sealing needs only the public key, so
 * whoever holds the data key can seal a new one for everybody; opening needs the owner's secret.
 * The public key carries a MAC under the data key, so a keyring edited by someone without that
 * key cannot slip in a key pair of their own. Format 1 slots (the data key wrapped directly by a
 * passphrase) still open, and become sealed at their owner's next unlock; a slot a rotation could
 * not reseal is *reset*: its owner sets a new passphrase with the recovery key.
 */
export const SEALED_KEYRING_VERSION = 2;

/** Base64 of exactly `count` bytes, as this file writes it. */
const base64Of = (count: number) =>
  z
    .string()
    .length(4 * Math.ceil(count / 3))
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((s) => Buffer.from(s, 'base64').length === count);

// The slots' passphrase parts are checked as keyring.ts checks its own.
const passphraseSlotSchema = keyringSchema.shape.recovery;
const userSlotFormat1 = keyringSchema.shape.users.element;

const sealedKeySchema = z.object({
  ephemeralPublicKey: base64Of(32),
  iv: base64Of(12),
  tag: base64Of(16),
  data: base64Of(32),
});
const sealedFields = {
  kind: z.literal('sealed'),
  publicKey: base64Of(32),
  publicKeyMac: base64Of(32),
  sealedKey: sealedKeySchema,
};

const directUserSlotSchema = userSlotFormat1.extend({ kind: z.literal('direct').optional() });
const sealedUserSlotSchema = userSlotFormat1.extend(sealedFields);
const resetUserSlotSchema = userSlotFormat1.pick({ userId: true, name: true, staffCode: true }).extend({ kind: z.literal('reset') });
const directRecoverySchema = passphraseSlotSchema.extend({ kind: z.literal('direct').optional() });
const sealedRecoverySchema = passphraseSlotSchema.extend(sealedFields);

const sealedKeyringSchema = keyringSchema.extend({
  version: z.literal(SEALED_KEYRING_VERSION),
  /** Names the data key the slots hold (HKDF of it): a writer holding another key writes nothing. */
  keyId: base64Of(16),
  users: z.array(z.union([sealedUserSlotSchema, resetUserSlotSchema, directUserSlotSchema])),
  recovery: z.union([sealedRecoverySchema, directRecoverySchema]),
});

/** A keyring of either format as read; format 1 slots have no `kind` (they are direct). */
export type StoredKeyring = Omit<z.infer<typeof sealedKeyringSchema>, 'version' | 'keyId'> & {
  version: number;
  keyId?: string;
};
export type StoredUserSlot = StoredKeyring['users'][number];
export type SealedUserSlot = z.infer<typeof sealedUserSlotSchema>;
type RecoverySlot = StoredKeyring['recovery'];
type SealedKey = z.infer<typeof sealedKeySchema>;
/** A slot that opens with a secret: direct (format 1) or sealed. */
type OpenableSlot = z.infer<typeof directRecoverySchema> | z.infer<typeof sealedRecoverySchema>;

/** A keyring as stored (its file, or the copy in a backup) of either format, checked. */
export function checkStoredKeyring(raw: unknown): StoredKeyring {
  const head = z.object({ format: z.literal(KEYRING_FORMAT), version: z.number() }).safeParse(raw);
  if (head.success && head.data.version === SEALED_KEYRING_VERSION) {
    const parsed = sealedKeyringSchema.safeParse(raw);
    if (!parsed.success) throw new AppError('KEYRING_DAMAGED');
    return parsed.data;
  }
  // Format 1, not ours, or from a newer app: as keyring.ts judges it.
  return checkKeyring(raw);
}

/**
 * Reads the keyring beside `vaultPath`. keyring.ts's readKeyring does the file's checks (an
 * interrupted restore finished first, missing, too large, not JSON); a format 2 file it calls
 * newer is read again and checked here.
 */
export function readStoredKeyring(vaultPath: string): StoredKeyring {
  try {
    readKeyring(vaultPath);
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'VAULT_NEWER')) throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(keyringPathFor(vaultPath), 'utf8'));
  } catch {
    throw new AppError('KEYRING_DAMAGED');
  }
  return checkStoredKeyring(raw);
}

/** The keyring as it may be stored: checked against its format, unknown fields dropped. */
export function storableKeyring(keyring: StoredKeyring): StoredKeyring {
  return keyring.version === SEALED_KEYRING_VERSION ? sealedKeyringSchema.parse(keyring) : keyringSchema.parse(keyring);
}

/** Writes a keyring of either format as it is (a backup's copy put back): write, sync, rename. */
export function putKeyring(vaultPath: string, keyring: StoredKeyring): void {
  const checked = storableKeyring(keyring);
  if (checked.version !== SEALED_KEYRING_VERSION) return writeKeyring(vaultPath, keyringSchema.parse(checked));
  const path = keyringPathFor(vaultPath);
  // The temporary name keyring.ts's removeStaleTemporaries sweeps after a crash.
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeNewSyncedFile(tmp, JSON.stringify(checked, null, 2));
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  syncFolder(dirname(path));
}

/** The keyring in format 2 for `dataKey`: the slots must hold that key. */
function asFormat2(keyring: StoredKeyring, dataKey: Buffer): StoredKeyring {
  return { ...keyring, version: SEALED_KEYRING_VERSION, keyId: keyIdOf(dataKey, keyring.vaultId).toString('base64') };
}

/** Writes a keyring whose slots hold `dataKey` (format 2, named after that key). */
export function writeStoredKeyring(vaultPath: string, keyring: StoredKeyring, dataKey: Buffer): void {
  putKeyring(vaultPath, asFormat2(keyring, dataKey));
}

/** Writes a keyring whose slots hold `dataKey` to a new file at `path` (a staged pair), synced. */
export function writeStagedKeyring(path: string, keyring: StoredKeyring, dataKey: Buffer): void {
  writeNewSyncedFile(path, JSON.stringify(storableKeyring(asFormat2(keyring, dataKey)), null, 2));
}

/** Whether the keyring's slots hold `dataKey` (format 1 has no name for its key: no rotation ever ran on it). */
export function keyringHolds(keyring: StoredKeyring, dataKey: Buffer): boolean {
  if (dataKey.length !== 32 || dataKey.every((b) => b === 0)) return false;
  if (!keyring.keyId) return true;
  return timingSafeEqual(Buffer.from(keyring.keyId, 'base64'), keyIdOf(dataKey, keyring.vaultId));
}

/**
 * Reads, changes and writes the keyring with no await in between, so two key operations that ran
 * side by side both keep their change. `dataKey` is the key the change was made with: when the
 * keyring holds another one by now (a rotation came in between), nothing is written and this
 * answers false. Null for a change that involves no data key (a passphrase rewrapping a private
 * key); that needs a keyring of format 2.
 */
export function updateStoredKeyring(vaultPath: string, dataKey: Buffer | null, change: (current: StoredKeyring) => StoredKeyring): boolean {
  const current = readStoredKeyring(vaultPath);
  if (dataKey === null) {
    if (!current.keyId) return false;
    putKeyring(vaultPath, change(current));
    return true;
  }
  if (!keyringHolds(current, dataKey)) return false;
  writeStoredKeyring(vaultPath, change(current), dataKey);
  return true;
}

// --- The key pairs ---------------------------------------------------------------------------

const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_X25519.length);
}

function publicKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_X25519, raw]), format: 'der', type: 'spki' });
}

/** The 32 private bytes, in memory of their own (the DER export is wiped). */
function rawPrivateKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'pkcs8' });
  const raw = Buffer.alloc(32);
  der.copy(raw, 0, PKCS8_X25519.length);
  der.fill(0);
  return raw;
}

function privateKeyObject(raw: Buffer): KeyObject {
  const der = Buffer.concat([PKCS8_X25519, raw]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

/** What the passphrase wraps in a sealed slot: not the data key, so a slot of one kind never passes for the other. */
const privateKeySlotId = (slotId: string) => `${slotId}:private-key`;
const sealContext = (vaultId: string, slotId: string) => `${KEYRING_FORMAT}:${vaultId}:${slotId}:sealed-data-key`;

function hkdf(key: Buffer, salt: Buffer, info: string, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', key, salt, info, length));
}

function keyIdOf(dataKey: Buffer, vaultId: string): Buffer {
  return hkdf(dataKey, Buffer.alloc(0), `${KEYRING_FORMAT}:${vaultId}:key-id`, 16);
}

/** The name a keyring of format 2 gives its data key (an HKDF of it: it tells nothing about the key). */
export function keyIdFor(dataKey: Buffer, vaultId: string): string {
  return keyIdOf(dataKey, vaultId).toString('base64');
}

function publicKeyMac(dataKey: Buffer, vaultId: string, slotId: string, publicKey: string): string {
  const macKey = hkdf(dataKey, Buffer.alloc(0), `${KEYRING_FORMAT}:${vaultId}:public-key-mac`, 32);
  try {
    return createHmac('sha256', macKey).update(`${slotId}\n${publicKey}`).digest('base64');
  } finally {
    macKey.fill(0);
  }
}

function macMatches(slot: { publicKey: string; publicKeyMac: string }, dataKey: Buffer, vaultId: string, slotId: string): boolean {
  const expected = Buffer.from(publicKeyMac(dataKey, vaultId, slotId, slot.publicKey), 'base64');
  return timingSafeEqual(expected, Buffer.from(slot.publicKeyMac, 'base64'));
}

function sealingKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer, context: string): Buffer {
  try {
    return hkdf(shared, Buffer.concat([ephemeral, recipient]), context, 32);
  } finally {
    shared.fill(0);
  }
}

function seal(dataKey: Buffer, recipientPublicKey: string, context: string): SealedKey {
  const recipient = Buffer.from(recipientPublicKey, 'base64');
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublic = rawPublicKey(ephemeral.publicKey);
  const key = sealingKey(
    diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyObject(recipient) }),
    ephemeralPublic,
    recipient,
    context,
  );
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      ephemeralPublicKey: ephemeralPublic.toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  } finally {
    key.fill(0);
  }
}

function openSealed(sealed: SealedKey, privateKey: KeyObject, recipientPublicKey: string, context: string): Buffer | null {
  const ephemeral = Buffer.from(sealed.ephemeralPublicKey, 'base64');
  let key: Buffer;
  try {
    key = sealingKey(
      diffieHellman({ privateKey, publicKey: publicKeyObject(ephemeral) }),
      ephemeral,
      Buffer.from(recipientPublicKey, 'base64'),
      context,
    );
  } catch {
    return null; // not a usable public key
  }
  return openAesGcm(
    key,
    Buffer.from(sealed.iv, 'base64'),
    Buffer.from(context, 'utf8'),
    Buffer.from(sealed.tag, 'base64'),
    Buffer.from(sealed.data, 'base64'),
  );
}

// --- Slots ----------------------------------------------------------------------------------

/** A new key pair with its private half wrapped by `secret`: the slow part of a sealed slot, done before the data key is needed. */
export interface PendingSlot {
  kdf: OpenableSlot['kdf'];
  wrappedKey: OpenableSlot['wrappedKey'];
  publicKey: string;
}

export async function newPendingSlot(secret: string, vaultId: string, slotId: string, cost?: KdfCost): Promise<PendingSlot> {
  const pair = generateKeyPairSync('x25519');
  const privateKey = rawPrivateKey(pair.privateKey);
  try {
    const wrapped = await wrapDataKey(privateKey, secret, vaultId, privateKeySlotId(slotId), cost);
    return { ...wrapped, publicKey: rawPublicKey(pair.publicKey).toString('base64') };
  } finally {
    privateKey.fill(0);
  }
}

/** Seals `dataKey` into a pending slot. Synchronous: the caller passes the key of this very moment. */
export function sealSlot(pending: PendingSlot, dataKey: Buffer, vaultId: string, slotId: string): z.infer<typeof sealedRecoverySchema> {
  return {
    kind: 'sealed',
    kdf: pending.kdf,
    wrappedKey: pending.wrappedKey,
    publicKey: pending.publicKey,
    publicKeyMac: publicKeyMac(dataKey, vaultId, slotId, pending.publicKey),
    sealedKey: seal(dataKey, pending.publicKey, sealContext(vaultId, slotId)),
  };
}

/**
 * A sealed slot for `newKey`, its owner's key pair unchanged; null when its public key does not
 * carry a MAC under `oldKey` (written by someone without the data key: not sealed to).
 */
export function resealSlot<T extends z.infer<typeof sealedRecoverySchema>>(
  slot: T,
  oldKey: Buffer,
  newKey: Buffer,
  vaultId: string,
  slotId: string,
): T | null {
  if (!macMatches(slot, oldKey, vaultId, slotId)) return null;
  return {
    ...slot,
    publicKeyMac: publicKeyMac(newKey, vaultId, slotId, slot.publicKey),
    sealedKey: seal(newKey, slot.publicKey, sealContext(vaultId, slotId)),
  };
}

/**
 * The data key from a slot and its secret, or null when the secret is wrong. A sealed slot whose
 * secret is right but whose parts do not fit together was edited: KEYRING_DAMAGED.
 */
export async function openSlot(slot: OpenableSlot, secret: string, vaultId: string, slotId: string): Promise<Buffer | null> {
  if (slot.kind !== 'sealed') return unwrapDataKey(slot, secret, vaultId, slotId);
  const raw = await unwrapDataKey(slot, secret, vaultId, privateKeySlotId(slotId));
  if (!raw) return null;
  try {
    const privateKey = privateKeyObject(raw);
    if (!rawPublicKey(createPublicKey(privateKey)).equals(Buffer.from(slot.publicKey, 'base64'))) throw new AppError('KEYRING_DAMAGED');
    const dataKey = openSealed(slot.sealedKey, privateKey, slot.publicKey, sealContext(vaultId, slotId));
    if (!dataKey) throw new AppError('KEYRING_DAMAGED');
    return dataKey;
  } finally {
    raw.fill(0);
  }
}

/** A sealed slot's private key wrapped by a new passphrase; null when `current` is wrong. The data key is not involved. */
export async function rewrapSlot(
  slot: SealedUserSlot,
  current: string,
  next: string,
  vaultId: string,
  cost?: KdfCost,
): Promise<Pick<SealedUserSlot, 'kdf' | 'wrappedKey'> | null> {
  const raw = await unwrapDataKey(slot, current, vaultId, privateKeySlotId(slot.userId));
  if (!raw) return null;
  try {
    return await wrapDataKey(raw, next, vaultId, privateKeySlotId(slot.userId), cost);
  } finally {
    raw.fill(0);
  }
}

/** Whether the recovery slot can be resealed for a new data key (else a new recovery key is needed). */
export function recoveryResealable(recovery: RecoverySlot, dataKey: Buffer, vaultId: string, slotId: string): boolean {
  return recovery.kind === 'sealed' && macMatches(recovery, dataKey, vaultId, slotId);
}
