/**
 * Removing a user, and the new data key that makes the removal real.
 *
 * What must hold afterwards: the removed user's copy of the keyring (saved before, with their
 * passphrase) opens nothing. So the vault gets a new random data key (SQLite3MC rekey), and
 * every slot that stays must hold that key — without the other users' passphrases, which nobody
 * but they know. Whoever rotates knows nothing the removed user did not also know (the old data
 * key, the vault, the keyring), so a slot they can fill for someone else must need a secret only
 * that someone has, yet be fillable without it: public-key encryption, and nothing less, does that.
 *
 * The scheme (keyring format 2, key-slots.ts): every user, and the recovery key, has an X25519
 * key pair. The private half is wrapped (scrypt + AES-256-GCM) by their passphrase or the
 * recovery key and never changes with the data key; the data key is sealed to the public half
 * (ephemeral X25519 + HKDF-SHA256 + AES-256-GCM). A rotation reseals a new random data key to
 * the public key of each remaining slot and of the recovery key, drops the removed user's slot,
 * and rekeys the vault. Why the removed user gets nothing:
 * - their own slot is gone, and the old data key it opens no longer opens the vault;
 * - every new seal opens only with a remaining owner's private key, which exists only wrapped by
 *   that owner's passphrase (it is never in the vault, never unwrapped for anyone else);
 * - the new data key is random, not derived from anything old, and the keyring names it only by
 *   an HKDF of it;
 * - a public key is sealed to only when it carries a MAC under the old data key, so someone who
 *   edited the keyring file without that key cannot slip in a key pair of their own.
 * A member who copied the raw data key out of the app could, before being removed, write such a
 * MAC; that member could also read everything then, and no keyring scheme undoes that.
 *
 * Slots of format 1 (the data key wrapped by the passphrase itself) are sealed at their owner's
 * next unlock. One still unsealed when a rotation comes cannot be given the new key: it is *reset*
 * (its owner chooses a new passphrase with the recovery key), and an unsealed recovery slot is
 * replaced by a new recovery key, shown once to whoever removed the user.
 *
 * Crash safety: the live vault is never rekeyed in place. A copy (VACUUM INTO) gets the removal
 * and its audit line, is rekeyed (journal_mode=DELETE for the rekey, SQLite3MC cannot rekey in
 * WAL mode, then WAL again), checked to open with the new key only, and staged beside the vault
 * with the new keyring; keyring.ts's replaceVaultFiles then swaps the pair as one step (a marker
 * file is the point of no return, finished by whoever reads the pair next). A kill at any moment
 * leaves the old vault with the old keyring or the new vault with the new keyring.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import Database from 'better-sqlite3';
import { closeVaultDatabase, inspectVaultFile, openVaultDatabase, VAULT_CIPHER } from '../../../db/open';
import { appUsers, chairNotes, retiredDataKeys } from '../../../db/schema';
import type { Backend, Session } from '../../api/context';
import { AppError } from '../../api/errors';
import { now } from '../../shared/clock';
import { recordAudit } from '../audit/store';
import { keyringPathFor, namesInFolder, RECOVERY_SLOT_ID, replacementMarkerFor, replaceVaultFiles } from './keyring';
import {
  keyIdFor,
  keyringHolds,
  newPendingSlot,
  readStoredKeyring,
  recoveryResealable,
  resealSlot,
  sealSlot,
  writeStagedKeyring,
  type PendingSlot,
  type StoredKeyring,
} from './key-slots';
import { newRecoveryKey } from './recovery-key';

export interface Removal {
  /** Set when the recovery key had to be replaced (an unsealed slot of format 1): shown once. */
  newRecoveryKey: string | null;
  /** Users whose unsealed slot was reset: they set a new passphrase with the recovery key. */
  mustRecover: string[];
}

