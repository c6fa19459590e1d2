import type { VaultDb } from '../../../db/open';

/**
 * Lines of the log that not every reader of the log may see: whose methods, and who may read
 * their lines. A later domain registers its own at start-up (consent: Meldcode lines only for
 * users with Meldcode access), so the audit domain imports none of them. A hidden line is left
 * out of the list and the CSV export alike.
 */
export type LineReader = (db: VaultDb, userId: string) => boolean;

const registered = new Map<string, { methods: readonly string[]; mayRead: LineReader }>();

/** Registering again under the same name replaces the earlier entry (module reloads, tests). */
export function registerRestrictedLines(domain: string, methods: readonly string[], mayRead: LineReader): void {
  registered.set(domain, { methods, mayRead });
}

/** The methods whose lines this user may not read. */
export function hiddenMethodsFor(db: VaultDb, userId: string): string[] {
  return [...registered.values()].flatMap((r) => (r.mayRead(db, userId) ? [] : r.methods));
}

/** Every restricted method: for a reader outside the team (an inzage for the family), none of their lines. */
export function restrictedMethods(): string[] {
  return [...registered.values()].flatMap((r) => r.methods);
}
