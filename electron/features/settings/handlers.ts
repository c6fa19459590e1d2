import { eq } from 'drizzle-orm';
import { appUsers, schoolSettings } from '../../../db/schema';
import type { DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { addUser, relabel } from '../vault/vault-service';
import { requireRole } from './roles';
import { knownRoles } from './vocabulary';
import type { VaultDb } from '../../../db/open';

function readSettings(db: VaultDb) {
  const row = db.select().from(schoolSettings).where(eq(schoolSettings.id, 1)).get();
  if (!row) throw new AppError('INTERNAL');
  return row;
}

export const settingsHandlers: DomainHandlers<'settings.get' | 'settings.update' | 'users.list' | 'users.add' | 'users.setRoles'> = {
  'settings.get': ({ db }) => readSettings(db),
  'settings.update': ({ db, session }, input) => {
    requireRole(db, session.user.id, 'coordinator', 'de schoolinstellingen wijzigen');
    db.update(schoolSettings)
      .set({ ...input, updatedAt: new Date().toISOString() })
      .where(eq(schoolSettings.id, 1))
      .run();
    relabel(session, input.schoolName);
    return readSettings(db);
  },
  'users.list': ({ db }) =>
    db
      .select()
      .from(appUsers)
      .orderBy(appUsers.name)
      .all()
      .map((u) => ({ ...u, roles: knownRoles(u.roles) })),
  'users.add': ({ backend, session, db }, input) => {
    requireRole(db, session.user.id, 'coordinator', 'gebruikers toevoegen');
    return addUser(backend, session, input);
  },
  'users.setRoles': ({ db, session }, { userId, roles }) => {
    requireRole(db, session.user.id, 'coordinator', 'rollen toekennen');
    // The school must keep someone who can hand out roles.
    const coordinators = db.select({ id: appUsers.id, roles: appUsers.roles }).from(appUsers).all().filter((u) => u.id !== userId && u.roles.includes('coordinator'));
    if (!roles.includes('coordinator') && coordinators.length === 0) {
      throw new AppError('VALIDATION', 'Er moet minstens één coördinator blijven.');
    }
    const result = db.update(appUsers).set({ roles: [...new Set(roles)] }).where(eq(appUsers.id, userId)).run();
    if (result.changes === 0) throw new AppError('NOT_FOUND', 'Deze gebruiker bestaat niet (meer).');
    return null;
  },
};
