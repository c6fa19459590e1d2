import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { closeVaultDatabase, openVaultDatabase, type VaultDb } from '../../../db/open';
import { appUsers, staff } from '../../../db/schema';
import { AppError } from '../../api/errors';
import type { Backend, Session } from '../../api/context';
import type { Commit } from '../../api/handler-types';
import { RECOVERY_SLOT_ID } from './keyring';
import {
  newPendingSlot,
  openSlot,
  readStoredKeyring,
  rewrapSlot,
  sealSlot,
  updateStoredKeyring,
  type StoredKeyring,
  type StoredUserSlot,
} from './key-slots';
import { normalizeRecoveryKey } from './recovery-key';
import { ensureDataDir, newEnvironmentId, vaultPathFor } from './environments';
import { removeAbandonedRotation } from './rotation';
import { keyringCheckedAgainstVault } from './keyring-labels';
import { attemptsKeyOfVault, limitedAttempt } from './attempts';
import { now } from '../../shared/clock';

import { createVaultFiles, type CreateOptions, type NewEnvironment } from './vault-files';

export async function createEnvironment(
  backend: Backend,
  input: NewEnvironment,
  options: CreateOptions = {},
): Promise<{ environmentId: string; recoveryKey: string }> {
  const { dataDir } = backend.config;
  ensureDataDir(dataDir);
  const environmentId = options.environmentId ?? newEnvironmentId(dataDir, input.schoolName);
  const created = await createVaultFiles(backend.config, vaultPathFor(dataDir, environmentId), input, options);
  backend.startSession({
    environmentId,
    vaultPath: created.vaultPath,
    vaultId: created.vaultId,
    demo: created.demo,
    vault: created.vault,
    dataKey: created.dataKey,
    user: created.users[0]!,
  });
  return { environmentId, recoveryKey: created.recoveryKey };
}

function openSession(backend: Backend, environmentId: string, keyring: StoredKeyring, dataKey: Buffer, userId: string): Session {
  const vaultPath = vaultPathFor(backend.config.dataDir, environmentId);
  let opened;
  try {
    opened = openVaultDatabase(vaultPath, dataKey, backend.config);
  } catch (err) {
    dataKey.fill(0);
    throw err;
  }
  const user = opened.db.select().from(appUsers).where(eq(appUsers.id, userId)).get();
  // A removed user's slot went with the rotation; a keyring from before it does not bring them back.
  if (opened.vaultId !== keyring.vaultId || !user || user.removedAt) {
    closeVaultDatabase(opened);
    dataKey.fill(0);
    throw new AppError(user && !user.removedAt ? 'VAULT_NOT_OURS' : 'USER_NOT_FOUND');
  }
  removeAbandonedRotation(vaultPath);
  keyring = keyringCheckedAgainstVault(opened.db, user.id, keyring, (change) => updateStoredKeyring(vaultPath, dataKey, change));
  const session: Session = {
    environmentId,
    vaultPath,
    vaultId: keyring.vaultId,
    demo: keyring.demo,
    vault: { sqlite: opened.sqlite, db: opened.db },
    dataKey,
    user: { id: user.id, name: user.name, staffCode: user.staffCode },
  };
  backend.startSession(session);
  return session;
}

/** A lock that came while the key was being derived wins: no session opens after it. */
function refuseIfLockedMeanwhile(backend: Backend, locksBefore: number, dataKey: Buffer): void {
  if (backend.lockCount === locksBefore) return;
  dataKey.fill(0);
  throw new AppError('LOCKED', 'De omgeving werd vergrendeld terwijl ze werd geopend. Ontgrendel haar opnieuw.');
}

function slotOf(keyring: StoredKeyring, userId: string): StoredUserSlot {
  const slot = keyring.users.find((u) => u.userId === userId);
  if (!slot) throw new AppError('USER_NOT_FOUND');
  return slot;
}

/** A copy of a key in memory of its own: a lock wipes the session's key, not this one. */
function copyOf(key: Buffer): Buffer {
  const copy = Buffer.alloc(key.length);
  key.copy(copy);
  return copy;
}

const rotatedMeanwhile = (what: string) =>
  new AppError('CONFLICT', `De sleutel van de omgeving werd intussen vernieuwd, dus ${what}. Probeer het opnieuw.`);

/** The user's slot with a new key pair, its private half wrapped by `passphrase`, sealing `dataKey`. */
function withSealedSlot(keyring: StoredKeyring, userId: string, sealed: ReturnType<typeof sealSlot>): StoredKeyring {
  return {
    ...keyring,
    users: keyring.users.map((u) => (u.userId === userId ? { userId, name: u.name, staffCode: u.staffCode, ...sealed } : u)),
  };
}

/**
 * A slot of format 1 (the data key wrapped by the passphrase itself) becomes sealed at its
 * owner's unlock, the one moment their passphrase is at hand, so a rotation can reach it later.
 * The unlock does not depend on it: a failure is tried again next time.
 */
