import type { VaultDb } from '../../../db/open';

/**
 * Why a planned meeting must not be moved or removed by re-planning the year, or deleted, or
 * null if it may. The schedule knows only "moved by hand"; the domains built on meetings
 * (intakes, agendas, minutes) register their own reason at start-up, so the schedule imports none
 * of them.
 */
export type MeetingKeepReason = (db: VaultDb, meetingId: string) => string | null;

const registered = new Map<string, MeetingKeepReason>();

/** Registering again under the same name replaces the earlier function (module reloads, tests). */
export function registerMeetingKeepReason(domain: string, reason: MeetingKeepReason): void {
  registered.set(domain, reason);
}

export function meetingKeepReason(db: VaultDb, meeting: { id: string; movedByHand: boolean }): string | null {
  if (meeting.movedByHand) return 'met de hand verplaatst of gewijzigd';
  for (const reason of registered.values()) {
    const found = reason(db, meeting.id);
    if (found) return found;
  }
  return null;
}

/**
 * Why a meeting's date, time, title or attendees may no longer change at all (its minutes are
 * vastgesteld), or null. Registered by the domains built on meetings, like the keep reasons.
 */
export type MeetingEditGuard = (db: VaultDb, meetingId: string) => string | null;

const editGuards = new Map<string, MeetingEditGuard>();

export function registerMeetingEditGuard(domain: string, guard: MeetingEditGuard): void {
  editGuards.set(domain, guard);
}

export function meetingEditRefusal(db: VaultDb, meetingId: string): string | null {
  for (const guard of editGuards.values()) {
    const found = guard(db, meetingId);
    if (found) return found;
  }
  return null;
}
