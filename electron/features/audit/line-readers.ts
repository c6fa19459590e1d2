import type { VaultDb } from '../../../db/open';
import { registry } from '../../shared/registry';

/**
 * Lines of the log that not every reader of the log may see: whose methods, and who may read
 * their lines. A later domain registers its own at start-up (consent: Meldcode lines only for
 * users with Meldcode access), so the audit domain imports none of them. A hidden line is left
 * out of the list and the CSV export alike.
 */
export type LineReader = (db: VaultDb, userId: string) => boolean;

const restricted = registry<{ methods: readonly string[]; mayRead: LineReader }>();

export function registerRestrictedLines(domain: string, methods: readonly string[], mayRead: LineReader): void {
  restricted.register(domain, { methods, mayRead });
}

/** The methods whose lines this user may not read. */
export function hiddenMethodsFor(db: VaultDb, userId: string): string[] {
  return restricted.entries().flatMap((r) => (r.mayRead(db, userId) ? [] : r.methods));
}

/** Every restricted method: for a reader outside the team (an inzage for the family), none of their lines. */
export function restrictedMethods(): string[] {
  return restricted.entries().flatMap((r) => r.methods);
}
