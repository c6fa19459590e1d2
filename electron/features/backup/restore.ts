import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { closeVaultDatabase, inspectVaultFile, openVaultDatabase } from '../../../db/open';
import { VaultFileError } from '../../../db/vault-file-errors';
import type { Backend, Session } from '../../api/context';
import { AppError } from '../../api/errors';
import { now } from '../../shared/clock';
import { instantDateTime } from '../../shared/dutch-dates';
import { recordAudit } from '../audit/store';
import { ensureDataDir, listEnvironments, newEnvironmentId, vaultPathFor } from '../vault/environments';
import { keyringPathFor, RECOVERY_SLOT_ID, replacementMarkerFor, replaceVaultFiles } from '../vault/keyring';
import { keyIdFor, openSlot, putKeyring, readStoredKeyring, storableKeyring, type StoredKeyring } from '../vault/key-slots';
import { retiredDataKeys } from '../../../db/schema';
import { normalizeRecoveryKey } from '../vault/recovery-key';
import { recover, unlock } from '../vault/vault-service';
import { backupRunner } from './automatic';
import { damagedBackup, extractDatabase, newerBackup, readBackup, type BackupTrailer } from './backup-file';
import { makeBackup, type MadeBackup } from './make-backup';
import { carryAcrossRestore } from './restore-hooks';
import { automaticFolderFor } from './store';

const STAGED = /\.staged-[0-9a-f]+$/;

/** Staged files of a restore that a crash stopped before its point of no return: of no use to anyone. */
function removeAbandonedStaging(vaultPath: string): void {
  if (existsSync(replacementMarkerFor(vaultPath))) return;
  const folder = dirname(vaultPath);
  const own = [basename(vaultPath), basename(keyringPathFor(vaultPath))];
  for (const name of readdirSync(folder)) {
    const base = name.replace(/-(wal|shm|journal)$/, '');
    if (STAGED.test(base) && own.includes(base.replace(STAGED, ''))) rmSync(join(folder, name), { force: true });
  }
}

function writeStagedKeyring(path: string, keyring: StoredKeyring): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, JSON.stringify(storableKeyring(keyring), null, 2));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function vaultProblemOfBackup(err: unknown): AppError {
  if (err instanceof VaultFileError && err.code === 'VAULT_NEWER') return newerBackup();
  if (err instanceof AppError) return err;
  return damagedBackup();
}

/**
 * Writes a backup's database and keyring beside `vaultPath` under staging names, opens the database
 * with the first of `dataKeys` that fits (the check, the migrations of an older backup, and
 * `audit` for a line in it), and then puts both in place as one step (keyring.ts:
 * replaceVaultFiles). Anything that fails before that step leaves the old pair as it was.
 */
function installPair(
  vaultPath: string,
  backupPath: string,
  dataKeys: Buffer[],
  options: { migrationsFolder: string; nativeBinding?: string },
  audit?: (opened: ReturnType<typeof openVaultDatabase>, dataKey: Buffer) => void,
): BackupTrailer {
  removeAbandonedStaging(vaultPath);
  const suffix = `.staged-${randomBytes(4).toString('hex')}`;
  const staged = { vault: `${vaultPath}${suffix}`, keyring: `${keyringPathFor(vaultPath)}${suffix}` };
  try {
    const trailer = extractDatabase(backupPath, staged.vault);
    writeStagedKeyring(staged.keyring, trailer.keyring);
    let opened: ReturnType<typeof openVaultDatabase> | null = null;
    let used: Buffer | null = null;
    let problem: unknown = damagedBackup();
    for (const dataKey of dataKeys) {
      try {
        opened = openVaultDatabase(staged.vault, dataKey, options);
        used = dataKey;
        break;
      } catch (err) {
        problem = err;
        // Another key of this environment's past may fit; any other problem is the backup's.
        if (!(err instanceof VaultFileError && err.code === 'VAULT_NOT_OURS')) break;
      }
    }
    if (!opened || !used) throw vaultProblemOfBackup(problem);
    try {
      if (opened.vaultId !== trailer.vaultId) throw damagedBackup();
      audit?.(opened, used);
    } finally {
      closeVaultDatabase(opened);
    }
    replaceVaultFiles(vaultPath, staged);
    return trailer;
  } catch (err) {
    for (const path of [staged.vault, `${staged.vault}-wal`, `${staged.vault}-shm`, staged.keyring]) rmSync(path, { force: true });
    throw err;
  }
}

/**
 * The data keys a backup of the open environment may have (copies, for the caller to wipe): the
 * one of now and those a removal retired (vault/rotation.ts). A backup of format 2 names its key.
 */
function knownDataKeys(session: Session): { keyId: string; dataKey: Buffer }[] {
  const current = Buffer.alloc(session.dataKey.length);
  session.dataKey.copy(current);
  return [
    { keyId: keyIdFor(current, session.vaultId), dataKey: current },
    ...session.vault.db
      .select()
      .from(retiredDataKeys)
      .all()
      .map((r) => ({ keyId: r.keyId, dataKey: Buffer.from(r.dataKey) })),
  ];
}

