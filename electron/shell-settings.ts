import { epochMs } from './shared/clock';

/**
 * What the environment may change about a shell, decided in one pure function so tests can pin it.
 * An installed app runs on a school laptop where anyone who can set an environment variable (a
 * shortcut, a login script) could otherwise load a native file of their own into the process that
 * holds the key, or keep the vault open for days: a packaged app ignores development variables, and
 * the idle lock can only be made shorter, never longer.
 */

/** Locks after this long without mouse or keyboard: a laptop left open in a meeting room. */
export const DEFAULT_IDLE_LOCK_MS = 15 * 60 * 1000;

export interface ShellSettings {
  /** After this long without input in any of the app's windows, the vault locks. */
  idleLockMs: number;
  /** Where the SQLite addon built for Electron lives (`npm start`); undefined: the one next to the app. */
  nativeBinding: string | undefined;
}

/** ZORGOVERLEG_IDLE_LOCK_MS as a whole number of milliseconds, only when it shortens the lock. */
export function idleLockMsFrom(env: Readonly<Record<string, string | undefined>>): number {
  const given = env.ZORGOVERLEG_IDLE_LOCK_MS;
  const ms = given !== undefined && /^\d+$/.test(given.trim()) ? Number(given) : NaN;
  return Number.isSafeInteger(ms) && ms > 0 && ms < DEFAULT_IDLE_LOCK_MS ? ms : DEFAULT_IDLE_LOCK_MS;
}

export function shellSettings({ packaged, env }: { packaged: boolean; env: Readonly<Record<string, string | undefined>> }): ShellSettings {
  return {
    idleLockMs: idleLockMsFrom(env),
    // Only for a development run: the installed app loads the addon shipped inside it.
    nativeBinding: packaged ? undefined : env.ZORGOVERLEG_NATIVE_BINDING || undefined,
  };
}

/**
 * When the user last did something in one of the app's windows, as the main process sees the
 * input arrive (keys, mouse, wheel, touch): it does not depend on the page's own timer, which a
 * hung or throttled page never runs.
 */
export class IdleClock {
  private last: number;

  constructor(
    readonly limitMs: number,
    private readonly clock: () => number = epochMs,
  ) {
    this.last = clock();
  }

  /** The user did something. */
  touch(): void {
    this.last = this.clock();
  }

  /** How long until the lock is due (0: it is due). */
  remainingMs(): number {
    return Math.max(0, this.last + this.limitMs - this.clock());
  }

  isDue(): boolean {
    return this.remainingMs() === 0;
  }
}