/** Points a test may stop at (a kill -9 there must leave a usable pair). */
export type RotationStep = 'prepared' | 'copied' | 'rekeyed' | 'staged' | 'closed' | 'swapped';
export interface RotationOptions {
  observe?: (step: RotationStep, staged: { vault: string; keyring: string }) => void;
  /**
   * Why this user must stay (the school's last coordinator, its last aandachtsfunctionaris while
   * Meldcode tracks exist), or null: decided by settings, which owns the roles.
   */
  whyMustStay?: (session: Session, userId: string) => string | null;
}

const STAGED = /\.rotating-[0-9a-f]{8}$/;

/** A rotation a crash stopped before its point of no return left a staged pair: of no use to anyone. */
export function removeAbandonedRotation(vaultPath: string): void {
  if (existsSync(replacementMarkerFor(vaultPath))) return;
  const folder = dirname(vaultPath);
  const own = [basename(vaultPath), basename(keyringPathFor(vaultPath))];
  for (const name of namesInFolder(folder)) {
    const base = name.replace(/-(wal|shm|journal)$/, '');
    if (STAGED.test(base) && own.includes(base.replace(STAGED, ''))) rmSync(join(folder, name), { force: true });
  }
}

function activeUser(session: Session, userId: string) {
  return session.vault.db
    .select()
    .from(appUsers)
    .where(and(eq(appUsers.id, userId), isNull(appUsers.removedAt)))
    .get();
}

/** The checks that need no key: who may go. */
function checkRemoval(backend: Backend, session: Session, userId: string, whyMustStay: RotationOptions['whyMustStay']) {
  const target = activeUser(session, userId);
  if (!target) throw new AppError('NOT_FOUND', 'Deze gebruiker bestaat niet (meer).');
  if (target.id === session.user.id)
    throw new AppError('VALIDATION', 'Je kunt jezelf niet verwijderen. Vraag een andere coördinator om dat te doen.');
  // The school keeps a coordinator, and an aandachtsfunctionaris while Meldcode tracks exist.
  const refusal = whyMustStay?.(session, target.id) ?? null;
  if (refusal) throw new AppError('VALIDATION', refusal);
  if (session.vault.sqlite.inTransaction) throw new AppError('BUSY');
  return target;
}

/**
 * Every slot that stays, for the new key. Only users the vault (the authenticated list) has as
 * active stay: the removed user's slot goes, and so would any other slot without such a user.
 */
function rotatedKeyring(
  current: StoredKeyring,
  staying: Set<string>,
  ownId: string,
  oldKey: Buffer,
  newKey: Buffer,
  pendingRecovery: PendingSlot | null,
) {
  const mustRecover: string[] = [];
  const users = current.users
    .filter((u) => staying.has(u.userId))
    .map((u) => {
      const resealed = u.kind === 'sealed' ? resealSlot(u, oldKey, newKey, current.vaultId, u.userId) : null;
      if (resealed) return resealed;
      if (u.userId === ownId)
        throw new AppError(
          'CONFLICT',
          'Je eigen sleutel is nog niet bijgewerkt. Vergrendel de omgeving, ontgrendel haar opnieuw en probeer het dan nog eens.',
        );
      if (u.kind !== 'reset') mustRecover.push(u.name);
      return { kind: 'reset' as const, userId: u.userId, name: u.name, staffCode: u.staffCode };
    });
  const resealedRecovery =
    current.recovery.kind === 'sealed' ? resealSlot(current.recovery, oldKey, newKey, current.vaultId, RECOVERY_SLOT_ID) : null;
  const recovery = resealedRecovery ?? (pendingRecovery ? sealSlot(pendingRecovery, newKey, current.vaultId, RECOVERY_SLOT_ID) : null);
  // Prepared for a recovery slot that was resealable then: changed meanwhile, so not now.
  if (!recovery) throw new AppError('CONFLICT', 'De sleutels van de omgeving werden intussen gewijzigd. Probeer het opnieuw.');
  return { keyring: { ...current, users, recovery }, mustRecover };
}