export interface Restored {
  takenAt: string;
  safetyCopy: string;
}

/**
 * "Terugzetten": the open environment goes back to a backup of itself. It waits for running
 * backups, writes an audit line, locks, makes a safety copy of the state as it was (a backup like
 * any other), then installs the backup's database and keyring. The user unlocks again with the
 * passphrase that was valid when the backup was made, or with the recovery key.
 */
export async function restoreBackup(backend: Backend, session: Session, backupPath: string): Promise<Restored> {
  const chosen = readBackup(backupPath);
  if (chosen.vaultId !== session.vaultId) {
    throw new AppError(
      'VALIDATION',
      `Deze back-up hoort bij een andere omgeving (${chosen.label}). Open haar via het beginscherm met "Omgeving openen uit back-up".`,
    );
  }
  const runner = backupRunner(backend);
  return runner.queue(() => {
    // From here to the end nothing awaits: no call of any screen comes in between.
    if (backend.session !== session) throw new AppError('LOCKED');
    const { vaultPath, environmentId, user } = session;
    const options = {
      migrationsFolder: backend.config.migrationsFolder,
      ...(backend.config.nativeBinding ? { nativeBinding: backend.config.nativeBinding } : {}),
    };
    const when = instantDateTime(chosen.takenAt);
    const dataKey = Buffer.alloc(session.dataKey.length);
    session.dataKey.copy(dataKey);
    // Every key this environment had stays known after going back, so a later backup restores too.
    const allKnown = knownDataKeys(session);
    const known = chosen.keyring.keyId ? allKnown.filter((k) => k.keyId === chosen.keyring.keyId) : allKnown;
    try {
      if (known.length === 0) {
        throw new AppError(
          'VALIDATION',
          'Deze back-up is gemaakt met een sleutel die deze omgeving niet meer kent. Open haar via het ' +
            'beginscherm met "Omgeving openen uit back-up" en een wachtwoord van toen.',
        );
      }
      recordAudit(session.vault.db, {
        at: now(),
        userId: user.id,
        method: 'backup.restore',
        note: { detail: `terugzetten van de back-up van ${when}; eerst een veiligheidskopie`, studentIds: [] },
      });
      // Read before the lock closes it: what the vault of now knows that the backup must not undo (erasures).
      const carried = carryAcrossRestore(session.vault.db);
      runner.lockForRestore();
      let safety: MadeBackup;
      try {
        safety = makeBackup({
          mode: 'closed',
          kind: 'safety',
          folder: automaticFolderFor(backend.config.dataDir, environmentId),
          vaultPath,
          dataKey,
          environmentId,
          takenAt: new Date(now()),
          ...options,
        });
      } catch (err) {
        const reason = err instanceof AppError ? ` ${err.message}` : '';
        throw new AppError(
          'INTERNAL',
          `Er kon geen veiligheidskopie van de huidige gegevens worden gemaakt, dus er is niets teruggezet.${reason}`,
        );
      }
      installPair(
        vaultPath,
        backupPath,
        known.map((k) => k.dataKey),
        options,
        (opened, used) => {
          const own = keyIdFor(used, opened.vaultId);
          const at = now();
          opened.db.transaction(() => {
            for (const k of allKnown) {
              if (k.keyId !== own)
                opened.db.insert(retiredDataKeys).values({ keyId: k.keyId, dataKey: k.dataKey, retiredAt: at }).onConflictDoNothing().run();
            }
            recordAudit(opened.db, {
              at,
              userId: user.id,
              method: 'backup.restore',
              note: {
                detail: `teruggezet: de back-up van ${when}; de gegevens van daarvoor staan in ${safety.fileName}`,
                studentIds: [],
              },
            });
            // Before the swap: the restored vault is never in place with what was erased since.
            for (const apply of carried) apply(opened.db, user.id);
          });
        },
      );
      return { takenAt: chosen.takenAt, safetyCopy: safety.fileName };
    } finally {
      dataKey.fill(0);
      for (const k of allKnown) k.dataKey.fill(0);
    }
  });
}

export type OpenSecret = { userId: string; passphrase: string } | { userId: string; recoveryKey: string; newPassphrase: string };

export interface OpenedFromBackup {
  environmentId: string;
  /** The environment was already here without a usable keyring: only the keyring came from the backup. */
  repaired: boolean;
}

