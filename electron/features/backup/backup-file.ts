import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../api/errors';
import { checkStoredKeyring, storableKeyring, type StoredKeyring } from '../vault/key-slots';
import { backupKinds } from './vocabulary';

/**
 * One backup is one file (`.zobackup`): the encrypted database exactly as SQLite wrote it, then a
 * trailer with what restoring needs — a copy of the keyring (the key slots: a lost keyring file is
 * recoverable from any backup), the database's size and SHA-256 — then the trailer's length and a
 * fixed mark. The database comes first so it is verified as a plain SQLite file before the trailer
 * is added; nothing in the file is readable without a passphrase or the recovery key.
 */
export const BACKUP_EXTENSION = '.zobackup';
export const BACKUP_FORMAT = 'zorgoverleg-backup';
export const BACKUP_VERSION = 1;
const MARK = Buffer.from('ZORGOVERLEG-BKP\n', 'latin1');
const TAIL = 4 + MARK.length;
/** A keyring of a few hundred users stays far below this; more means the file is not ours. */
const MAX_TRAILER = 4 * 1024 * 1024;

export { backupKinds, type BackupKind } from './vocabulary';

const trailerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  kind: z.enum(backupKinds),
  takenAt: z.string(),
  environmentId: z.string(),
  label: z.string(),
  vaultId: z.string(),
  database: z.object({ size: z.number().int().positive(), sha256: z.string().length(64) }),
  /** Set only after the database was opened with its key and passed SQLite's quick_check. */
  verifiedAt: z.string(),
  keyring: z.unknown(),
});
export type BackupTrailer = Omit<z.infer<typeof trailerSchema>, 'keyring'> & { keyring: StoredKeyring };

export const notABackup = () =>
  new AppError('VAULT_NOT_OURS', 'Dit bestand is geen back-up van Zorgoverleg. Kies een bestand dat eindigt op .zobackup.');
export const damagedBackup = () =>
  new AppError('VAULT_TRUNCATED', 'Deze back-up is onvolledig of beschadigd. Er is niets veranderd; kies een andere back-up.');
export const newerBackup = () =>
  new AppError(
    'VAULT_NEWER',
    'Deze back-up is gemaakt met een nieuwere versie van Zorgoverleg. Werk de app bij om haar te gebruiken; er is niets veranderd.',
  );

const CHUNK = 1024 * 1024;

/** Copies `length` bytes from the start of `fromFd` to `toFd`, returning their SHA-256 (hex). */
export function copyHashed(fromFd: number, toFd: number | null, length: number): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  let position = 0;
  while (position < length) {
    const read = readSync(fromFd, buffer, 0, Math.min(CHUNK, length - position), position);
    if (read === 0) throw damagedBackup();
    const chunk = buffer.subarray(0, read);
    hash.update(chunk);
    if (toFd !== null) writeFully(toFd, chunk, position);
    position += read;
  }
  return hash.digest('hex');
}

function writeFully(fd: number, data: Buffer, position: number): void {
  let written = 0;
  while (written < data.length) written += writeSync(fd, data, written, data.length - written, position + written);
}

/** Appends the trailer to a file holding just the verified database, and syncs it to disk. */
export function appendTrailer(fd: number, trailer: BackupTrailer): void {
  const json = Buffer.from(JSON.stringify({ ...trailer, keyring: storableKeyring(trailer.keyring) }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  writeFully(fd, Buffer.concat([json, length, MARK]), trailer.database.size);
  fsyncSync(fd);
}

/** Reads a backup's trailer: what it is, of which environment, and its key slots. Cheap: two small reads. */
export function readTrailer(fd: number): BackupTrailer {
  const size = fstatSync(fd).size;
  if (size < TAIL) throw notABackup();
  const tail = Buffer.alloc(TAIL);
  readSync(fd, tail, 0, TAIL, size - TAIL);
  if (!tail.subarray(4).equals(MARK)) throw notABackup();
  const length = tail.readUInt32BE(0);
  if (length > MAX_TRAILER || length > size - TAIL) throw notABackup();
  const json = Buffer.alloc(length);
  readSync(fd, json, 0, length, size - TAIL - length);
  let raw: unknown;
  try {
    raw = JSON.parse(json.toString('utf8'));
  } catch {
    throw notABackup();
  }
  const looksOurs = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number() }).safeParse(raw);
  if (!looksOurs.success) throw notABackup();
  if (looksOurs.data.version > BACKUP_VERSION) throw newerBackup();
  const parsed = trailerSchema.safeParse(raw);
  if (!parsed.success) throw notABackup();
  let keyring: StoredKeyring;
  try {
    keyring = checkStoredKeyring(parsed.data.keyring);
  } catch (err) {
    throw err instanceof AppError && err.code === 'VAULT_NEWER' ? newerBackup() : notABackup();
  }
  // A cut-off file (a copy to a stick pulled out too early) shows in the sizes.
  if (parsed.data.database.size !== size - TAIL - length) throw damagedBackup();
  if (keyring.vaultId !== parsed.data.vaultId) throw notABackup();
  return { ...parsed.data, keyring };
}

/** Opens a backup file for reading; a missing file or a folder is named as such. */
export function openBackupFile(path: string): number {
  try {
    const fd = openSync(path, 'r');
    if (!fstatSync(fd).isFile()) {
      closeSync(fd);
      throw notABackup();
    }
    return fd;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', 'Dit bestand bestaat niet. Controleer de map en de naam.');
    if (code === 'EISDIR') throw notABackup();
    if (code === 'EACCES' || code === 'EPERM')
      throw new AppError('VALIDATION', 'Dit bestand mag niet gelezen worden. Kies een ander bestand.');
    throw err;
  }
}

/** The trailer of the backup at `path`. */
export function readBackup(path: string): BackupTrailer {
  const fd = openBackupFile(path);
  try {
    return readTrailer(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes the backup's database to `destination` (a new file), checking its SHA-256 on the way, and
 * syncs it. The caller still opens it with the key before using it.
 */
export function extractDatabase(path: string, destination: string): BackupTrailer {
  const fd = openBackupFile(path);
  try {
    const trailer = readTrailer(fd);
    const out = openSync(destination, 'wx', 0o600);
    try {
      const sha256 = copyHashed(fd, out, trailer.database.size);
      if (sha256 !== trailer.database.sha256) throw damagedBackup();
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
    return trailer;
  } finally {
    closeSync(fd);
  }
}
