import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, errorMessages, type ErrorCode } from '../../api/errors';
import type { BackupRequest, MadeBackup } from './make-backup';

/** What the worker gets: the request with its own copy of the key (wiped by the worker when done). */
export type WorkerTask = Omit<BackupRequest, 'dataKey' | 'takenAt'> & { dataKey: Uint8Array; takenAt: string };

export type WorkerReply =
  | { type: 'may-open' }
  | { type: 'done'; backup: MadeBackup }
  | { type: 'skipped' }
  | { type: 'failed'; error: { code: string; message: string; fields?: Record<string, string> } | null };

function startWorker(task: WorkerTask): Worker {
  const options = { workerData: task, transferList: [task.dataKey.buffer as ArrayBuffer] };
  // Bundled (dist/electron, dist/host): scripts/build.mjs puts the worker beside the shell's bundle.
  if (typeof __dirname === 'string') {
    const built = join(__dirname, 'backup-worker.cjs');
    if (existsSync(built)) return new Worker(built, options);
  }
  // From source (tests, `npm run bench`): the repository is two folders above db/migrations, and
  // tsx compiles the TypeScript worker as it loads.
  const root = resolve(task.migrationsFolder, '..', '..');
  const tsx = createRequire(join(root, 'package.json')).resolve('tsx/cjs');
  const source = join(root, 'electron', 'features', 'backup', 'backup-worker.ts');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { ...options, eval: true });
}

/**
 * Makes a backup in a worker thread. Resolves with the backup, or null when it was skipped: the
 * vault changed while it was copied, or (`live`) the app no longer had the vault open when the
 * worker was about to open it. `stillOpen` answers that last question on the app's own thread,
 * where it cannot change while being answered: a second connection is only ever opened while
 * the app's own holds the vault's WAL files in place, so an unlock's read-only look (which removes
 * WAL files it created itself) never meets it.
 */
export function backUpInBackground(request: BackupRequest, stillOpen: () => boolean): Promise<MadeBackup | null> {
  // Its own buffer: a pooled Buffer would hand the worker the pool's other bytes along with the key.
  const dataKey = Uint8Array.from(request.dataKey);
  const { dataKey: _key, takenAt, ...rest } = request;
  const worker = startWorker({ ...rest, takenAt: takenAt.toISOString(), dataKey });
  return new Promise((resolveBackup, reject) => {
    let answered = false;
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'may-open') {
        worker.postMessage({ open: stillOpen() });
        return;
      }
      answered = true;
      if (reply.type === 'done') resolveBackup(reply.backup);
      else if (reply.type === 'skipped') resolveBackup(null);
      else if (reply.error && reply.error.code in errorMessages) {
        reject(new AppError(reply.error.code as ErrorCode, reply.error.message, reply.error.fields));
      } else reject(new AppError('INTERNAL', 'De back-up is mislukt. Probeer het opnieuw.'));
    });
    worker.on('error', (err) => {
      answered = true;
      console.error('[backup] worker failed:', err.name);
      reject(new AppError('INTERNAL', 'De back-up is mislukt. Probeer het opnieuw.'));
    });
    worker.on('exit', () => {
      if (!answered) reject(new AppError('INTERNAL', 'De back-up is afgebroken. Probeer het opnieuw.'));
    });
  });
}
