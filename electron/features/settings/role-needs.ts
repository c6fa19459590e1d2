import type { VaultDb } from '../../../db/open';
import type { UserRole } from './vocabulary';

/**
 * Why the school must keep someone in a role, or null. Later domains register their reason at
 * start-up (consent: while Meldcode tracks exist an aandachtsfunctionaris must decide who sees
 * them), so the settings domain imports none of them.
 */
export type RoleNeed = (db: VaultDb) => string | null;

const registered = new Map<string, { role: UserRole; need: RoleNeed }>();

/** Registering again under the same name replaces the earlier function (module reloads, tests). */
export function registerRoleNeed(domain: string, role: UserRole, need: RoleNeed): void {
  registered.set(domain, { role, need });
}

export function roleNeed(db: VaultDb, role: UserRole): string | null {
  for (const entry of registered.values()) {
    if (entry.role !== role) continue;
    const found = entry.need(db);
    if (found) return found;
  }
  return null;
}