async function sealOnUnlock(
  backend: Backend,
  vaultPath: string,
  vaultId: string,
  userId: string,
  passphrase: string,
  dataKey: Buffer,
): Promise<void> {
  try {
    const pending = await newPendingSlot(passphrase, vaultId, userId, backend.config.kdfCost);
    updateStoredKeyring(vaultPath, dataKey, (current) =>
      current.users.some((u) => u.userId === userId && u.kind !== 'sealed' && u.kind !== 'reset')
        ? withSealedSlot(current, userId, sealSlot(pending, dataKey, vaultId, userId))
        : current,
    );
  } catch (err) {
    console.error('[vault] key slot not sealed:', err instanceof AppError ? err.code : err instanceof Error ? err.name : 'unknown');
  }
}

/** A wrong passphrase is detected on the keyring alone: the vault file is not even opened. */
export async function unlock(backend: Backend, input: { environmentId: string; userId: string; passphrase: string }): Promise<Session> {
  const vaultPath = vaultPathFor(backend.config.dataDir, input.environmentId);
  const keyring = readStoredKeyring(vaultPath);
  const slot = slotOf(keyring, input.userId);
  if (slot.kind === 'reset') throw new AppError('ACCESS_RESET');
  const locks = backend.lockCount;
  const dataKey = await openSlot(slot, input.passphrase, keyring.vaultId, slot.userId);
  if (!dataKey) throw new AppError('WRONG_PASSPHRASE');
  refuseIfLockedMeanwhile(backend, locks, dataKey);
  if (slot.kind === 'sealed') return openSession(backend, input.environmentId, keyring, dataKey, input.userId);
  const keyCopy = copyOf(dataKey);
  try {
    const session = openSession(backend, input.environmentId, keyring, dataKey, input.userId);
    await sealOnUnlock(backend, vaultPath, keyring.vaultId, slot.userId, input.passphrase, keyCopy);
    return session;
  } finally {
    keyCopy.fill(0);
  }
}

/**
 * "Wachtwoord vergeten": the recovery key opens the vault and the user chooses a new passphrase
 * (also a user whose slot a rotation reset). A recovery slot of format 1 is sealed meanwhile.
 */
export async function recover(
  backend: Backend,
  input: { environmentId: string; userId: string; recoveryKey: string; newPassphrase: string },
): Promise<Session> {
  const vaultPath = vaultPathFor(backend.config.dataDir, input.environmentId);
  const keyring = readStoredKeyring(vaultPath);
  const slot = slotOf(keyring, input.userId);
  const recoveryKey = normalizeRecoveryKey(input.recoveryKey);
  const locks = backend.lockCount;
  const dataKey = await openSlot(keyring.recovery, recoveryKey, keyring.vaultId, RECOVERY_SLOT_ID);
  if (!dataKey) throw new AppError('WRONG_RECOVERY_KEY');
  // The new slot seals a copy: a lock during the slow wrap wipes the session's key, not this one.
  const keyCopy = copyOf(dataKey);
  try {
    refuseIfLockedMeanwhile(backend, locks, dataKey);
    const session = openSession(backend, input.environmentId, keyring, dataKey, input.userId);
    const pending = await newPendingSlot(input.newPassphrase, keyring.vaultId, slot.userId, backend.config.kdfCost);
    const pendingRecovery =
      keyring.recovery.kind === 'sealed'
        ? null
        : await newPendingSlot(recoveryKey, keyring.vaultId, RECOVERY_SLOT_ID, backend.config.kdfCost);
    const written = updateStoredKeyring(vaultPath, keyCopy, (current) => {
      const next = withSealedSlot(current, slot.userId, sealSlot(pending, keyCopy, current.vaultId, slot.userId));
      return pendingRecovery && next.recovery.kind !== 'sealed'
        ? { ...next, recovery: sealSlot(pendingRecovery, keyCopy, current.vaultId, RECOVERY_SLOT_ID) }
        : next;
    });
    if (!written) throw rotatedMeanwhile('is je nieuwe wachtwoord niet ingesteld');
    // The new passphrase is in place; say so, rather than a generic error, if a lock came meanwhile.
    if (backend.session !== session) {
      throw new AppError(
        'LOCKED',
        'Je nieuwe wachtwoord is ingesteld, maar de omgeving werd intussen vergrendeld. Ontgrendel haar met je nieuwe wachtwoord.',
      );
    }
    return session;
  } finally {
    keyCopy.fill(0);
  }
}

