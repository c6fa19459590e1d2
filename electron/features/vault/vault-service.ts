import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { createVaultDatabase, closeVaultDatabase, openVaultDatabase, type OpenedVault, type VaultDb } from '../../../db/open';
import { appUsers, schoolSettings, staff, vaultMeta } from '../../../db/schema';
import { AppError } from '../../api/errors';
import type { Backend, BackendConfig, Session } from '../../api/context';
import {
  KEYRING_FORMAT,
  KEYRING_VERSION,
  RECOVERY_SLOT_ID,
  readKeyring,
  unwrapDataKey,
  wrapDataKey,
  writeKeyring,
  keyringPathFor,
  type Keyring,
} from './keyring';
import { newRecoveryKey, normalizeRecoveryKey } from './recovery-key';
import { ensureDataDir, newEnvironmentId, vaultPathFor } from './environments';

export type Region = 'noord' | 'midden' | 'zuid';

export interface NewEnvironment {
  schoolName: string;
  region: Region;
  users: { name: string; staffCode: string; passphrase: string }[];
}

export interface CreateOptions {
  environmentId?: string;
  demo?: boolean;
  /** Fills the fresh vault inside the creating transaction (the demo school uses this). */
  seed?: (db: VaultDb, users: { id: string; staffCode: string }[]) => void;
}

const now = () => new Date().toISOString();

export interface CreatedVault {
  vaultPath: string;
  vaultId: string;
  demo: boolean;
  vault: OpenedVault;
  dataKey: Buffer;
  users: { id: string; name: string; staffCode: string }[];
  recoveryKey: string;
}

/**
 * Writes a new vault file and its keyring at `vaultPath` and leaves the vault open. The recovery
 * key exists nowhere else afterwards: whoever calls this shows it once.
 */
export async function createVaultFiles(
  config: BackendConfig,
  vaultPath: string,
  input: NewEnvironment,
  options: Omit<CreateOptions, 'environmentId'> = {},
): Promise<CreatedVault> {
  if (existsSync(vaultPath) || existsSync(keyringPathFor(vaultPath))) throw new AppError('VAULT_EXISTS');
  const dataKey = randomBytes(32);
  const vaultId = randomUUID();
  const recoveryKey = newRecoveryKey();
  const demo = options.demo ?? false;
  const users = input.users.map((u) => ({ ...u, id: randomUUID() }));
  const keyring: Keyring = {
    format: KEYRING_FORMAT,
    version: KEYRING_VERSION,
    vaultId,
    label: input.schoolName,
    demo,
    cipher: 'chacha20',
    users: await Promise.all(
      users.map(async (u) => ({
        userId: u.id,
        name: u.name,
        staffCode: u.staffCode,
        ...(await wrapDataKey(dataKey, u.passphrase, vaultId, u.id, config.kdfCost)),
      })),
    ),
    recovery: await wrapDataKey(dataKey, recoveryKey, vaultId, RECOVERY_SLOT_ID, config.kdfCost),
  };

  let vault: OpenedVault | undefined;
  try {
    vault = createVaultDatabase(vaultPath, dataKey, config);
    const db = vault.db;
    db.transaction((tx) => {
      const at = now();
      tx.insert(vaultMeta)
        .values([
          { key: 'vault_id', value: vaultId },
          { key: 'created_at', value: at },
          { key: 'demo', value: String(demo) },
        ])
        .run();
      tx.insert(schoolSettings).values({ id: 1, schoolName: input.schoolName, region: input.region, updatedAt: at }).run();
      // Every user is also a staff member (agendas and minutes refer to staff by code).
      tx.insert(staff)
        .values(users.map((u) => ({ id: u.id, name: u.name, code: u.staffCode, functions: [], updatedAt: at })))
        .run();
      tx.insert(appUsers)
        // Whoever creates the environment coordinates it; roles for others are given, never assumed.
        .values(users.map((u, i) => ({ id: u.id, name: u.name, staffCode: u.staffCode, staffId: u.id, roles: i === 0 ? ['coordinator'] : [], createdAt: at })))
        .run();
    });
    // One transaction for the whole seed: hundreds of rows, one fsync.
    if (options.seed) vault.sqlite.transaction(() => options.seed?.(db, users))();
    writeKeyring(vaultPath, keyring);
  } catch (err) {
    if (vault) closeVaultDatabase(vault);
    dataKey.fill(0);
    // A half-made environment is of no use to anyone: remove every trace of it.
    for (const suffix of ['', '-wal', '-shm', '.keys']) rmSync(`${vaultPath}${suffix}`, { force: true });
    throw err;
  }
  return {
    vaultPath,
    vaultId,
    demo,
    vault,
    dataKey,
    users: users.map(({ id, name, staffCode }) => ({ id, name, staffCode })),
    recoveryKey,
  };
}