function rawKeyPragma(key: Buffer): string {
  return `"x'${key.toString('hex')}'"`;
}

/**
 * In the staged copy, as one transaction: the user marked removed (name kept for the log and the
 * records they made), their roles and private chair notes gone, the old key kept for restoring
 * older backups, and the audit line. Then the copy is rekeyed.
 */
function removeInCopy(
  path: string,
  vaultId: string,
  oldKey: Buffer,
  newKey: Buffer,
  options: { migrationsFolder: string; nativeBinding?: string },
  line: { by: string; removed: { id: string; name: string } },
): void {
  const copy = openVaultDatabase(path, oldKey, options);
  try {
    copy.db.transaction((tx) => {
      const at = now();
      tx.update(appUsers).set({ removedAt: at, roles: [] }).where(eq(appUsers.id, line.removed.id)).run();
      tx.delete(chairNotes).where(eq(chairNotes.userId, line.removed.id)).run();
      tx.insert(retiredDataKeys)
        .values({ keyId: keyIdFor(oldKey, vaultId), dataKey: Buffer.from(oldKey), retiredAt: at })
        .onConflictDoNothing()
        .run();
    });
    recordAudit(copy.db, {
      at: now(),
      userId: line.by,
      method: 'users.remove',
      note: { detail: `${line.removed.name} verwijderd; de sleutel van de omgeving is vernieuwd`, studentIds: [] },
    });
    copy.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // SQLite3MC rekeys only outside WAL mode; afterwards the file is in WAL mode like every vault.
    if (copy.sqlite.pragma('journal_mode = DELETE', { simple: true }) !== 'delete')
      throw new Error('journal mode not switched for the rekey');
    copy.sqlite.pragma(`rekey=${rawKeyPragma(newKey)}`);
    copy.sqlite.pragma('journal_mode = WAL');
  } finally {
    closeVaultDatabase(copy);
  }
}

/** The staged copy opens with the new key, and with the old one no more. */
function checkRekeyed(
  path: string,
  oldKey: Buffer,
  newKey: Buffer,
  vaultId: string,
  options: { migrationsFolder: string; nativeBinding?: string },
): void {
  if (inspectVaultFile(path, newKey, options).vaultId !== vaultId) throw new Error('rekeyed copy is another vault');
  let oldStillOpens = true;
  const probe = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    probe.pragma(`cipher='${VAULT_CIPHER}'`);
    probe.pragma(`key=${rawKeyPragma(oldKey)}`);
    probe.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    oldStillOpens = false;
  } finally {
    probe.close();
    for (const sidecar of ['-wal', '-shm']) rmSync(`${path}${sidecar}`, { force: true });
  }
  if (oldStillOpens) throw new Error('rekey left the old key working');
}

/**
 * Removes a user (coordinator only: the dispatcher checks the role) and rotates the data key, as
 * the top of this file describes. Runs in the backend's queue of work on the vault file: no backup holds the vault file while
 * it is swapped. After it, the session works on with the new key and a new connection.
 */
