import type { OpenedVault, VaultDb } from '../../db/open';
import { closeVaultDatabase } from '../../db/open';
import { SerialQueue } from '../shared/serial-queue';
import { isUserError } from './errors';

/** The cost of deriving a key from a passphrase (scrypt's N, r, p). */
export interface KdfCost {
  N: number;
  r: number;
  p: number;
}

export interface BackendConfig {
  /** Folder holding the environments (vaults and keyrings). */
  dataDir: string;
  migrationsFolder: string;
  nativeBinding?: string;
  /** Only tests lower this; the app always uses the default cost. */
  kdfCost?: KdfCost;
}

export interface SessionUser {
  id: string;
  name: string;
  staffCode: string;
}

export interface Session {
  environmentId: string;
  vaultPath: string;
  vaultId: string;
  demo: boolean;
  vault: OpenedVault;
  dataKey: Buffer;
  user: SessionUser;
}

/** The backend's state for one app instance: its configuration and the unlocked vault, if any. */
export class Backend {
  private current: Session | null = null;
  /** Counts locks: a key operation that started before one (an unlock) must not finish after it. */
  lockCount = 0;
  /** What must go when the vault locks: temporary files of opened attachments. */
  private lockCleanups: (() => void)[] = [];
  /** Told after every answered call and at every lock: live views (the projector) look again. */
  private changeListeners = new Set<() => void>();
  /** Told as a session closes, its key still whole: automatic backups take what they need here. */
  private lockingListeners = new Set<(closing: Session) => void>();
  /** What went wrong as the last vault closed (a full disk): closed all the same; the start screen says it until the next unlock. */
  closeProblem: string | null = null;
  /**
   * Work on the vault file that must not overlap, one job at a time: backups, restores and key
   * rotation. The backup domain and the vault both queue here, so neither needs the other.
   */
  readonly fileWork = new SerialQueue();

  constructor(readonly config: BackendConfig) {}

  get session(): Session | null {
    return this.current;
  }

  startSession(session: Session): void {
    this.lock();
    this.closeProblem = null;
    this.current = session;
  }

  /** Runs `cleanup` at the next lock (or quit), once. */
  whenLocked(cleanup: () => void): void {
    this.lockCleanups.push(cleanup);
  }

  /** Listens for "something may have changed": a call was answered or the vault locked. */
  onMaybeChanged(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Listens for a session about to close. Must be quick; a copy of the key it takes is its own to wipe. */
  onLocking(listener: (closing: Session) => void): () => void {
    this.lockingListeners.add(listener);
    return () => this.lockingListeners.delete(listener);
  }

  maybeChanged(): void {
    for (const listener of [...this.changeListeners]) listener();
  }

  /**
   * Closes the database, wipes the data key from memory and removes temporary files. Never throws:
   * it runs from timers, window events and quitting, and nothing may keep the vault open.
   */
  lock(): void {
    this.lockCount++;
    for (const cleanup of this.lockCleanups.splice(0)) {
      try {
        cleanup();
      } catch (err) {
        // A viewer may still hold the file (Windows): try again at the next lock. Log the code
        // only; the message holds a path.
        this.lockCleanups.push(cleanup);
        console.error('[lock] cleanup failed:', err instanceof Error && 'code' in err ? String(err.code) : 'unknown');
      }
    }
    const session = this.current;
    if (!session) return;
    for (const listener of [...this.lockingListeners]) {
      try {
        listener(session);
      } catch (err) {
        // Nothing a listener does may keep the vault open.
        console.error('[lock] listener failed:', err instanceof Error && 'code' in err ? String(err.code) : 'unknown');
      }
    }
    this.current = null;
    try {
      closeVaultDatabase(session.vault);
    } catch (err) {
      // closeVaultDatabase closes the connection before it reports: the vault is shut either way.
      this.closeProblem = isUserError(err)
        ? err.message
        : 'De omgeving is vergrendeld, maar bij het sluiten ging iets mis. Wat was opgeslagen, wordt bij het volgende openen verwerkt.';
      console.error('[lock] closing the vault:', err instanceof Error && 'code' in err ? String(err.code) : 'unknown');
    } finally {
      session.dataKey.fill(0);
      this.maybeChanged();
    }
  }
}

export interface PublicContext {
  backend: Backend;
}

/** What an audited call took out (an export, a letter): the detail and the students of its line in the audit log. */
export interface AuditNote {
  detail: string;
  studentIds: string[];
}

export interface UnlockedContext extends PublicContext {
  session: Session;
  db: VaultDb;
  /** Describes what an audited call (an export, a letter) took out, for its line in the audit log. */
  noteForAudit: (note: AuditNote) => void;
}
