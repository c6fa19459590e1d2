import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../api/errors';
import { deriveWrappingKey, kdfParamsSchema, newKdfParams, type KdfCost } from './kdf';

/**
 * The keyring sits next to the vault file (`<vault>.keys`). It holds the vault's random data key,
 * wrapped (AES-256-GCM) once per user by a key derived from their passphrase and once by the
 * recovery key. Passphrases are never stored. It also carries the few facts the unlock screen
 * needs before anything is decrypted: the school's name and who can sign in.
 */
export const KEYRING_FORMAT = 'zorgoverleg-keyring';
export const KEYRING_VERSION = 1;

const wrappedKeySchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
const keySlotSchema = z.object({ kdf: kdfParamsSchema, wrappedKey: wrappedKeySchema });
const userSlotSchema = keySlotSchema.extend({
  userId: z.string(),
  name: z.string(),
  staffCode: z.string(),
});

export const keyringSchema = z.object({
  format: z.literal(KEYRING_FORMAT),
  version: z.number().int().positive(),
  vaultId: z.string().uuid(),
  label: z.string(),
  demo: z.boolean(),
  cipher: z.literal('chacha20'),
  users: z.array(userSlotSchema),
  recovery: keySlotSchema,
});
export type Keyring = z.infer<typeof keyringSchema>;
export type UserSlot = z.infer<typeof userSlotSchema>;
type KeySlot = z.infer<typeof keySlotSchema>;

export function keyringPathFor(vaultPath: string): string {
  return `${vaultPath}.keys`;
}

export function readKeyring(vaultPath: string): Keyring {
  const path = keyringPathFor(vaultPath);
  if (!existsSync(vaultPath) && !existsSync(path)) throw new AppError('VAULT_NOT_FOUND');
  if (!existsSync(path)) throw new AppError('VAULT_NOT_OURS');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AppError('VAULT_NOT_OURS');
  }
  const looksOurs = z.object({ format: z.literal(KEYRING_FORMAT), version: z.number() }).safeParse(raw);
  if (!looksOurs.success) throw new AppError('VAULT_NOT_OURS');
  if (looksOurs.data.version > KEYRING_VERSION) throw new AppError('VAULT_NEWER');
  const parsed = keyringSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('VAULT_NOT_OURS');
  return parsed.data;
}

/** Write-then-rename so a crash never leaves a half-written keyring (which would lock everyone out). */
export function writeKeyring(vaultPath: string, keyring: Keyring): void {
  const path = keyringPathFor(vaultPath);
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, JSON.stringify(keyringSchema.parse(keyring), null, 2), { mode: 0o600 });
  const fd = openSync(tmp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function slotAad(vaultId: string, slotId: string): Buffer {
  return Buffer.from(`${KEYRING_FORMAT}:${vaultId}:${slotId}`, 'utf8');
}

export async function wrapDataKey(
  dataKey: Buffer,
  secret: string,
  vaultId: string,
  slotId: string,
  cost?: KdfCost,
): Promise<KeySlot> {
  const kdf = newKdfParams(cost);
  const wrappingKey = await deriveWrappingKey(secret, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(slotAad(vaultId, slotId));
  const data = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  wrappingKey.fill(0);
  return {
    kdf,
    wrappedKey: {
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    },
  };
}

/** Returns the data key, or null when the secret is wrong (the GCM tag does not verify). */
export async function unwrapDataKey(
  slot: KeySlot,
  secret: string,
  vaultId: string,
  slotId: string,
): Promise<Buffer | null> {
  const wrappingKey = await deriveWrappingKey(secret, slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(slot.wrappedKey.iv, 'base64'));
    decipher.setAAD(slotAad(vaultId, slotId));
    decipher.setAuthTag(Buffer.from(slot.wrappedKey.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrappedKey.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    wrappingKey.fill(0);
  }
}

export const RECOVERY_SLOT_ID = 'recovery';
