import type { VaultDb } from '../../../db/open';
import { AppError } from '../../api/errors';
import { roleNeed } from './role-needs';
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
export function rolesOpenMeldcode(roles: readonly UserRole[], coordinatorAccess: boolean): boolean {
  return roles.includes('aandachtsfunctionaris') || (roles.includes('coordinator') && coordinatorAccess);
}

export function maySeeMeldcode(db: VaultDb, userId: string): boolean {
  return rolesOpenMeldcode(rolesOf(db, userId), readSettings(db).meldcodeCoordinatorAccess);
}

/**
 * Whether this change would open the Meldcode to the user who makes it: nobody grants that access
 * to themselves, neither by a role nor by the school's switch for coordinators.
 */
export function grantsOwnMeldcodeAccess(
  db: VaultDb,
  userId: string,
  change: { roles?: readonly UserRole[]; coordinatorAccess?: boolean },
): boolean {
  const rolesNow = rolesOf(db, userId);
  const accessNow = readSettings(db).meldcodeCoordinatorAccess;
  return !rolesOpenMeldcode(rolesNow, accessNow) && rolesOpenMeldcode(change.roles ?? rolesNow, change.coordinatorAccess ?? accessNow);
}

/**
 * Why this user may not end up with only `rolesAfter` (a change of roles, or [] for a removal), or
 * null: the school keeps a coordinator, and someone in every role a later domain still needs
 * (an aandachtsfunctionaris while Meldcode tracks exist).
 */
export function roleLossRefusal(db: VaultDb, userId: string, rolesAfter: readonly UserRole[]): string | null {
  const before = storedRoles(db, userId) ?? [];
  const others = listUsers(db).filter((u) => u.id !== userId);
  for (const role of before.filter((r) => !rolesAfter.includes(r))) {
    if (others.some((u) => u.roles.includes(role))) continue;
    if (role === 'coordinator') return 'Er moet minstens één coördinator blijven.';
    const need = roleNeed(db, role);
    if (need) return `Er moet minstens één ${userRoleLabels[role].toLowerCase()} blijven: ${need}. Geef eerst iemand anders die rol.`;
  }
  return null;
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
