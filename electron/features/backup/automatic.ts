import type { Backend, Session } from '../../api/context';
import { AppError } from '../../api/errors';
import { epochMs, now } from '../../shared/clock';
import { recordAudit } from '../audit/store';
import { backUpInBackground } from './in-background';
import type { MadeBackup } from './make-backup';
import { automaticFolderFor, listBackups, pruneAutomaticFolder } from './store';

const DAY_MS = 24 * 60 * 60 * 1000;
/** After a failed automatic backup, the daily one tries again at most this often (the lock always does). */
const RETRY_MS = 60 * 60 * 1000;

interface EnvironmentState {
  lastAt: string | null;
  problem: { at: number; message: string } | null;
}

/** A key copy in memory of its own (Buffer.from may take a slice of a shared pool). */
function copyKey(key: Buffer): Buffer {
  const copy = Buffer.alloc(key.length);
  key.copy(copy);
  return copy;
}

/**
 * The backups of one app instance, one at a time: automatic ones at every lock and once a day
 * while unlocked, manual ones, and restores (which wait for the rest and run alone). Everything
 * heavy happens in a worker thread; nothing here holds up a lock or a screen.
 */
export class BackupRunner {
  private states = new Map<string, EnvironmentState>();
  /** Set while a restore closes the vault: its safety copy takes the place of the backup at that lock. */
  private restoring = false;
  automatic = false;

  constructor(private readonly backend: Backend) {}

  /** Whether a backup, a restore or a key rotation is running or waiting. */
  get running(): boolean {
    return this.backend.fileWork.running;
  }

  /** Runs `job` in the backend's queue of work on the vault file, after everything queued before it. */
  queue<T>(job: () => Promise<T> | T): Promise<T> {
    return this.backend.fileWork.run(job);
  }

  /** Resolves once no backup (or other work on the vault file) is running or waiting. */
  settled(): Promise<void> {
    return this.backend.fileWork.settled();
  }

  /** Closes the vault for a restore without the automatic backup that a lock starts. */
  lockForRestore(): void {
    this.restoring = true;
    try {
      this.backend.lock();
    } finally {
      this.restoring = false;
    }
  }

  /** When the newest automatic backup of an environment was made, and what went wrong last, if anything. */
  statusOf(environmentId: string): EnvironmentState {
    let state = this.states.get(environmentId);
    if (!state) {
      const newest = listBackups(automaticFolderFor(this.backend.config.dataDir, environmentId)).find(
        (b) => b.kind === 'automatic' && b.verified,
      );
      state = { lastAt: newest?.takenAt ?? null, problem: null };
      this.states.set(environmentId, state);
    }
    return state;
  }

  /** At every lock: a copy of the key now, the backup once the vault file is closed. */
  atLock(closing: Session): void {
    if (this.restoring) return;
    this.note(closing, 'bij vergrendelen');
    const dataKey = copyKey(closing.dataKey);
    // Queued: it starts after lock() has closed the database (the rest of this call is synchronous).
    void this.queue(() => this.automaticBackup(closing, dataKey));
  }

  /** After every answered call: once a day while the vault stays unlocked. */
  considerDaily(): void {
    const session = this.backend.session;
    if (!session || this.running) return;
    const state = this.statusOf(session.environmentId);
    if (state.lastAt && epochMs() - Date.parse(state.lastAt) < DAY_MS) return;
    if (state.problem && epochMs() - state.problem.at < RETRY_MS) return;
    this.note(session, 'dagelijks');
    const dataKey = copyKey(session.dataKey);
    void this.queue(() => this.automaticBackup(session, dataKey));
  }

  /** "Back-up maken": a snapshot of the open vault into a folder the user chose. */
  manualBackup(session: Session, folder: string): Promise<MadeBackup> {
    const dataKey = copyKey(session.dataKey);
    const stillOpen = () => this.backend.session === session;
    return this.queue(async () => {
      try {
        if (!stillOpen()) throw new AppError('LOCKED');
        const made = await backUpInBackground(
          {
            mode: 'live',
            kind: 'manual',
            folder,
            vaultPath: session.vaultPath,
            dataKey,
            environmentId: session.environmentId,
            takenAt: new Date(now()),
            ...this.openOptions(),
          },
          stillOpen,
        );
        if (!made)
          throw new AppError('LOCKED', 'De omgeving werd vergrendeld voordat de back-up begon. Ontgrendel haar en probeer het opnieuw.');
        return made;
      } finally {
        dataKey.fill(0);
      }
    });
  }

  private openOptions() {
    const { migrationsFolder, nativeBinding } = this.backend.config;
    return { migrationsFolder, ...(nativeBinding ? { nativeBinding } : {}) };
  }

  /** The audit line of an automatic backup, written while the vault is still open (so it is in the backup too). */
  private note(session: Session, when: string): void {
    try {
      // Inside another call's transaction the line would share its fate: then it is left out.
      if (session.vault.sqlite.inTransaction) return;
      recordAudit(session.vault.db, {
        at: now(),
        userId: session.user.id,
        method: 'backup.automatic',
        note: { detail: `automatische back-up ${when}`, studentIds: [] },
      });
    } catch (err) {
      console.error('[backup] audit line not written:', err instanceof Error && 'code' in err ? String(err.code) : 'unknown');
    }
  }

  private async automaticBackup(target: Pick<Session, 'environmentId' | 'vaultPath'>, dataKey: Buffer): Promise<void> {
    const folder = automaticFolderFor(this.backend.config.dataDir, target.environmentId);
    const state = this.statusOf(target.environmentId);
    // Unlocked again by now (or never locked: the daily one): a snapshot through SQLite; else a copy of the closed file.
    const stillOpen = () => this.backend.session?.vaultPath === target.vaultPath;
    try {
      const made = await backUpInBackground(
        {
          mode: stillOpen() ? 'live' : 'closed',
          kind: 'automatic',
          folder,
          vaultPath: target.vaultPath,
          dataKey,
          environmentId: target.environmentId,
          takenAt: new Date(now()),
          ...this.openOptions(),
        },
        stillOpen,
      );
      // Skipped (written to while copied, or locked before the snapshot): the next lock makes one.
      if (!made) return;
      state.lastAt = made.takenAt;
      state.problem = null;
      pruneAutomaticFolder(folder);
    } catch (err) {
      state.problem = {
        at: epochMs(),
        message: err instanceof AppError ? err.message : 'De automatische back-up is mislukt.',
      };
      console.error('[backup] automatic backup failed:', err instanceof AppError ? err.code : err instanceof Error ? err.name : 'unknown');
    } finally {
      dataKey.fill(0);
    }
  }
}

const runners = new WeakMap<Backend, BackupRunner>();

export function backupRunner(backend: Backend): BackupRunner {
  let runner = runners.get(backend);
  if (!runner) {
    runner = new BackupRunner(backend);
    runners.set(backend, runner);
  }
  return runner;
}

/** Both shells call this once: a backup at every lock and once a day while unlocked. Returns the stop. */
export function startAutomaticBackups(backend: Backend): () => void {
  const runner = backupRunner(backend);
  runner.automatic = true;
  const stopAtLock = backend.onLocking((closing) => runner.atLock(closing));
  const stopDaily = backend.onMaybeChanged(() => runner.considerDaily());
  return () => {
    runner.automatic = false;
    stopAtLock();
    stopDaily();
  };
}

/** Resolves once every backup started has ended (quitting waits for this, with a limit). */
export function backupsSettled(backend: Backend): Promise<void> {
  return backupRunner(backend).settled();
}
