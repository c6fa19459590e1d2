import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  existsSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
  openSync,
  fsyncSync,
  closeSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../api/errors';
import { deriveWrappingKey, isKdfCostWithinLimits, kdfParamsSchema, newKdfParams } from './kdf';
import type { KdfCost } from '../../api/context';
import { epochMs } from '../../shared/clock';

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

function keyringMissing(fileName: string): string {
  return (
    `Het sleutelbestand van deze omgeving (${fileName}) ontbreekt, dus ze kan niet worden ` +
    `geopend. Er is niets aan veranderd. Zet het sleutelbestand terug uit een back-up met ` +
    `"Omgeving openen uit back-up"; wat na die back-up is gedaan, blijft bewaard.`
  );
}

/** A keyring of a few hundred users stays far below this; a bigger file is not read into memory. */
const MAX_KEYRING_BYTES = 4 * 1024 * 1024;

export function readKeyring(vaultPath: string): Keyring {
  // A restore interrupted after its point of no return is finished before anything reads the pair.
  finishReplacement(vaultPath);
  const path = keyringPathFor(vaultPath);
  if (!existsSync(vaultPath) && !existsSync(path)) throw new AppError('VAULT_NOT_FOUND');
  // Not "not ours": the vault is there, only its keys are gone, and a backup holds a copy of them.
  if (!existsSync(path)) throw new AppError('KEYRING_MISSING', keyringMissing(basename(path)));
  if (statSync(path).size > MAX_KEYRING_BYTES) throw new AppError('KEYRING_DAMAGED');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AppError('VAULT_NOT_OURS');
  }
  return checkKeyring(raw);
}

/** A keyring as stored (in its file, or the copy inside a backup): ours, not from a newer app, complete. */
export function checkKeyring(raw: unknown): Keyring {
  const looksOurs = z.object({ format: z.literal(KEYRING_FORMAT), version: z.number() }).safeParse(raw);
  if (!looksOurs.success) throw new AppError('VAULT_NOT_OURS');
  if (looksOurs.data.version > KEYRING_VERSION) throw new AppError('VAULT_NEWER');
  const parsed = keyringSchema.safeParse(raw);
  // Ours by its format, but incomplete or with fields that make no sense: damaged (or edited).
  if (!parsed.success) throw new AppError('KEYRING_DAMAGED');
  return parsed.data;
}

/**
 * Write-then-rename so a crash never leaves a half-written keyring (which would lock everyone out):
 * the file is synced before the rename and the folder after it, so the new name survives a power
 * cut too. A temporary file a crash leaves behind is swept by removeStaleTemporaries.
 */
export function writeKeyring(vaultPath: string, keyring: Keyring): void {
  const path = keyringPathFor(vaultPath);
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  const json = JSON.stringify(keyringSchema.parse(keyring), null, 2);
  try {
    writeNewSyncedFile(tmp, json);
    renameSync(tmp, path);
  } catch (err) {
    // A full disk or a folder we may not write to: no half-written temporary stays behind.
    rmSync(tmp, { force: true });
    throw err;
  }
  syncFolder(dirname(path));
}

