import { accessSync, closeSync, constants, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { VaultFileError } from './vault-file-errors';
import * as schema from './schema';
import { studentSearchText } from './search-text';

export type VaultDb = BetterSQLite3Database<typeof schema>;

export interface OpenedVault {
  sqlite: Database.Database;
  db: VaultDb;
}

export interface OpenOptions {
  /** Folder with drizzle-kit's SQL files and meta/_journal.json. */
  migrationsFolder: string;
  /** Where the native addon lives when it is not the default (Electron's ABI build). */
  nativeBinding?: string;
}

/** ChaCha20-Poly1305 (sqleet): authenticated, so tampering with a page is detected, not just hidden. */
export const VAULT_CIPHER = 'chacha20';
const SQLITE_PAGE = 4096;
const PLAIN_SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function keyConnection(sqlite: Database.Database, dataKey: Buffer): void {
  if (dataKey.length !== 32) throw new Error('data key must be 256 bits');
  // Cipher first, then the raw key (x'…' skips the cipher's own passphrase KDF: ours is scrypt).
  // The hex text is a JS string and cannot be wiped; the Buffer it came from is (at lock).
  sqlite.pragma(`cipher='${VAULT_CIPHER}'`);
  sqlite.pragma(`key="x'${dataKey.toString('hex')}'"`);
}

function latestKnownMigration(migrationsFolder: string): number {
  const migrations = readMigrationFiles({ migrationsFolder });
  return migrations.reduce((max, m) => Math.max(max, m.folderMillis), 0);
}

function sqliteCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/** SQLite's and the file system's ways of saying "you may not write here". */
function isReadOnly(code: string | undefined): boolean {
  return (
    code !== undefined &&
    (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
  );
}

/** SQLite's and the file system's ways of saying "the disk is full". */
function isDiskFull(code: string | undefined): boolean {
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

function readOnlyFolder(path: string): VaultFileError {
  const folder = dirname(path);
  return new VaultFileError(
    'VAULT_READ_ONLY',
    `Zorgoverleg mag niet schrijven in de map ${folder} (of het bestand van de omgeving is ` +
      `alleen-lezen). Er is niets aan veranderd. Geef jezelf schrijfrechten op die map, of zet ` +
      `de omgeving in een map waar dat wel mag.`,
  );
}

/**
 * A vault is written from its first unlock on (WAL, audit lines): a folder or file we may not
 * write to is named as such before SQLite is asked, which would only say it cannot open the file
 * (and that would read as a damaged vault). Root passes every access check but a read-only mount.
 */
function refuseReadOnly(path: string, fileToo: boolean): void {
  try {
    accessSync(dirname(path), constants.W_OK);
    if (fileToo) accessSync(path, constants.R_OK | constants.W_OK);
  } catch (err) {
    if (isReadOnly(sqliteCode(err))) throw readOnlyFolder(path);
    // Anything else (a missing file) is for the checks that follow to name.
  }
}

/**
 * Checks an existing vault file without writing to it: is it an encrypted SQLite file of ours,
 * complete, opened by this key, and not from a newer app? Throws the matching VaultFileError.
 */
export function inspectVaultFile(path: string, dataKey: Buffer, options: OpenOptions): { vaultId: string } {
  if (!existsSync(path)) throw new VaultFileError('VAULT_NOT_FOUND');
  const size = statSync(path).size;
  if (size === 0) throw new VaultFileError('VAULT_TRUNCATED');
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  // A plain SQLite file is never ours: every vault is encrypted from its first byte.
  if (head.equals(PLAIN_SQLITE_MAGIC)) throw new VaultFileError('VAULT_NOT_OURS');
  if (size < SQLITE_PAGE || size % SQLITE_PAGE !== 0) throw new VaultFileError('VAULT_TRUNCATED');

  // A read-only connection to a WAL database may create empty -wal/-shm files it cannot remove
  // itself; remove exactly those afterwards so an inspection leaves the folder as it found it.
  const sidecars = [`${path}-wal`, `${path}-shm`].filter((p) => !existsSync(p));
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    keyConnection(sqlite, dataKey);
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      if (sqliteCode(err) === 'SQLITE_NOTADB') throw new VaultFileError('VAULT_NOT_OURS');
      // A read-only folder: SQLite cannot make the WAL index (SQLITE_READONLY_DIRECTORY).
      if (isReadOnly(sqliteCode(err))) throw readOnlyFolder(path);
      throw new VaultFileError('VAULT_TRUNCATED');
    }
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new VaultFileError('VAULT_TRUNCATED');
    const hasMeta = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'vault_meta'").get();
    if (!hasMeta) throw new VaultFileError('VAULT_NOT_OURS');
    const idRow = sqlite.prepare("SELECT value FROM vault_meta WHERE key = 'vault_id'").get() as { value: string } | undefined;
    if (!idRow) throw new VaultFileError('VAULT_NOT_OURS');
    const applied = sqlite.prepare('SELECT max(created_at) AS latest FROM __drizzle_migrations').get() as {
      latest: number | null;
    };
    if ((applied.latest ?? 0) > latestKnownMigration(options.migrationsFolder)) throw new VaultFileError('VAULT_NEWER');
    return { vaultId: idRow.value };
  } catch (err) {
    if (err instanceof VaultFileError) throw err;
    if (sqliteCode(err) === 'SQLITE_NOTADB') throw new VaultFileError('VAULT_NOT_OURS');
    if (sqliteCode(err) === 'SQLITE_CORRUPT') throw new VaultFileError('VAULT_TRUNCATED');
    if (isReadOnly(sqliteCode(err))) throw readOnlyFolder(path);
    throw err;
  } finally {
    sqlite?.close();
    for (const created of sidecars) rmSync(created, { force: true });
  }
}

/**
 * What every connection to a vault gets before its migrations run: the pragmas, and the functions a
 * migration may call (0009 rebuilds the students' search text with the app's rule, not a copy in
 * SQL; the schema itself never depends on them). Exported for the bench's plain twin.
 */
export function setUpConnection(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('temp_store = MEMORY');
  // A student's type-ahead reads the name index and the search index: 64 MiB keeps a school's
  // pages decrypted in memory instead of decrypting them again for every keystroke.
  sqlite.pragma('cache_size = -65536');
  // Deleted rows (a retention erasure) are overwritten, not left readable in free pages.
  sqlite.pragma('secure_delete = ON');
  sqlite.function('student_search_text', { deterministic: true }, (givenName, infix, familyName, studentNumber, className) =>
    studentSearchText({
      givenName: String(givenName),
      infix: String(infix),
      familyName: String(familyName),
      studentNumber: String(studentNumber),
      className: String(className),
    }),
  );
}

function openKeyed(path: string, dataKey: Buffer, options: OpenOptions, create: boolean): OpenedVault {
  const sqlite = new Database(path, { fileMustExist: !create, nativeBinding: options.nativeBinding });
  try {
    keyConnection(sqlite, dataKey);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    setUpConnection(sqlite);
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: options.migrationsFolder });
    return { sqlite, db };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

/** Opens an existing vault for work: checks it first (read-only), then keys, sets pragmas, migrates. */
export function openVaultDatabase(path: string, dataKey: Buffer, options: OpenOptions): OpenedVault & { vaultId: string } {
  refuseReadOnly(path, true);
  const { vaultId } = inspectVaultFile(path, dataKey, options);
  return { ...openKeyed(path, dataKey, options, false), vaultId };
}

/** Creates a new, empty, encrypted vault file with every migration applied. */
export function createVaultDatabase(path: string, dataKey: Buffer, options: OpenOptions): OpenedVault {
  if (existsSync(path)) throw new VaultFileError('VAULT_EXISTS');
  refuseReadOnly(path, false);
  return openKeyed(path, dataKey, options, true);
}

/**
 * Checkpoints the WAL into the encrypted main file and closes; the -wal file disappears. The
 * connection is closed whatever happens first: a full disk (the checkpoint cannot grow the main
 * file) must never keep a vault open. What was committed stays in the WAL (synchronous=FULL) and
 * is taken in at the next open. The problem is thrown after the close, for the caller to report.
 */
export function closeVaultDatabase(vault: OpenedVault): void {
  if (!vault.sqlite.open) return;
  let problem: unknown = null;
  try {
    // Locking in the middle of an import: its unfinished transaction is rolled back, never half-kept.
    if (vault.sqlite.inTransaction) vault.sqlite.exec('ROLLBACK');
    vault.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch (err) {
    problem = err;
  } finally {
    vault.sqlite.close();
  }
  if (problem === null) return;
  throw isDiskFull(sqliteCode(problem)) ? new VaultFileError('VAULT_DISK_FULL') : problem;
}
