import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, isUserError } from '../../api/errors';
import { makeBackup, VaultChangedDuringCopy } from './make-backup';
import type { WorkerReply, WorkerTask } from './in-background';

/**
 * A worker thread that makes one backup, so the database work never holds up the app's own
 * thread (every screen's calls, the lock). Bundled on its own by scripts/build.mjs; from source
 * (tests, the bench) in-background.ts loads it through tsx.
 */
async function run(port: NonNullable<typeof parentPort>, task: WorkerTask): Promise<WorkerReply> {
  const dataKey = Buffer.from(task.dataKey);
  task.dataKey.fill(0);
  try {
    if (task.mode === 'live') {
      // Open the vault only while the app still has it open: see in-background.ts.
      port.postMessage({ type: 'may-open' } satisfies WorkerReply);
      const [answer] = (await once(port, 'message')) as [{ open: boolean }];
      if (!answer.open) return { type: 'skipped' };
    }
    const made = makeBackup({ ...task, takenAt: new Date(task.takenAt), dataKey });
    return { type: 'done', backup: made };
  } catch (err) {
    if (err instanceof VaultChangedDuringCopy) return { type: 'skipped' };
    if (isUserError(err))
      return {
        type: 'failed',
        error: { code: err.code, message: err.message, fields: err instanceof AppError ? err.fields : undefined },
      };
    // Its name and code only: a file system message carries a path.
    console.error('[backup] failed:', err instanceof Error ? `${err.name} ${'code' in err ? String(err.code) : ''}` : 'unknown');
    return { type: 'failed', error: null };
  } finally {
    dataKey.fill(0);
  }
}

if (parentPort) {
  const port = parentPort;
  void run(port, workerData as WorkerTask).then((reply) => port.postMessage(reply));
}
