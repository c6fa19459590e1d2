import type { VaultDb } from '../../../db/open';
import { firstReason, registry } from '../../shared/registry';

/**
 * Why a guardian must not be removed, or null if they may be. Later domains (consent) register
 * their reason at start-up, so the people domain imports none of them.
 */
export type GuardianKeepReason = (db: VaultDb, guardianId: string) => string | null;

const keepReasons = registry<GuardianKeepReason>();

export function registerGuardianKeepReason(domain: string, reason: GuardianKeepReason): void {
  keepReasons.register(domain, reason);
}

export function guardianKeepReason(db: VaultDb, guardianId: string): string | null {
  return firstReason(keepReasons.entries(), (reason) => reason(db, guardianId));
}
