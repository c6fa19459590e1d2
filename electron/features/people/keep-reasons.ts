import type { VaultDb } from '../../../db/open';

/**
 * Why a guardian must not be removed, or null if they may be. Later domains (consent) register
 * their reason at start-up, so the people domain imports none of them.
 */
export type GuardianKeepReason = (db: VaultDb, guardianId: string) => string | null;

const registered = new Map<string, GuardianKeepReason>();

export function registerGuardianKeepReason(domain: string, reason: GuardianKeepReason): void {
  registered.set(domain, reason);
}

export function guardianKeepReason(db: VaultDb, guardianId: string): string | null {
  for (const reason of registered.values()) {
    const found = reason(db, guardianId);
    if (found) return found;
  }
  return null;
}
