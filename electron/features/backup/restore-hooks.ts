import type { VaultDb } from '../../../db/open';
import { registry } from '../../shared/registry';

/**
 * What a later domain carries across a restore ("Terugzetten"): `carry` reads the vault that is
 * about to be replaced, while it is still open; what it returns is applied to the restored vault
 * before the swap, in the restore's own transaction, so no screen ever reads the restored data
 * without it. Retention re-applies its erasure ledger this way (retention/ledger.ts).
 */
export type RestoreCarrier = (current: VaultDb) => (restored: VaultDb, userId: string) => void;

const carriers = registry<RestoreCarrier>();

export function registerRestoreCarrier(domain: string, carrier: RestoreCarrier): void {
  carriers.register(domain, carrier);
}

/** Every registered domain's part, read from the current vault now. */
export function carryAcrossRestore(current: VaultDb): ((restored: VaultDb, userId: string) => void)[] {
  return carriers.entries().map((carry) => carry(current));
}
