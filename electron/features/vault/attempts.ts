import type { Backend } from '../../api/context';

/**
 * Failed unlock attempts per environment, in memory (the vault is closed when they happen): they
 * slow the next attempt down and are written to the audit log at the next unlock.
 */

export interface FailedAttempt {
  at: string;
  userId: string;
  with: 'wachtwoord' | 'herstelsleutel';
}

interface Attempts {
  kept: FailedAttempt[];
  /** Counted beyond what is kept: a script hammering the unlock screen must not fill the memory. */
  more: number;
  lastAtMs: number;
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

const attempts = new WeakMap<Backend, Map<string, Attempts>>();

function of(backend: Backend): Map<string, Attempts> {
  const found = attempts.get(backend) ?? new Map<string, Attempts>();
  attempts.set(backend, found);
  return found;
}

export function noteFailedAttempt(backend: Backend, environmentId: string, attempt: FailedAttempt, nowMs: number): void {
  const entry = of(backend).get(environmentId) ?? { kept: [], more: 0, lastAtMs: nowMs };
  if (entry.kept.length < MAX_KEPT) entry.kept.push(attempt);
  else entry.more += 1;
  entry.lastAtMs = nowMs;
  of(backend).set(environmentId, entry);
}

/** Milliseconds before this environment takes another attempt (0: now). */
export function attemptWaitMs(backend: Backend, environmentId: string, nowMs: number): number {
  const entry = of(backend).get(environmentId);
  return entry ? waitBeforeAttempt(entry.kept.length + entry.more, entry.lastAtMs, nowMs) : 0;
}

/** The failed attempts since the last unlock, handed over once (to the audit log) and forgotten. */
export function takeFailedAttempts(backend: Backend, environmentId: string): { kept: FailedAttempt[]; more: number } {
  const entry = of(backend).get(environmentId);
  of(backend).delete(environmentId);
  return { kept: entry?.kept ?? [], more: entry?.more ?? 0 };
}