/** The data key from the backup's own copy of the key slots: a passphrase valid then, or the recovery key. */
async function dataKeyFromBackup(trailer: BackupTrailer, secret: OpenSecret): Promise<Buffer> {
  const { keyring } = trailer;
  if ('passphrase' in secret) {
    const slot = keyring.users.find((u) => u.userId === secret.userId);
    if (!slot) throw new AppError('USER_NOT_FOUND', 'Deze gebruiker staat niet in deze back-up.');
    if (slot.kind === 'reset')
      throw new AppError(
        'ACCESS_RESET',
        'Het wachtwoord van deze gebruiker was vervallen toen de back-up werd gemaakt. Open de back-up met de herstelsleutel.',
      );
    const key = await openSlot(slot, secret.passphrase, keyring.vaultId, slot.userId);
    if (!key)
      throw new AppError(
        'WRONG_PASSPHRASE',
        'Onjuist wachtwoord. Gebruik het wachtwoord dat gold toen de back-up werd gemaakt, of de herstelsleutel.',
      );
    return key;
  }
  if (!keyring.users.some((u) => u.userId === secret.userId))
    throw new AppError('USER_NOT_FOUND', 'Deze gebruiker staat niet in deze back-up.');
  const key = await openSlot(keyring.recovery, normalizeRecoveryKey(secret.recoveryKey), keyring.vaultId, RECOVERY_SLOT_ID);
  if (!key) throw new AppError('WRONG_RECOVERY_KEY', 'Deze herstelsleutel past niet bij deze back-up.');
  return key;
}

/**
 * Where a backup opened from the start screen goes. The same vault already here and usable: not
 * again (Instellingen → Back-ups restores it). Here but without a usable keyring (deleted, damaged):
 * only the keyring is put back, so nothing since the backup is lost. Otherwise: a new environment.
 */
function placeFor(dataDir: string, trailer: BackupTrailer, dataKey: Buffer, options: { migrationsFolder: string; nativeBinding?: string }) {
  for (const environment of listEnvironments(dataDir)) {
    const vaultPath = vaultPathFor(dataDir, environment.id);
    let keyring: StoredKeyring | null = null;
    try {
      keyring = readStoredKeyring(vaultPath);
    } catch {
      // No usable keyring: perhaps the very one this backup can replace.
    }
    if (keyring) {
      if (keyring.vaultId === trailer.vaultId && !environment.problem) {
        throw new AppError(
          'DUPLICATE',
          `${keyring.label} staat al op deze computer. Ontgrendel die omgeving, of zet de back-up terug via Instellingen → Back-ups.`,
        );
      }
      continue;
    }
    if (!existsSync(vaultPath)) continue;
    try {
      if (inspectVaultFile(vaultPath, dataKey, options).vaultId === trailer.vaultId) return { environmentId: environment.id, repair: true };
    } catch {
      // Another vault, or a damaged one: not this backup's.
    }
  }
  const free =
    !existsSync(vaultPathFor(dataDir, trailer.environmentId)) && !existsSync(keyringPathFor(vaultPathFor(dataDir, trailer.environmentId)));
  return { environmentId: free ? trailer.environmentId : newEnvironmentId(dataDir, trailer.label), repair: false };
}

/**
 * "Omgeving openen uit back-up" (also on another computer): the backup file plus a passphrase that
 * was valid when it was made, or the recovery key as printed (then a new passphrase is chosen).
 * Nothing is written before the secret is known to be right.
 */
export async function openFromBackup(
  backend: Backend,
  backupPath: string,
  secret: OpenSecret,
): Promise<{ opened: OpenedFromBackup; session: Session }> {
  const trailer = readBackup(backupPath);
  const dataKey = await dataKeyFromBackup(trailer, secret);
  const { dataDir } = backend.config;
  const options = {
    migrationsFolder: backend.config.migrationsFolder,
    ...(backend.config.nativeBinding ? { nativeBinding: backend.config.nativeBinding } : {}),
  };
  let place: { environmentId: string; repair: boolean };
  try {
    place = await backupRunner(backend).queue(() => {
      ensureDataDir(dataDir);
      const target = placeFor(dataDir, trailer, dataKey, options);
      const vaultPath = vaultPathFor(dataDir, target.environmentId);
      if (target.repair) putKeyring(vaultPath, trailer.keyring);
      else installPair(vaultPath, backupPath, [dataKey], options);
      return target;
    });
  } finally {
    dataKey.fill(0);
  }
  // Through the ordinary unlock (or recovery, which also sets the new passphrase), against the keyring now in place.
  const session =
    'passphrase' in secret
      ? await unlock(backend, {
          environmentId: place.environmentId,
          userId: secret.userId,
          passphrase: secret.passphrase,
        })
      : await recover(backend, {
          environmentId: place.environmentId,
          userId: secret.userId,
          recoveryKey: secret.recoveryKey,
          newPassphrase: secret.newPassphrase,
        });
  const detail = place.repair
    ? `sleutelbestand hersteld uit de back-up van ${instantDateTime(trailer.takenAt)}`
    : `omgeving geopend uit de back-up van ${instantDateTime(trailer.takenAt)}`;
  recordAudit(session.vault.db, {
    at: now(),
    userId: session.user.id,
    method: 'backup.open',
    note: { detail, studentIds: [] },
  });
  return { opened: { environmentId: place.environmentId, repaired: place.repair }, session };
}
