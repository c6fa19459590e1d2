import type { Backend } from '../../api/context';
import { AppError } from '../../api/errors';
import { now } from '../../shared/clock';

/**
 * The one limiter for every check of a passphrase or recovery key: unlocking, the recovery key,
 * changing one's passphrase and opening a backup. Counted per vault (its id, which a backup of it
 * shares), in memory: the vault is closed when most attempts happen. After three wrong ones each
 * next attempt waits 1, 2, 4 … up to 30 seconds, and an attempt still being checked counts as a
 * wrong one until it is known not to be: twenty attempts sent at once get one check, not twenty.
 * Failed attempts are written to the audit log at the vault's next unlock.
 */

export interface FailedAttempt {
  at: string;
  userId: string;
  with: 'wachtwoord' | 'herstelsleutel';
  /** Where the secret was tried, when not on the unlock screen. */
  via?: 'backup' | 'wachtwoord wijzigen';
}

interface Attempts {
  kept: FailedAttempt[];
  /** Counted beyond what is kept: a script hammering the unlock screen must not fill the memory. */
  more: number;
  lastAtMs: number;
  /** Reserved and not yet answered. */
  inFlight: number;
}

const MAX_KEPT = 200;
/** Free attempts before the wait starts; then 1, 2, 4 … seconds, at most this long. */
const FREE_ATTEMPTS = 3;
const MAX_WAIT_MS = 30_000;

/** How long to wait after `failures` failed attempts in a row, the last at `lastAtMs`. Pure. */
export function waitBeforeAttempt(failures: number, lastAtMs: number, nowMs: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS));
  return Math.max(0, lastAtMs + wait - nowMs);
}

/**
 * The wait before one more attempt, with `inFlight` attempts still being checked. Each of those
 * counts as failed just now; once it is answered the count is what really happened. Pure.
 */
export function waitWithInFlight(failures: number, inFlight: number, lastAtMs: number, nowMs: number): number {
  if (failures + inFlight < FREE_ATTEMPTS) return 0;
  if (inFlight > 0) return waitBeforeAttempt(failures + inFlight, nowMs, nowMs);
  return waitBeforeAttempt(failures, lastAtMs, nowMs);
}

/** The key a vault's attempts are counted under. */
export const attemptsKeyOfVault = (vaultId: string) => `vault:${vaultId}`;

const attempts = new WeakMap<Backend, Map<string, Attempts>>();

function entryOf(backend: Backend, key: string): Attempts {
  const all = attempts.get(backend) ?? new Map<string, Attempts>();
  attempts.set(backend, all);
  const entry = all.get(key) ?? { kept: [], more: 0, lastAtMs: 0, inFlight: 0 };
  all.set(key, entry);
  return entry;
}

/** Nothing to remember: a script trying many backup files leaves no entry per file behind. */
function forgetIfEmpty(backend: Backend, key: string, entry: Attempts): void {
  if (entry.inFlight === 0 && entry.kept.length === 0 && entry.more === 0) attempts.get(backend)?.delete(key);
}

export const tooManyAttempts = (waitMs: number) =>
  new AppError(
    'TOO_MANY_ATTEMPTS',
    `Te veel onjuiste pogingen. Probeer het over ${Math.max(1, Math.ceil(waitMs / 1000))} seconden opnieuw.`,
  );

const isWrongSecret = (err: unknown) => err instanceof AppError && (err.code === 'WRONG_PASSPHRASE' || err.code === 'WRONG_RECOVERY_KEY');

/**
 * Runs `check` (which tests `attempt.with` for `attempt.userId`) when the limiter allows it: the
 * attempt is reserved before anything slow starts and released when it is answered; a wrong
 * secret is counted and kept for the log. Refused attempts are not checked at all.
 */
export async function limitedAttempt<T>(
  backend: Backend,
  key: string,
  attempt: Omit<FailedAttempt, 'at'>,
  check: () => Promise<T>,
): Promise<T> {
  const entry = entryOf(backend, key);
  const wait = waitWithInFlight(entry.kept.length + entry.more, entry.inFlight, entry.lastAtMs, Date.parse(now()));
  if (wait > 0) throw tooManyAttempts(wait);
  entry.inFlight += 1;
  try {
    return await check();
  } catch (err) {
    if (isWrongSecret(err)) {
      const at = now();
      if (entry.kept.length < MAX_KEPT) entry.kept.push({ ...attempt, at });
      else entry.more += 1;
      entry.lastAtMs = Date.parse(at);
    }
    throw err;
  } finally {
    entry.inFlight -= 1;
    forgetIfEmpty(backend, key, entry);
  }
}

/** The failed attempts since the last unlock, handed over once (to the audit log) and forgotten. */
export function takeFailedAttempts(backend: Backend, key: string): { kept: FailedAttempt[]; more: number } {
  const entry = entryOf(backend, key);
  const taken = { kept: entry.kept, more: entry.more };
  entry.kept = [];
  entry.more = 0;
  entry.lastAtMs = 0;
  forgetIfEmpty(backend, key, entry);
  return taken;
}
