import type { VaultDb } from '../../../db/open';
import { requirePartners, requireStaff } from '../people/store';
import type { People } from './store';

/** Who sits at a series' or a meeting's table: chair, secretary and the attendees. */
export interface TablePeople {
  chairId: string | null;
  secretaryId: string | null;
  attendees: People;
}

/** Chair, secretary and attendees must exist: else the foreign key fails as an internal error. */
export function requirePeople(db: VaultDb, people: TablePeople): void {
  requireStaff(db, [people.chairId], 'De gekozen voorzitter', 'chairId');
  requireStaff(db, [people.secretaryId], 'De gekozen notulist', 'secretaryId');
  requireStaff(db, people.attendees.staffIds, 'Een gekozen deelnemer', 'attendees');
  requirePartners(db, people.attendees.partnerIds, 'Een gekozen externe partner', 'attendees');
}
