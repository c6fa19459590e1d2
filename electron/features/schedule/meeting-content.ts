import type { VaultDb } from '../../../db/open';

/**
 * Why a planned meeting must not be moved or deleted by regenerating the year, or null if it may.
 * The agenda, intake and minutes features add their own checks here: a meeting that has any of
 * them keeps its date until a person moves it.
 */
export function meetingKeepReason(_db: VaultDb, meeting: { id: string; movedByHand: boolean }): string | null {
  if (meeting.movedByHand) return 'met de hand verplaatst of gewijzigd';
  return null;
}
