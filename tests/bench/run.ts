// `npm run bench`: speed and memory of the foundation, measured in one run on this machine.
// Not a test: it prints figures (and ratios, which travel between machines better than ms).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Backend } from '../../electron/api/context';
import { dispatch } from '../../electron/api/dispatch';
import { closeVaultDatabase, createVaultDatabase } from '../../db/open';
import { migrationsFolder, tempDir } from '../helpers/backend';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const dir = tempDir('zorgoverleg-bench-');
try {
  // 1. Create and unlock with the real scrypt cost.
  const backend = new Backend({ dataDir: dir.path, migrationsFolder });
  const passphrase = 'bench wachtwoord 2026';
  const [created, createMs] = await timed(() =>
    dispatch(backend, 'vault.create', { schoolName: 'Bench', region: 'midden', userName: 'B', staffCode: 'ben', passphrase }),
  );
  if (!created.ok) throw new Error(created.error.message);
  backend.lock();
  const status = await dispatch(backend, 'vault.status', {});
  if (!status.ok) throw new Error('status');
  const env = (status.value as { environments: { id: string; users: { id: string }[] }[] }).environments[0]!;
  const unlockTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [r, ms] = await timed(() => dispatch(backend, 'vault.unlock', { environmentId: env.id, userId: env.users[0]!.id, passphrase }));
    if (!r.ok) throw new Error(r.error.message);
    unlockTimes.push(ms);
    if (i < 4) backend.lock();
  }
  const [wrong, wrongMs] = await timed(() => dispatch(backend, 'vault.unlock', { environmentId: env.id, userId: env.users[0]!.id, passphrase: 'fout' }));
  if (wrong.ok) throw new Error('wrong passphrase accepted');

  // 2. Read and write latency through the dispatcher (the path every screen takes).
  const reads: number[] = [];
  for (let i = 0; i < 2000; i++) reads.push((await timed(() => dispatch(backend, 'settings.get', {})))[1]);
  const settings = await dispatch(backend, 'settings.get', {});
  if (!settings.ok) throw new Error('settings');
  const writes: number[] = [];
  for (let i = 0; i < 200; i++) {
    writes.push((await timed(() => dispatch(backend, 'settings.update', { ...(settings.value as object), city: `Plaats ${i}` })))[1]);
  }
  backend.lock();
  reads.sort((a, b) => a - b);
  writes.sort((a, b) => a - b);

  // 3. The price of encryption: the same inserts, encrypted vault vs plain SQLite, same pragmas.
  const rows = 20_000;
  const encrypted = createVaultDatabase(join(dir.path, 'enc.db'), randomBytes(32), { migrationsFolder });
  const encInsert = encrypted.sqlite.prepare('INSERT INTO audit_log (at, user_id, method) VALUES (?, ?, ?)');
  const [, encMs] = await timed(() =>
    encrypted.sqlite.transaction(() => {
      for (let i = 0; i < rows; i++) encInsert.run(`${i}`, 'u', 'x'.repeat(64));
    })(),
  );
  const [, encReadMs] = await timed(() => encrypted.sqlite.prepare('SELECT count(*), max(length(method)) FROM audit_log').get());
  closeVaultDatabase(encrypted);
  const plain = new Database(join(dir.path, 'plain.db'));
  plain.pragma('journal_mode = WAL');
  plain.pragma('synchronous = FULL');
  plain.exec('CREATE TABLE audit_log (id integer primary key autoincrement, at text not null, user_id text not null, method text not null)');
  const insert = plain.prepare('INSERT INTO audit_log (at, user_id, method) VALUES (?, ?, ?)');
  const [, plainMs] = await timed(() =>
    plain.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run(`${i}`, 'u', 'x'.repeat(64));
    })(),
  );
  plain.close();

  const memory = process.memoryUsage();
  console.log('Zorgoverleg bench (foundation)');
  console.log(`  create environment (2 scrypt wraps + migrations): ${fmt(createMs)}`);
  console.log(`  unlock, median of 5 (scrypt N=2^17 + open + checks): ${fmt(unlockTimes.sort((a, b) => a - b)[2]!)}`);
  console.log(`  wrong passphrase refused in: ${fmt(wrongMs)}`);
  console.log(`  settings.get via dispatcher: p50 ${fmt(percentile(reads, 50))}, p95 ${fmt(percentile(reads, 95))} (n=${reads.length})`);
  console.log(`  settings.update via dispatcher (synchronous=FULL): p50 ${fmt(percentile(writes, 50))}, p95 ${fmt(percentile(writes, 95))} (n=${writes.length})`);
  console.log(`  ${rows} inserts in one transaction: encrypted ${fmt(encMs)}, plain ${fmt(plainMs)}, ratio ${(encMs / plainMs).toFixed(2)}x`);
  console.log(`  full scan of ${rows} encrypted rows: ${fmt(encReadMs)}`);
  console.log(`  memory: rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`);
} finally {
  dir.cleanup();
}
