import type { VaultDb } from '../../../db/open';
import { AppError } from '../../api/errors';
import { listUsers, readSettings, storedRoles } from './store';
import { userRoleLabels, type UserRole } from './vocabulary';

/** Read at every check, so a change of roles applies at once, without unlocking again. */
export function rolesOf(db: VaultDb, userId: string): UserRole[] {
  return storedRoles(db, userId) ?? [];
}

/** "Alleen een coördinator kan …", "Alleen een coördinator, voorzitter of notulist kan …". */
export function roleRefusal(roles: readonly UserRole[], doing: string): AppError {
  const names = roles.map((r) => userRoleLabels[r].toLowerCase());
  const who = names.length > 1 ? `${names.slice(0, -1).join(', ')} of ${names.at(-1)}` : (names[0] ?? '');
  return new AppError('FORBIDDEN', `Alleen een ${who} kan ${doing}.`);
}

export function hasOneOfRoles(db: VaultDb, userId: string, roles: readonly UserRole[]): boolean {
  const has = rolesOf(db, userId);
  return roles.some((r) => has.includes(r));
}

export function requireRole(db: VaultDb, userId: string, role: UserRole, doing: string): void {
  requireOneOfRoles(db, userId, [role], doing);
}

/** One of several roles will do: the agenda is kept by the coordinator, the chair or the secretary. */
export function requireOneOfRoles(db: VaultDb, userId: string, roles: readonly UserRole[], doing: string): void {
  if (!hasOneOfRoles(db, userId, roles)) throw roleRefusal(roles, doing);
}

/** The Meldcode track: the aandachtsfunctionaris always; the coordinator when the school allows it. */
export function maySeeMeldcode(db: VaultDb, userId: string): boolean {
  const roles = rolesOf(db, userId);
  if (roles.includes('aandachtsfunctionaris')) return true;
  return roles.includes('coordinator') && readSettings(db).meldcodeCoordinatorAccess;
}

/**
 * Who decides about Meldcode access: an aandachtsfunctionaris; while the school has none yet, a
 * coordinator appoints the first. Those the access is about cannot grant it to themselves.
 */
export function mayGrantMeldcodeAccess(db: VaultDb, userId: string): boolean {
  const roles = rolesOf(db, userId);
  if (roles.includes('aandachtsfunctionaris')) return true;
  return roles.includes('coordinator') && !listUsers(db).some((u) => u.roles.includes('aandachtsfunctionaris'));
}