/** A sealed slot rewraps its private key (the data key is not involved); a format 1 slot is sealed on the way. */
export async function changePassphrase(
  backend: Backend,
  session: Session,
  input: { currentPassphrase: string; newPassphrase: string },
): Promise<Commit<null>> {
  const keyring = readStoredKeyring(session.vaultPath);
  const slot = slotOf(keyring, session.user.id);
  const userId = slot.userId;
  // The current passphrase is tested here too: the unlock screen's limiter (attempts.ts) counts it.
  const limited = <T>(check: () => Promise<T | null>): Promise<T> =>
    limitedAttempt(backend, attemptsKeyOfVault(session.vaultId), { userId, with: 'wachtwoord', via: 'wachtwoord wijzigen' }, async () => {
      const result = await check();
      if (!result) throw new AppError('WRONG_PASSPHRASE');
      return result;
    });
  if (slot.kind === 'sealed') {
    const rewrapped = await limited(() =>
      rewrapSlot(slot, input.currentPassphrase, input.newPassphrase, keyring.vaultId, backend.config.kdfCost),
    );
    return ({ session: current, lastly }) => {
      lastly(() => {
        // Same key pair: it may be written whichever data key the slots hold by now.
        const written = updateStoredKeyring(current.vaultPath, null, (stored) => ({
          ...stored,
          users: stored.users.map((u) =>
            u.userId === userId && u.kind === 'sealed' && u.publicKey === slot.publicKey ? { ...u, ...rewrapped } : u,
          ),
        }));
        if (!written)
          throw new AppError(
            'CONFLICT',
            'De sleutels van de omgeving werden intussen vervangen, dus je wachtwoord is niet gewijzigd. Probeer het opnieuw.',
          );
      });
      return null;
    };
  }
  if (slot.kind === 'reset') throw new AppError('ACCESS_RESET');
  const check = await limited(() => openSlot(slot, input.currentPassphrase, keyring.vaultId, userId));
  check.fill(0);
  const pending = await newPendingSlot(input.newPassphrase, keyring.vaultId, userId, backend.config.kdfCost);
  return ({ session: current, lastly }) => {
    lastly(() => {
      // The key as it is now (the session is still open: a rotation meanwhile replaced it in place).
      const dataKey = current.dataKey;
      const written = updateStoredKeyring(current.vaultPath, dataKey, (stored) =>
        withSealedSlot(stored, userId, sealSlot(pending, dataKey, stored.vaultId, userId)),
      );
      if (!written) throw rotatedMeanwhile('is je wachtwoord niet gewijzigd');
    });
    return null;
  };
}

/**
 * Gives a colleague their own passphrase for this vault. The slow key work comes first and writes
 * nothing; the commit step adds the user (in the dispatcher's transaction, with the call's line)
 * and writes the key file last, so a failure anywhere leaves neither a user nor a slot.
 */
export async function prepareUser(
  backend: Backend,
  session: Session,
  input: { name: string; staffCode: string; passphrase: string; roles: string[] },
): Promise<Commit<{ id: string }>> {
  const active = (db: VaultDb) =>
    db
      .select()
      .from(appUsers)
      .where(and(eq(appUsers.staffCode, input.staffCode), isNull(appUsers.removedAt)))
      .get();
  if (active(session.vault.db)) throw new AppError('STAFF_CODE_TAKEN');
  const id = randomUUID();
  const pending = await newPendingSlot(input.passphrase, session.vaultId, id, backend.config.kdfCost);
  // A rotation during the slow wrap replaced the session's key and connection: both are read now.
  return ({ session: current, db, lastly }) => {
    if (active(db)) throw new AppError('STAFF_CODE_TAKEN');
    // A colleague already on the staff list keeps that entry; otherwise they are added to it.
    const member = db.select({ id: staff.id }).from(staff).where(eq(staff.code, input.staffCode)).get();
    const staffId = member?.id ?? id;
    if (!member) db.insert(staff).values({ id, name: input.name, code: input.staffCode, functions: [], updatedAt: now() }).run();
    db.insert(appUsers)
      .values({
        id,
        name: input.name,
        staffCode: input.staffCode,
        staffId,
        roles: [...new Set(input.roles)],
        createdAt: now(),
      })
      .run();
    lastly(() => {
      // Read again after the slow wrap: a passphrase change that finished meanwhile is kept.
      const dataKey = current.dataKey;
      const written = updateStoredKeyring(current.vaultPath, dataKey, (stored) => ({
        ...stored,
        users: [
          ...stored.users,
          {
            userId: id,
            name: input.name,
            staffCode: input.staffCode,
            ...sealSlot(pending, dataKey, stored.vaultId, id),
          },
        ],
      }));
      if (!written)
        throw new AppError(
          'CONFLICT',
          'De sleutels van de omgeving werden intussen vervangen. Probeer de gebruiker opnieuw toe te voegen.',
        );
    });
    return { id };
  };
}

/** Keeps the unlock screen's copy of the school name in step with the settings. */
export function relabel(session: Session, label: string): void {
  if (readStoredKeyring(session.vaultPath).label === label) return;
  updateStoredKeyring(session.vaultPath, session.dataKey, (current) => ({ ...current, label }));
}
