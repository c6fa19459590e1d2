import { eq } from 'drizzle-orm';
import { appUsers, schoolSettings } from '../../../db/schema';
import type { VaultDb } from '../../../db/open';
import { AppError } from '../../api/errors';
import { knownRoles, userRoleLabels, type UserRole } from './vocabulary';

export { knownRoles };

/** Read at every check, so a change of roles applies at once, without unlocking again. */
export function rolesOf(db: VaultDb, userId: string): UserRole[] {
  const row = db.select({ roles: appUsers.roles }).from(appUsers).where(eq(appUsers.id, userId)).get();
  return knownRoles(row?.roles ?? []);
}

export function requireRole(db: VaultDb, userId: string, role: UserRole, doing: string): void {
  if (!rolesOf(db, userId).includes(role)) {
    throw new AppError('FORBIDDEN', `Alleen een ${userRoleLabels[role].toLowerCase()} kan ${doing}.`);
  }
}

/** The Meldcode track: the aandachtsfunctionaris always; the coordinator when the school allows it. */
export function maySeeMeldcode(db: VaultDb, userId: string): boolean {
  const roles = rolesOf(db, userId);
  if (roles.includes('aandachtsfunctionaris')) return true;
  if (!roles.includes('coordinator')) return false;
  const settings = db.select({ allowed: schoolSettings.meldcodeCoordinatorAccess }).from(schoolSettings).get();
  return settings?.allowed ?? false;
}
