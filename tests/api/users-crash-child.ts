// Run by tests/api/users.test.ts in a child process that is killed (SIGKILL) part-way through
// removing a user, as a crash or a power cut would: at one of the rotation's steps, or (`timed`)
// whenever the parent kills it.
//   node --import tsx users-crash-child.ts <dataDir> <environmentId> <userId> <passphrase> <removeUserId> <step|timed|marker|none>
// `marker` stops just after the point of no return: the replacement marker written, nothing renamed;
// `none` runs to the end (and says how long it took).
import { renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { dispatch } from '../../electron/app/dispatch';
import { replacementMarkerFor } from '../../electron/features/vault/keyring';
import { removeUser, type RotationStep } from '../../electron/features/vault/rotation';
import { makeBackend } from '../helpers/backend';

const [dataDir, environmentId, userId, passphrase, removeUserId, stopAt] = process.argv.slice(2);
if (!dataDir || !environmentId || !userId || !passphrase || !removeUserId || !stopAt)
  throw new Error('usage: <dataDir> <environmentId> <userId> <passphrase> <removeUserId> <step|timed|marker|none>');

const backend = makeBackend(dataDir);
const unlocked = await dispatch(backend, 'vault.unlock', { environmentId, userId, passphrase });
if (!unlocked.ok) throw new Error(unlocked.error.message);
const session = backend.session;
if (!session) throw new Error('no session');
console.log('go');
const started = Date.now();
await removeUser(backend, session, removeUserId, {
  observe: (step: RotationStep, staged) => {
    console.log(`step ${step} at ${Date.now() - started} ms`);
    if (stopAt === 'marker' && step === 'closed') {
      // What replaceVaultFiles writes first, atomically; then the crash.
      const marker = replacementMarkerFor(session.vaultPath);
      writeFileSync(`${marker}.tmp`, JSON.stringify({ vault: basename(staged.vault), keyring: basename(staged.keyring) }));
      renameSync(`${marker}.tmp`, marker);
      process.kill(process.pid, 'SIGKILL');
    }
    if (step === stopAt) process.kill(process.pid, 'SIGKILL');
  },
});
console.log(`done, took ${Date.now() - started} ms`);
