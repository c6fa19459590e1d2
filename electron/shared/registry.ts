/**
 * How an earlier domain hears from the domains built on it: they register an entry at start-up,
 * under their own name, and the earlier one asks every entry without importing any of them.
 * Registering again under the same name replaces the earlier entry (module reloads, tests).
 */
export interface Registry<T> {
  register(domain: string, entry: T): void;
  /** Every entry, in the order the domains first registered. */
  entries(): T[];
}

export function registry<T>(): Registry<T> {
  const byDomain = new Map<string, T>();
  return {
    register: (domain, entry) => void byDomain.set(domain, entry),
    entries: () => [...byDomain.values()],
  };
}

/** The first answer any entry gives, or null: for the registries that ask "why not?". */
export function firstReason<T>(entries: readonly T[], ask: (entry: T) => string | null): string | null {
  for (const entry of entries) {
    const reason = ask(entry);
    if (reason) return reason;
  }
  return null;
}