/** Writes a new file (never over an existing one), for its owner's eyes only, and syncs it to disk before returning. */
export function writeNewSyncedFile(path: string, json: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeFileSync(fd, json);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The names in a folder, or none when it cannot be read: the sweeps after a crash never throw. */
export function namesInFolder(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/** `<vault>.keys.<hex>.tmp` (writeKeyring) and `<vault>.replacing.<hex>.tmp` (replaceVaultFiles). */
const KEYRING_TEMP = /\.(keys|replacing)\.[0-9a-f]{8}\.tmp$/;
/**
 * A keyring write takes milliseconds; an older temporary is a crash's leftover, not a write in progress (of another
 * instance on the same folder).
 */
const STALE_TEMP_MS = 60 * 1000;

/** Removes what a crash in the middle of writeKeyring or replaceVaultFiles left in `folder`; never throws. */
export function removeStaleTemporaries(folder: string, nowMs = epochMs()): void {
  for (const name of namesInFolder(folder)) {
    if (!KEYRING_TEMP.test(name)) continue;
    const path = join(folder, name);
    try {
      if (nowMs - statSync(path).mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
    } catch {
      // Gone already, or not ours to remove (a read-only folder): it is ignored either way.
    }
  }
}

function slotAad(vaultId: string, slotId: string): Buffer {
  return Buffer.from(`${KEYRING_FORMAT}:${vaultId}:${slotId}`, 'utf8');
}

const IV_BYTES = 12;
/** Pinned: without authTagLength Node also accepts a tag cut down to 4 bytes, which is far easier to forge. */
const TAG_BYTES = 16;
const DATA_KEY_BYTES = 32;

export async function wrapDataKey(dataKey: Buffer, secret: string, vaultId: string, slotId: string, cost?: KdfCost): Promise<KeySlot> {
  const kdf = newKdfParams(cost);
  const wrappingKey = await deriveWrappingKey(secret, kdf);
  try {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(slotAad(vaultId, slotId));
    const data = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      kdf,
      wrappedKey: {
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      },
    };
  } finally {
    wrappingKey.fill(0);
  }
}

/**
 * Returns the data key, or null when the secret is wrong (the GCM tag does not verify). A slot
 * whose shape or cost Zorgoverleg never writes (a short tag, an absurd scrypt cost) is refused as
 * a damaged keyring before any work is done. Only this slot: the others may still open the vault.
 */
export async function unwrapDataKey(slot: KeySlot, secret: string, vaultId: string, slotId: string): Promise<Buffer | null> {
  const iv = Buffer.from(slot.wrappedKey.iv, 'base64');
  const tag = Buffer.from(slot.wrappedKey.tag, 'base64');
  const data = Buffer.from(slot.wrappedKey.data, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES || data.length !== DATA_KEY_BYTES || !isKdfCostWithinLimits(slot.kdf)) {
    throw new AppError('KEYRING_DAMAGED');
  }
  const wrappingKey = await deriveWrappingKey(secret, slot.kdf);
  return openAesGcm(wrappingKey, iv, slotAad(vaultId, slotId), tag, data);
}

/**
 * AES-256-GCM with a pinned 16-byte tag: the plain text in memory of its own (never a slice of
 * Node's shared pool, so wiping it wipes it all), or null when the tag does not verify. GCM
 * decrypts before it checks the tag, so what it decrypted is wiped unless handed out; the key is
 * wiped in any case.
 */
export function openAesGcm(key: Buffer, iv: Buffer, aad: Buffer, tag: Buffer, data: Buffer): Buffer | null {
  let plain: Buffer | null = null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    plain = decipher.update(data);
    const rest = decipher.final();
    const opened = Buffer.alloc(plain.length + rest.length);
    plain.copy(opened);
    rest.copy(opened, plain.length);
    return opened;
  } catch {
    return null;
  } finally {
    plain?.fill(0);
    key.fill(0);
  }
}

export const RECOVERY_SLOT_ID = 'recovery';

/** Makes renames in a folder durable (POSIX); Windows cannot open a folder and needs no such step. */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here (Windows): the rename is as durable as the file system makes it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Written while a vault and its keyring are being replaced by a staged pair (see replaceVaultFiles). */
export function replacementMarkerFor(vaultPath: string): string {
  return `${vaultPath}.replacing`;
}

const replacementSchema = z.object({ vault: z.string(), keyring: z.string() });

/**
 * Puts a staged vault file and keyring (complete and synced, in the vault's folder) in the place of
 * the current pair, or where there is none yet. Two renames cannot be one step, so the marker,
 * written atomically first, is the point of no return: without it the old pair stands, with it
 * whoever reads the vault next finishes the job (finishReplacement). A crash never leaves a mix.
 */
export function replaceVaultFiles(vaultPath: string, staged: { vault: string; keyring: string }): void {
  const folder = dirname(vaultPath);
  if (dirname(staged.vault) !== folder || dirname(staged.keyring) !== folder) throw new Error('staged files must be beside the vault');
  const marker = replacementMarkerFor(vaultPath);
  const tmp = `${marker}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, JSON.stringify({ vault: basename(staged.vault), keyring: basename(staged.keyring) }), {
    mode: 0o600,
  });
  const fd = openSync(tmp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, marker);
  syncFolder(folder);
  finishReplacement(vaultPath);
}

/** Completes a replacement whose marker exists; every step may be repeated after a crash. */
export function finishReplacement(vaultPath: string): void {
  const marker = replacementMarkerFor(vaultPath);
  if (!existsSync(marker)) return;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(marker, 'utf8'));
  } catch {
    throw new AppError('VAULT_NOT_OURS');
  }
  const parsed = replacementSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('VAULT_NOT_OURS');
  const folder = dirname(vaultPath);
  // Only plain names beside the vault: the marker never points elsewhere.
  const stagedVault = join(folder, basename(parsed.data.vault));
  const stagedKeyring = join(folder, basename(parsed.data.keyring));
  if (existsSync(stagedVault)) {
    // The old vault's WAL and index belong to the old file: applied to the new one they would
    // corrupt it. (Once the new file is in place nobody opened it yet: its reader comes here first.)
    for (const sidecar of ['-wal', '-shm', '-journal']) rmSync(`${vaultPath}${sidecar}`, { force: true });
    renameSync(stagedVault, vaultPath);
  }
  if (existsSync(stagedKeyring)) renameSync(stagedKeyring, keyringPathFor(vaultPath));
  syncFolder(folder);
  rmSync(marker, { force: true });
  syncFolder(folder);
}