export async function removeUser(backend: Backend, session: Session, userId: string, options: RotationOptions = {}): Promise<Removal> {
  checkRemoval(backend, session, userId, options.whyMustStay);
  const { migrationsFolder, nativeBinding } = backend.config;
  const openOptions = { migrationsFolder, ...(nativeBinding ? { nativeBinding } : {}) };
  return backend.fileWork.run(async () => {
    if (backend.session !== session) throw new AppError('LOCKED');
    const { vaultPath } = session;
    const before = readStoredKeyring(vaultPath);
    // The slow part first (scrypt for a new recovery key, when one is needed); the rest awaits nothing.
    let newRecovery: { key: string; pending: PendingSlot } | null = null;
    if (!recoveryResealable(before.recovery, session.dataKey, before.vaultId, RECOVERY_SLOT_ID)) {
      const key = newRecoveryKey();
      newRecovery = {
        key,
        pending: await newPendingSlot(key, before.vaultId, RECOVERY_SLOT_ID, backend.config.kdfCost),
      };
    }

    // From here to the end nothing awaits: no call of any screen comes in between.
    if (backend.session !== session) throw new AppError('LOCKED');
    const target = checkRemoval(backend, session, userId, options.whyMustStay);
    const current = readStoredKeyring(vaultPath);
    const oldKey = Buffer.alloc(32);
    session.dataKey.copy(oldKey);
    const newKey = Buffer.alloc(32);
    randomBytes(32).copy(newKey);
    const suffix = `.rotating-${randomBytes(4).toString('hex')}`;
    const staged = { vault: `${vaultPath}${suffix}`, keyring: `${keyringPathFor(vaultPath)}${suffix}` };
    let liveClosed = false;
    try {
      if (!keyringHolds(current, oldKey))
        throw new AppError(
          'CONFLICT',
          'Het sleutelbestand past niet bij de geopende omgeving. Vergrendel haar, ontgrendel opnieuw en probeer het nog eens.',
        );
      const staying = new Set(
        session.vault.db
          .select({ id: appUsers.id })
          .from(appUsers)
          .where(isNull(appUsers.removedAt))
          .all()
          .map((u) => u.id)
          .filter((id) => id !== target.id),
      );
      const next = rotatedKeyring(current, staying, session.user.id, oldKey, newKey, newRecovery?.pending ?? null);
      removeAbandonedRotation(vaultPath);
      options.observe?.('prepared', staged);
      // A consistent snapshot through the session's own connection (WAL included), same key.
      session.vault.sqlite.prepare('VACUUM INTO ?').run(staged.vault);
      options.observe?.('copied', staged);
      removeInCopy(staged.vault, session.vaultId, oldKey, newKey, openOptions, {
        by: session.user.id,
        removed: { id: target.id, name: target.name },
      });
      checkRekeyed(staged.vault, oldKey, newKey, session.vaultId, openOptions);
      options.observe?.('rekeyed', staged);
      writeStagedKeyring(staged.keyring, next.keyring, newKey);
      options.observe?.('staged', staged);
      // Nothing was written since the snapshot (no await in between): closing loses nothing.
      closeVaultDatabase(session.vault);
      liveClosed = true;
      options.observe?.('closed', staged);
      replaceVaultFiles(vaultPath, staged);
      options.observe?.('swapped', staged);
      const reopened = openVaultDatabase(vaultPath, newKey, openOptions);
      session.vault = { sqlite: reopened.sqlite, db: reopened.db };
      // In place: whoever holds the session's key buffer (a backup about to copy it) sees the new key.
      newKey.copy(session.dataKey);
      return { newRecoveryKey: newRecovery?.key ?? null, mustRecover: next.mustRecover };
    } catch (err) {
      // Before its marker the swap never started: the staged pair goes. After it, it is the new pair.
      if (!existsSync(replacementMarkerFor(vaultPath))) {
        for (const path of [staged.vault, `${staged.vault}-wal`, `${staged.vault}-shm`, `${staged.vault}-journal`, staged.keyring])
          rmSync(path, { force: true });
      }
      if (!liveClosed) throw err;
      // The session's connection is closed: it ends here. Unlocking again reads whichever pair stands.
      backend.lock();
      console.error(
        '[vault] rotation failed after closing the vault:',
        err instanceof AppError ? err.code : err instanceof Error ? err.name : 'unknown',
      );
      throw new AppError(
        'INTERNAL',
        'Het verwijderen is niet afgerond en de omgeving is vergrendeld. Ontgrendel haar en kijk in ' +
          'Instellingen → Gebruikers of de gebruiker er nog staat.',
      );
    } finally {
      oldKey.fill(0);
      newKey.fill(0);
    }
  });
}
