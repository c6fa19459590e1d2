import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  type BigIntStats,
} from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { format } from 'date-fns';
import { inspectVaultFile, VAULT_CIPHER } from '../../../db/open';
import { VaultFileError } from '../../../db/vault-file-errors';
import { AppError } from '../../api/errors';
import { syncFolder } from '../vault/keyring';
import { readStoredKeyring } from '../vault/key-slots';
import { appendTrailer, BACKUP_EXTENSION, BACKUP_FORMAT, BACKUP_VERSION, copyHashed, type BackupKind } from './backup-file';
import { epochMs, now } from '../../shared/clock';

/**
 * Making one backup, start to end, synchronously: the caller decides where it runs (a worker
 * thread for every backup the user does not wait for; the main thread only for the safety copy a
 * restore makes while the vault is closed anyway).
 */
export interface BackupRequest {
  /**
   * `closed`: the vault is locked, checkpointed and closed; its file is copied byte for byte and
   * never opened by SQLite here, so an unlock at the same moment shares nothing with us.
   * `live`: the vault is open in the app; a second connection takes a `VACUUM INTO` snapshot.
   */
  mode: 'closed' | 'live';
  vaultPath: string;
  dataKey: Buffer;
  folder: string;
  kind: BackupKind;
  environmentId: string;
  takenAt: Date;
  migrationsFolder: string;
  nativeBinding?: string;
}

export interface MadeBackup {
  path: string;
  fileName: string;
  kind: BackupKind;
  takenAt: string;
  sizeBytes: number;
}

/** The vault's main file changed while it was copied (it was unlocked and written): try at the next lock. */
export class VaultChangedDuringCopy extends Error {
  constructor() {
    super('the vault changed while it was being copied');
    this.name = 'VaultChangedDuringCopy';
  }
}

const KIND_SUFFIX: Record<BackupKind, string> = { automatic: '', manual: '', safety: '-voor-terugzetten' };
const TEMP = /^\..+\.zobackup\.tmp-[0-9a-f]+$/;
const STALE_TEMP_MS = 60 * 60 * 1000;

/** `lindeboom-college-2026-03-12-140512.zobackup`: the environment and the local time, never a key. */
export function backupFileName(environmentId: string, takenAt: Date, kind: BackupKind, attempt = 1): string {
  const again = attempt > 1 ? `-${attempt}` : '';
  return `${environmentId}-${format(takenAt, 'yyyy-MM-dd-HHmmss')}${KIND_SUFFIX[kind]}${again}${BACKUP_EXTENSION}`;
}

function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
}

/** What the backup's folder cannot do, in words the user can act on; null for any other problem. */
function folderProblem(err: unknown, folder: string): AppError | null {
  const code = errorCode(err);
  const say = (message: string) => new AppError('VALIDATION', message, { folder: message });
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') {
    return say(`Er is niet genoeg ruimte in de map ${folder} voor de back-up. Maak ruimte of kies een andere plek.`);
  }
  // Only errors about the folder or our file in it: a missing vault is not a missing folder.
  const path = typeof err === 'object' && err !== null && 'path' in err ? String(err.path) : '';
  if (!path.startsWith(folder)) return null;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return say(`De map ${folder} bestaat niet. Kies een bestaande map, bijvoorbeeld je USB-stick.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return say(`In de map ${folder} mag Zorgoverleg niet schrijven. Kies een andere map, bijvoorbeeld je USB-stick.`);
  }
  return null;
}

/** Leftovers of a backup a crash or a quit interrupted: never counted, removed once surely stale. */
function removeStaleTemporaries(folder: string): void {
  for (const name of readdirSync(folder)) {
    if (!TEMP.test(name) && !TEMP.test(name.replace(/-(wal|shm|journal)$/, ''))) continue;
    const path = join(folder, name);
    try {
      if (epochMs() - statSync(path).mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
    } catch {
      // Gone already, or not ours to remove: it is ignored either way.
    }
  }
}

/** Same file, same bytes: no write reached the main file between the two looks. */
const unchanged = (a: BigIntStats, b: BigIntStats) =>
  a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

/** The byte copy of a closed vault, hashed on the way. Refused when a WAL still holds changes. */
function copyClosedVault(vaultPath: string, out: number): string {
  const wal = `${vaultPath}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) throw new VaultChangedDuringCopy();
  const source = openSync(vaultPath, 'r');
  try {
    const before = fstatSync(source, { bigint: true });
    const sha256 = copyHashed(source, out, Number(before.size));
    if (!unchanged(before, statSync(vaultPath, { bigint: true }))) throw new VaultChangedDuringCopy();
    return sha256;
  } finally {
    closeSync(source);
  }
}