/** Creates an environment in the data folder and unlocks it as its first user. */
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

function openSession(backend: Backend, environmentId: string, keyring: Keyring, dataKey: Buffer, userId: string): Session {
  const vaultPath = vaultPathFor(backend.config.dataDir, environmentId);
  let opened;
  try {
    opened = openVaultDatabase(vaultPath, dataKey, backend.config);
  } catch (err) {
    dataKey.fill(0);
    throw err;
  }
  const user = opened.db.select().from(appUsers).where(eq(appUsers.id, userId)).get();
  if (opened.vaultId !== keyring.vaultId || !user) {
    closeVaultDatabase(opened);
    dataKey.fill(0);
    throw new AppError(user ? 'VAULT_NOT_OURS' : 'USER_NOT_FOUND');
  }
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

/**
 * Writes one user's new key slot into the keyring as it is now. Read, change and write happen
 * without an await in between, so two key operations that ran side by side both keep their slot.
 */
function replaceUserSlot(vaultPath: string, userId: string, rewrapped: Awaited<ReturnType<typeof wrapDataKey>>): void {
  const current = readKeyring(vaultPath);
  writeKeyring(vaultPath, { ...current, users: current.users.map((u) => (u.userId === userId ? { ...u, ...rewrapped } : u)) });
}

/** A lock that came while the key was being derived wins: no session opens after it. */
function refuseIfLockedMeanwhile(backend: Backend, locksBefore: number, dataKey: Buffer): void {
  if (backend.lockCount === locksBefore) return;
  dataKey.fill(0);
  throw new AppError('LOCKED', 'De omgeving werd vergrendeld terwijl ze werd geopend. Ontgrendel haar opnieuw.');
}

function userSlot(keyring: Keyring, userId: string) {
  const slot = keyring.users.find((u) => u.userId === userId);
  if (!slot) throw new AppError('USER_NOT_FOUND');
  return slot;
}

/** A wrong passphrase is detected on the keyring alone: the vault file is not even opened. */
export async function unlock(
  backend: Backend,
  input: { environmentId: string; userId: string; passphrase: string },
): Promise<Session> {
  const keyring = readKeyring(vaultPathFor(backend.config.dataDir, input.environmentId));
  const slot = userSlot(keyring, input.userId);
  const locks = backend.lockCount;
  const dataKey = await unwrapDataKey(slot, input.passphrase, keyring.vaultId, slot.userId);
  if (!dataKey) throw new AppError('WRONG_PASSPHRASE');
  refuseIfLockedMeanwhile(backend, locks, dataKey);
  return openSession(backend, input.environmentId, keyring, dataKey, input.userId);
}

/** "Wachtwoord vergeten": the recovery key opens the vault and the user chooses a new passphrase. */
export async function recover(
  backend: Backend,
  input: { environmentId: string; userId: string; recoveryKey: string; newPassphrase: string },
): Promise<Session> {
  const vaultPath = vaultPathFor(backend.config.dataDir, input.environmentId);
  const keyring = readKeyring(vaultPath);
  const slot = userSlot(keyring, input.userId);
  const recoveryKey = normalizeRecoveryKey(input.recoveryKey);
  const locks = backend.lockCount;
  const dataKey = await unwrapDataKey(keyring.recovery, recoveryKey, keyring.vaultId, RECOVERY_SLOT_ID);
  if (!dataKey) throw new AppError('WRONG_RECOVERY_KEY');
  // The new passphrase wraps a copy: a lock during the slow wrap wipes the session's key, not this one.
  const keyCopy = Buffer.from(dataKey);
  try {
    refuseIfLockedMeanwhile(backend, locks, dataKey);
    const session = openSession(backend, input.environmentId, keyring, dataKey, input.userId);
    const rewrapped = await wrapDataKey(keyCopy, input.newPassphrase, keyring.vaultId, slot.userId, backend.config.kdfCost);
    replaceUserSlot(vaultPath, slot.userId, rewrapped);
    // The new passphrase is in place; say so, rather than a generic error, if a lock came meanwhile.
    if (backend.session !== session) {
      throw new AppError('LOCKED', 'Je nieuwe wachtwoord is ingesteld, maar de omgeving werd intussen vergrendeld. Ontgrendel haar met je nieuwe wachtwoord.');
    }
    return session;
  } finally {
    keyCopy.fill(0);
  }
}

/** Rewraps the 32-byte data key; the database itself is not touched. */
export async function changePassphrase(
  backend: Backend,
  session: Session,
  input: { currentPassphrase: string; newPassphrase: string },
): Promise<void> {
  const keyring = readKeyring(session.vaultPath);
  const slot = userSlot(keyring, session.user.id);
  // A copy: locking while this runs wipes the session's key; the new slot must still wrap the real one.
  const keyCopy = Buffer.from(session.dataKey);
  try {
    const check = await unwrapDataKey(slot, input.currentPassphrase, keyring.vaultId, slot.userId);
    if (!check) throw new AppError('WRONG_PASSPHRASE');
    check.fill(0);
    const rewrapped = await wrapDataKey(keyCopy, input.newPassphrase, keyring.vaultId, slot.userId, backend.config.kdfCost);
    replaceUserSlot(session.vaultPath, slot.userId, rewrapped);
  } finally {
    keyCopy.fill(0);
  }
}

/** Gives a colleague their own passphrase for this vault. */
export async function addUser(
  backend: Backend,
  session: Session,
  input: { name: string; staffCode: string; passphrase: string; roles: string[] },
): Promise<{ id: string }> {
  const keyring = readKeyring(session.vaultPath);
  const taken = session.vault.db.select().from(appUsers).where(eq(appUsers.staffCode, input.staffCode)).get();
  if (taken) throw new AppError('STAFF_CODE_TAKEN');
  const id = randomUUID();
  const keyCopy = Buffer.from(session.dataKey);
  const slot = await wrapDataKey(keyCopy, input.passphrase, keyring.vaultId, id, backend.config.kdfCost).finally(() => keyCopy.fill(0));
  const db = session.vault.db;
  db.transaction((tx) => {
    // A colleague already on the staff list keeps that entry; otherwise they are added to it.
    const member = tx.select({ id: staff.id }).from(staff).where(eq(staff.code, input.staffCode)).get();
    const staffId = member?.id ?? id;
    if (!member) {
      tx.insert(staff).values({ id, name: input.name, code: input.staffCode, functions: [], updatedAt: now() }).run();
    }
    tx.insert(appUsers).values({ id, name: input.name, staffCode: input.staffCode, staffId, roles: [...new Set(input.roles)], createdAt: now() }).run();
  });
  // Read again after the slow wrap: a passphrase change that finished meanwhile is kept.
  const current = readKeyring(session.vaultPath);
  writeKeyring(session.vaultPath, {
    ...current,
    users: [...current.users, { userId: id, name: input.name, staffCode: input.staffCode, ...slot }],
  });
  return { id };
}

/** Keeps the unlock screen's copy of the school name in step with the settings. */
export function relabel(session: Session, label: string): void {
  const keyring = readKeyring(session.vaultPath);
  if (keyring.label !== label) writeKeyring(session.vaultPath, { ...keyring, label });
}
