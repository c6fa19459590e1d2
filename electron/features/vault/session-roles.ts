import type { VaultDb } from '../../../db/open';
import type { HandlerOutput } from '../../api/handler-types';
import { registry } from '../../shared/registry';

type Roles = HandlerOutput<'vault.unlock'>['user']['roles'];

/**
 * The roles a session's user holds live with the settings domain, which sits above the vault (it
 * adds users with their key slots). Settings hands the vault its reader at start-up, so the
 * session the vault reports carries the roles without the vault importing settings.
 */
const readers = registry<(db: VaultDb, userId: string) => Roles>();

export function registerSessionRoles(read: (db: VaultDb, userId: string) => Roles): void {
  readers.register('settings', read);
}

/** None until settings registered: the screens then show no duties, and the dispatcher still checks every call. */
export function sessionRolesOf(db: VaultDb, userId: string): Roles {
  return readers.entries()[0]?.(db, userId) ?? [];
}
