import type { VaultDb } from '../../../db/open';
import { firstReason, registry } from '../../shared/registry';

/**
 * Why a planned meeting must not be moved or removed by re-planning the year, or deleted, or
 * null if it may. The schedule knows only "moved by hand"; the domains built on meetings
 * (intakes, agendas, minutes) register their own reason at start-up, so the schedule imports none
 * of them.
 */
export type MeetingKeepReason = (db: VaultDb, meetingId: string) => string | null;

const keepReasons = registry<MeetingKeepReason>();

export function registerMeetingKeepReason(domain: string, reason: MeetingKeepReason): void {
  keepReasons.register(domain, reason);
}

export function meetingKeepReason(db: VaultDb, meeting: { id: string; movedByHand: boolean }): string | null {
  if (meeting.movedByHand) return 'met de hand verplaatst of gewijzigd';
  return firstReason(keepReasons.entries(), (reason) => reason(db, meeting.id));
}

/**
 * Why a meeting's date, time, title or attendees may no longer change at all (its minutes are
 * vastgesteld), or null. Registered by the domains built on meetings, like the keep reasons.
 */
export type MeetingEditGuard = (db: VaultDb, meetingId: string) => string | null;

const editGuards = registry<MeetingEditGuard>();

export function registerMeetingEditGuard(domain: string, guard: MeetingEditGuard): void {
  editGuards.register(domain, guard);
}

export function meetingEditRefusal(db: VaultDb, meetingId: string): string | null {
  return firstReason(editGuards.entries(), (guard) => guard(db, meetingId));
}
