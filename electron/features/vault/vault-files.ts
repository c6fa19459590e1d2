import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { createVaultDatabase, closeVaultDatabase, type OpenedVault, type VaultDb } from '../../../db/open';
import { appUsers, schoolSettings, staff, vaultMeta } from '../../../db/schema';
import { AppError } from '../../api/errors';
import type { BackendConfig } from '../../api/context';
import { KEYRING_FORMAT, RECOVERY_SLOT_ID, keyringPathFor } from './keyring';
import { SEALED_KEYRING_VERSION, newPendingSlot, sealSlot, writeStoredKeyring, type StoredKeyring } from './key-slots';
import { newRecoveryKey } from './recovery-key';
import { now } from '../../shared/clock';

// A new environment on disk: the vault file, its first users and their key slots (vault-service opens sessions on it).
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
  // Every slot sealed from the start: a later rotation of the data key reaches all of them.
  const pending = await Promise.all(users.map((u) => newPendingSlot(u.passphrase, vaultId, u.id, config.kdfCost)));
  const keyring: StoredKeyring = {
    format: KEYRING_FORMAT,
    version: SEALED_KEYRING_VERSION,
    vaultId,
    label: input.schoolName,
    demo,
    cipher: 'chacha20',
    users: users.map((u, i) => ({
      userId: u.id,
      name: u.name,
      staffCode: u.staffCode,
      ...sealSlot(pending[i]!, dataKey, vaultId, u.id),
    })),
    recovery: sealSlot(await newPendingSlot(recoveryKey, vaultId, RECOVERY_SLOT_ID, config.kdfCost), dataKey, vaultId, RECOVERY_SLOT_ID),
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
        .values(
          users.map((u, i) => ({
            id: u.id,
            name: u.name,
            staffCode: u.staffCode,
            staffId: u.id,
            roles: i === 0 ? ['coordinator'] : [],
            createdAt: at,
          })),
        )
        .run();
    });
    // One transaction for the whole seed: hundreds of rows, one fsync.
    if (options.seed) vault.sqlite.transaction(() => options.seed?.(db, users))();
    writeStoredKeyring(vaultPath, keyring, dataKey);
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
