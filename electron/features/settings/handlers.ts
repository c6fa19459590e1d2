import type { DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { prepareUser, relabel } from '../vault/vault-service';
import { removeUser } from '../vault/rotation';
import { grantsOwnMeldcodeAccess, mayGrantMeldcodeAccess, roleLossRefusal, rolesOf } from './roles';
import { checkLogo } from './logo';
import { listUsers, readLogo, readSettings, storedRoles, writeLogo, writeRoles, writeSettings } from './store';
import { registerFilterIdOwner } from '../audit/filter-ids';
import { registerSessionRoles } from '../vault/session-roles';

/** What settings tell earlier domains: the session's roles; the logboek's user filter names a user who can still unlock. */
export function registerSettingsHooks(): void {
  registerSessionRoles(rolesOf);
  registerFilterIdOwner('settings', 'userId', (db, id) => storedRoles(db, id) !== null, 'Deze gebruiker bestaat niet (meer).');
}

const meldcodeAccessRefused =
  'Alleen de aandachtsfunctionaris kan toegang tot Meldcode-trajecten geven. Wie die toegang zou krijgen, kan haar niet zelf aanzetten.';
const ownMeldcodeAccessRefused =
  'Je kunt jezelf geen rol geven die toegang tot Meldcode-trajecten geeft. Dat beslist de aandachtsfunctionaris; ' +
  'heeft de school er nog geen, dan benoemt een andere coördinator de eerste.';

export const settingsHandlers: DomainHandlers<
  | 'settings.get'
  | 'settings.update'
  | 'settings.logo'
  | 'settings.setLogo'
  | 'settings.removeLogo'
  | 'users.list'
  | 'users.add'
  | 'users.setRoles'
  | 'users.remove'
> = {
  // Who may call these is in the contract's roles table, applied by the dispatcher; what depends on
  // the data (Meldcode access, the last coordinator) is checked here.
  'settings.get': ({ db }) => readSettings(db),
  'settings.update': ({ db, session }, input) => {
    // Switching coordinators' Meldcode access off is always allowed; on only by whoever decides about it.
    const turningOn = input.meldcodeCoordinatorAccess && !readSettings(db).meldcodeCoordinatorAccess;
    if (
      turningOn &&
      (!mayGrantMeldcodeAccess(db, session.user.id) || grantsOwnMeldcodeAccess(db, session.user.id, { coordinatorAccess: true }))
    ) {
      throw new AppError('FORBIDDEN', meldcodeAccessRefused, { meldcodeCoordinatorAccess: meldcodeAccessRefused });
    }
    writeSettings(db, input);
    relabel(session, input.schoolName);
    return readSettings(db);
  },
  'settings.logo': ({ db }) => {
    const logo = readLogo(db);
    return logo ? { contentBase64: logo.data.toString('base64'), type: logo.type, width: logo.width, height: logo.height } : null;
  },
  'settings.setLogo': ({ db }, { contentBase64 }) => {
    const data = Buffer.from(contentBase64, 'base64');
    const checked = checkLogo(data);
    if ('problem' in checked) throw new AppError('VALIDATION', checked.problem, { logo: checked.problem });
    writeLogo(db, { data, ...checked });
    return null;
  },
  'settings.removeLogo': ({ db }) => {
    writeLogo(db, null);
    return null;
  },
  'users.list': ({ db }) => listUsers(db),
  'users.add': {
    // The key is wrapped first (slow); the user, the line and the key file go in together after.
    prepare: async ({ backend, session, db }, input) => {
      if (input.roles.includes('aandachtsfunctionaris') && !mayGrantMeldcodeAccess(db, session.user.id)) {
        throw new AppError('FORBIDDEN', meldcodeAccessRefused);
      }
      return prepareUser(backend, session, input);
    },
  },
  'users.setRoles': ({ db, session }, { userId, roles }) => {
    const before = storedRoles(db, userId);
    if (!before) throw new AppError('NOT_FOUND', 'Deze gebruiker bestaat niet (meer).');
    const changesMeldcode = before.includes('aandachtsfunctionaris') !== roles.includes('aandachtsfunctionaris');
    if (changesMeldcode && !mayGrantMeldcodeAccess(db, session.user.id)) throw new AppError('FORBIDDEN', meldcodeAccessRefused);
    if (userId === session.user.id && grantsOwnMeldcodeAccess(db, userId, { roles })) {
      throw new AppError('FORBIDDEN', ownMeldcodeAccessRefused, { roles: ownMeldcodeAccessRefused });
    }
    // The school keeps someone who can hand out roles, and an aandachtsfunctionaris while Meldcode tracks exist.
    const refusal = roleLossRefusal(db, userId, roles);
    if (refusal) throw new AppError('VALIDATION', refusal, { roles: refusal });
    writeRoles(db, userId, roles);
    return null;
  },
  'users.remove': {
    replacesVault: ({ backend, session }, { userId }) =>
      removeUser(backend, session, userId, { whyMustStay: (s, id) => roleLossRefusal(s.vault.db, id, []) }),
  },
};