/** A consistent snapshot of an open vault through its own connection (same cipher, same key: see db/open.ts). */
function vacuumLiveVault(request: BackupRequest, temp: string): void {
  const sqlite = new Database(request.vaultPath, { fileMustExist: true, nativeBinding: request.nativeBinding });
  try {
    sqlite.pragma(`cipher='${VAULT_CIPHER}'`);
    sqlite.pragma(`key="x'${request.dataKey.toString('hex')}'"`);
    // A path as a bound value, never spliced into SQL.
    sqlite.prepare('VACUUM INTO ?').run(temp);
  } finally {
    sqlite.close();
  }
}

/**
 * Makes one verified backup in `folder`: snapshot, open it with the key and run SQLite's
 * quick_check (every page is decrypted and its tag checked), add the keyring copy, sync, and only
 * then give it its name. Until that rename there is no backup; a crash leaves a hidden temporary
 * file, never a half backup under a real name.
 */
export function makeBackup(request: BackupRequest): MadeBackup {
  // As the file system names it in its errors: "E:\\" and "/media/stick/" alike.
  const folder = resolve(request.folder);
  if (request.kind === 'manual') {
    try {
      if (!statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR', path: folder });
    } catch (err) {
      throw folderProblem(err, folder) ?? err;
    }
  } else {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  }
  removeStaleTemporaries(folder);
  const keyring = readStoredKeyring(request.vaultPath);
  let fileName = backupFileName(request.environmentId, request.takenAt, request.kind);
  for (let attempt = 2; existsSync(join(folder, fileName)); attempt++)
    fileName = backupFileName(request.environmentId, request.takenAt, request.kind, attempt);
  const temp = join(folder, `.${fileName}.tmp-${randomBytes(4).toString('hex')}`);
  const removeTemp = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${temp}${suffix}`, { force: true });
  };
  let fd: number | undefined;
  try {
    // Created here first, so a folder we may not write to is named as such (SQLite would only say "cannot open").
    fd = openSync(temp, 'wx+', 0o600);
    let sha256: string;
    if (request.mode === 'closed') {
      sha256 = copyClosedVault(request.vaultPath, fd);
    } else {
      closeSync(fd);
      fd = undefined;
      // VACUUM INTO accepts an empty file as its target.
      vacuumLiveVault(request, temp);
      fd = openSync(temp, 'r+');
      sha256 = copyHashed(fd, null, fstatSync(fd).size);
    }
    const size = fstatSync(fd).size;
    let verified: { vaultId: string };
    try {
      verified = inspectVaultFile(temp, request.dataKey, request);
    } catch (err) {
      if (!(err instanceof VaultFileError)) throw err;
      throw new AppError('INTERNAL', 'De back-up bleek bij de controle onleesbaar en is weggegooid. Probeer het opnieuw.');
    }
    if (verified.vaultId !== keyring.vaultId)
      throw new AppError('INTERNAL', 'De back-up past niet bij het sleutelbestand van deze omgeving en is weggegooid.');
    appendTrailer(fd, {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      kind: request.kind,
      takenAt: request.takenAt.toISOString(),
      environmentId: request.environmentId,
      label: keyring.label,
      vaultId: keyring.vaultId,
      database: { size, sha256 },
      verifiedAt: now(),
      keyring,
    });
    const sizeBytes = fstatSync(fd).size;
    closeSync(fd);
    fd = undefined;
    const path = join(folder, fileName);
    renameSync(temp, path);
    syncFolder(folder);
    return { path, fileName, kind: request.kind, takenAt: request.takenAt.toISOString(), sizeBytes };
  } catch (err) {
    throw folderProblem(err, folder) ?? err;
  } finally {
    if (fd !== undefined) closeSync(fd);
    removeTemp();
  }
}
