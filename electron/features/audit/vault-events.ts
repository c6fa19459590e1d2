import type { Backend, Session } from '../../api/context';
import { now } from '../../shared/clock';
import { recordAudit } from './store';

/**
 * Unlocks, failed unlocks and locks in the audit log. A failed attempt happens while the vault is
 * closed; the vault domain keeps them and hands them over at the next unlock, so whoever opens
 * the vault leaves the record that someone tried.
 */
export interface FailedUnlocks {
  kept: { at: string; userId: string; with: 'wachtwoord' | 'herstelsleutel'; via?: 'backup' | 'wachtwoord wijzigen' }[];
  more: number;
}

/** Writes the failed attempts since the last unlock, the unlock itself, and (at the next lock) the lock. */
export function logSessionStart(
  backend: Backend,
  session: Session,
  method: 'vault.unlock' | 'vault.recover' | 'vault.create',
  missed: FailedUnlocks,
): void {
  const db = session.vault.db;
  for (const attempt of missed.kept) {
    const where =
      attempt.via === 'backup'
        ? ' bij het openen van een back-up'
        : attempt.via === 'wachtwoord wijzigen'
          ? ' bij het wijzigen van het wachtwoord'
          : '';
    recordAudit(db, {
      at: attempt.at,
      userId: attempt.userId,
      method: 'vault.unlockFailed',
      note: {
        detail: `onjuist${attempt.with === 'wachtwoord' ? ' wachtwoord' : 'e herstelsleutel'}${where}`,
        studentIds: [],
      },
    });
  }
  if (missed.more)
    recordAudit(db, {
      at: now(),
      userId: session.user.id,
      method: 'vault.unlockFailed',
      note: { detail: `en nog ${missed.more} mislukte pogingen`, studentIds: [] },
    });
  recordAudit(db, { at: now(), userId: session.user.id, method, note: null });
  backend.whenLocked(() => {
    // Never in the way of the lock itself (a full disk, a closed database): the lock goes on.
    try {
      if (backend.session !== session) return;
      // The session's connection of now: a rotation of the data key (vault/rotation.ts) replaced it.
      recordAudit(session.vault.db, { at: now(), userId: session.user.id, method: 'vault.lock', note: null });
    } catch (err) {
      console.error('[audit] lock not logged:', err instanceof Error && 'code' in err ? String(err.code) : 'unknown');
    }
  });
}

/** A file opened again within this time is the same visit (the page re-reads after every save). */
const SAME_VISIT_MS = 10 * 60 * 1000;
const visits = new WeakMap<Session, Map<string, number>>();

/** Whether opening this student's file starts a new visit worth a line in the log. */
export function isNewVisit(session: Session, studentId: string, nowMs: number): boolean {
  const seen = visits.get(session) ?? new Map<string, number>();
  visits.set(session, seen);
  const last = seen.get(studentId);
  seen.set(studentId, nowMs);
  return last === undefined || nowMs - last > SAME_VISIT_MS;
}
