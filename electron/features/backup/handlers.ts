import { logSessionStart } from '../audit/vault-events';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readsOnly, type DomainHandlers } from '../../api/handler-types';
import { rolesOf } from '../settings/roles';
import { attemptsKeyOfVault, limitedAttempt, takeFailedAttempts } from '../vault/attempts';
import { backupRunner } from './automatic';
import { readBackup } from './backup-file';
import { openFromBackup, restoreBackup } from './restore';
import { automaticBackupPath, automaticFolderFor, listBackups } from './store';

/** Backups per environment offered on the start screen: enough to choose from, not a history. */
const OFFERED_PER_ENVIRONMENT = 3;

export const backupHandlers: DomainHandlers<
  'backup.overview' | 'backup.create' | 'backup.restore' | 'backup.onThisComputer' | 'backup.inspect' | 'backup.open'
> = {
  'backup.overview': ({ backend, session, db }) => {
    const runner = backupRunner(backend);
    const folder = automaticFolderFor(backend.config.dataDir, session.environmentId);
    const state = runner.statusOf(session.environmentId);
    return {
      folder,
      // An environment id used again after one was removed must not show the other's backups.
      backups: listBackups(folder)
        .filter((b) => b.vaultId === session.vaultId || !b.verified)
        .map(({ id, takenAt, kind, sizeBytes, verified }) => ({ id, takenAt, kind, sizeBytes, verified })),
      automatic: {
        enabled: runner.automatic,
        running: runner.running,
        lastAt: state.lastAt,
        problem: state.problem?.message ?? null,
      },
      mayManage: rolesOf(db, session.user.id).includes('coordinator'),
    };
  },
  // Making and restoring: coordinators only (the contract's roles table, applied by the dispatcher).
  'backup.create': readsOnly(async ({ backend, session, noteForAudit, undoUnlessCommitted }, { folder }) => {
    const made = await backupRunner(backend).manualBackup(session, folder);
    // A copy of everything does not stay without its line in the Logboek.
    undoUnlessCommitted(() => rmSync(made.path, { force: true }));
    noteForAudit({ detail: `back-up gemaakt: ${made.fileName} in ${folder}`, studentIds: [] });
    return { fileName: made.fileName, path: made.path, takenAt: made.takenAt, sizeBytes: made.sizeBytes };
  }),
  'backup.restore': {
    replacesVault: ({ backend, session }, { source }) => {
      const path = source.from === 'list' ? automaticBackupPath(backend.config.dataDir, session.environmentId, source.id) : source.path;
      return restoreBackup(backend, session, path);
    },
  },
  'backup.onThisComputer': ({ backend }) => {
    const root = join(backend.config.dataDir, 'backups');
    if (!existsSync(root)) return [];
    const offered = readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) =>
        listBackups(join(root, entry.name))
          .filter((b) => b.verified)
          .slice(0, OFFERED_PER_ENVIRONMENT),
      );
    return offered
      .sort((a, b) => a.label.localeCompare(b.label, 'nl') || b.takenAt.localeCompare(a.takenAt))
      .map(({ path, label, takenAt, kind }) => ({ path, label, takenAt, kind }));
  },
  'backup.inspect': (_ctx, { path }) => {
    const trailer = readBackup(path);
    return {
      label: trailer.label,
      takenAt: trailer.takenAt,
      kind: trailer.kind,
      users: trailer.keyring.users.map((u) => ({ id: u.userId, name: u.name, staffCode: u.staffCode })),
    };
  },
  'backup.open': async ({ backend }, input) => {
    const secret =
      input.with === 'passphrase'
        ? { userId: input.userId, passphrase: input.passphrase }
        : { userId: input.userId, recoveryKey: input.recoveryKey, newPassphrase: input.newPassphrase };
    // The backup's passphrase or recovery key is guessed no faster than the vault's own: one limiter,
    // counted under the vault's id, for the whole opening (its checks and the unlock after them).
    const { vaultId } = readBackup(input.path);
    const { opened, session } = await limitedAttempt(
      backend,
      attemptsKeyOfVault(vaultId),
      { userId: input.userId, with: input.with === 'passphrase' ? 'wachtwoord' : 'herstelsleutel', via: 'backup' },
      () => openFromBackup(backend, input.path, secret),
    );
    // Unlocked like any other time: the failed attempts before it, the unlock, and later the lock are logged.
    logSessionStart(
      backend,
      session,
      input.with === 'passphrase' ? 'vault.unlock' : 'vault.recover',
      takeFailedAttempts(backend, attemptsKeyOfVault(session.vaultId)),
    );
    return opened;
  },
};
