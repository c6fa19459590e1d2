// Run by tests/api/backup.test.ts in a child process that is killed (SIGKILL) part-way: makes a
// backup of a locked vault, or restores one, as the app does, and says "go" just before it starts.
//   node --import tsx backup-crash-child.ts backup  <dataDir> <environmentId> <hexKey>
//   node --import tsx backup-crash-child.ts restore <dataDir> <environmentId> <userId> <passphrase> <backupPath>
import { dispatch } from '../../electron/app/dispatch';
import { makeBackup } from '../../electron/features/backup/make-backup';
import { automaticFolderFor } from '../../electron/features/backup/store';
import { vaultPathFor } from '../../electron/features/vault/environments';
import { makeBackend, migrationsFolder } from '../helpers/backend';

const [what, dataDir, environmentId, ...rest] = process.argv.slice(2);
if (!dataDir || !environmentId) throw new Error('usage: backup|restore <dataDir> <environmentId> …');

if (what === 'backup') {
  const [hexKey] = rest;
  const request = {
    mode: 'closed' as const,
    kind: 'automatic' as const,
    folder: automaticFolderFor(dataDir, environmentId),
    vaultPath: vaultPathFor(dataDir, environmentId),
    dataKey: Buffer.from(hexKey ?? '', 'hex'),
    environmentId,
    migrationsFolder,
  };
  console.log('go');
  // Again and again, so a kill lands in every step of one.
  for (let i = 0; i < 50; i++) makeBackup({ ...request, takenAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });
  console.log('done');
} else if (what === 'restore') {
  const [userId, passphrase, backupPath] = rest;
  const backend = makeBackend(dataDir);
  const unlocked = await dispatch(backend, 'vault.unlock', { environmentId, userId, passphrase });
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  console.log('go');
  const restored = await dispatch(backend, 'backup.restore', { source: { from: 'file', path: backupPath } });
  console.log(restored.ok ? 'done' : `failed ${restored.error.message}`);
} else {
  throw new Error(`unknown: ${what}`);
}
