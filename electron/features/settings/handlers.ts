import { eq } from 'drizzle-orm';
import { appUsers, schoolSettings } from '../../../db/schema';
import type { DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { addUser, relabel } from '../vault/vault-service';
import type { VaultDb } from '../../../db/open';

function readSettings(db: VaultDb) {
  const row = db.select().from(schoolSettings).where(eq(schoolSettings.id, 1)).get();
  if (!row) throw new AppError('INTERNAL');
  return row;
}

export const settingsHandlers: DomainHandlers<'settings.get' | 'settings.update' | 'users.list' | 'users.add'> = {
  'settings.get': ({ db }) => readSettings(db),
  'settings.update': ({ db, session }, input) => {
    db.update(schoolSettings)
      .set({ ...input, updatedAt: new Date().toISOString() })
      .where(eq(schoolSettings.id, 1))
      .run();
    relabel(session, input.schoolName);
    return readSettings(db);
  },
  'users.list': ({ db }) => db.select().from(appUsers).orderBy(appUsers.name).all(),
  'users.add': ({ backend, session }, input) => addUser(backend, session, input),
};
