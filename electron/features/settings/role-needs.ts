import type { VaultDb } from '../../../db/open';
import type { UserRole } from './vocabulary';
import { firstReason, registry } from '../../shared/registry';

/**
 * Why the school must keep someone in a role, or null. Later domains register their reason at
 * start-up (consent: while Meldcode tracks exist an aandachtsfunctionaris must decide who sees
 * them), so the settings domain imports none of them.
 */
export type RoleNeed = (db: VaultDb) => string | null;

const needs = registry<{ role: UserRole; need: RoleNeed }>();

export function registerRoleNeed(domain: string, role: UserRole, need: RoleNeed): void {
  needs.register(domain, { role, need });
}

export function roleNeed(db: VaultDb, role: UserRole): string | null {
  return firstReason(
    needs.entries().filter((entry) => entry.role === role),
    (entry) => entry.need(db),
  );
}
