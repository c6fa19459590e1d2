import type { VaultDb } from '../../../db/open';
import { AppError } from '../../api/errors';
import { requireStudents } from '../people/store';
import { storedRoles } from '../settings/store';

/**
 * The log's filters name a user and a student that exist: a filter on one that does not would
 * look like "nothing happened", and an export names its student in its own audit line (a foreign key).
 */
export function requireFilterIds(db: VaultDb, filter: { userId: string | null; studentId: string | null }): void {
  if (filter.userId && storedRoles(db, filter.userId) === null) {
    throw new AppError('NOT_FOUND', 'Deze gebruiker bestaat niet (meer).', {
      userId: 'Deze gebruiker bestaat niet (meer).',
    });
  }
  requireStudents(db, [filter.studentId], 'Deze leerling', 'studentId');
}
