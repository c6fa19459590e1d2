/** What every bench section measures with: percentiles of sorted samples, a timer, and the plain twin of a vault. */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { setUpConnection, type OpenedVault } from '../../db/open';
import * as schema from '../../db/schema';
import { migrationsFolder } from '../helpers/backend';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Median, p95 and the worst of a list of samples (any order). */
export function stats(samples: number[]): { p50: number; p95: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)!, n: sorted.length };
}

export async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

export const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/**
 * The plain counterpart of db/open.ts's openKeyed: the same pragmas and migrations (so the same
 * tables and indexes), no key. A comparison with a vault then differs in the cipher only; see
 * `samePragmas` for the check.
 */
export function openPlain(path: string): OpenedVault {
  const sqlite = new Database(path);
  setUpConnection(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return { sqlite, db };
}

/** Throws unless two connections agree on everything that sets the speed, and hold the same schema. */
export function samePragmas(a: Database.Database, b: Database.Database): void {
  for (const name of [
    'journal_mode',
    'synchronous',
    'foreign_keys',
    'temp_store',
    'page_size',
    'cache_size',
    'locking_mode',
    'mmap_size',
  ]) {
    const [x, y] = [a.pragma(name, { simple: true }), b.pragma(name, { simple: true })];
    if (x !== y) throw new Error(`bench: pragma ${name} differs (${String(x)} vs ${String(y)})`);
  }
  const schemaOf = (s: Database.Database) =>
    JSON.stringify(s.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all());
  if (schemaOf(a) !== schemaOf(b)) throw new Error('bench: the two databases have different tables or indexes');
}
