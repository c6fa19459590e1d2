import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, truncateSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { closeVaultDatabase, createVaultDatabase, openVaultDatabase } from '../../db/open';
import { schoolSettings, vaultMeta } from '../../db/schema';
import { migrationsFolder, snapshotDir, tempDir } from '../helpers/backend';

describe('files that are not a (whole) vault', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  const key = randomBytes(32);

  function makeVault(name: string): string {
    const path = join(dir.path, name);
    const vault = createVaultDatabase(path, key, { migrationsFolder });
    vault.db.insert(vaultMeta).values({ key: 'vault_id', value: name }).run();
    for (let i = 0; i < 200; i++) {
      vault.sqlite.prepare('INSERT INTO audit_log (at, user_id, method) VALUES (?, ?, ?)').run(`t${i}`, 'u', 'x'.repeat(200));
    }
    vault.db.insert(schoolSettings).values({ id: 1, schoolName: 'S', region: 'noord', updatedAt: 'x' }).run();
    closeVaultDatabase(vault);
    return path;
  }

  function expectRefused(path: string, code: string) {
    const before = snapshotDir(dir.path);
    expect(() => openVaultDatabase(path, key, { migrationsFolder })).toThrow(expect.objectContaining({ code }));
    expect(snapshotDir(dir.path)).toEqual(before);
  }

  it('a random file is not ours', () => {
    const path = join(dir.path, 'willekeurig.zorgoverleg');
    writeFileSync(path, randomBytes(16384));
    expectRefused(path, 'VAULT_NOT_OURS');
  });

  it('a plain (unencrypted) SQLite database is not ours', () => {
    const path = join(dir.path, 'gewoon.zorgoverleg');
    const plain = new Database(path);
    plain.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    plain.close();
    expectRefused(path, 'VAULT_NOT_OURS');
  });

  it('a text document is not ours', () => {
    const path = join(dir.path, 'brief.zorgoverleg');
    writeFileSync(path, 'Geachte ouders,\n'.repeat(1024));
    expectRefused(path, 'VAULT_NOT_OURS');
  });

  it('a vault cut off mid-page is truncated', () => {
    const path = makeVault('afgekapt.zorgoverleg');
    truncateSync(path, statSync(path).size - 1000);
    expectRefused(path, 'VAULT_TRUNCATED');
  });

  it('a vault cut off at a page boundary is truncated', () => {
    const path = makeVault('halve-paginas.zorgoverleg');
    const size = statSync(path).size;
    truncateSync(path, Math.floor(size / 2 / 4096) * 4096);
    expectRefused(path, 'VAULT_TRUNCATED');
  });

  it('an empty file is truncated', () => {
    const path = join(dir.path, 'leeg.zorgoverleg');
    writeFileSync(path, '');
    expectRefused(path, 'VAULT_TRUNCATED');
  });

  it('a vault with a flipped byte is refused, not silently read', () => {
    const path = makeVault('beschadigd.zorgoverleg');
    const bytes = readFileSync(path);
    const at = bytes.length - 2000;
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(path, bytes);
    expect(() => openVaultDatabase(path, key, { migrationsFolder })).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/VAULT_TRUNCATED|VAULT_NOT_OURS/) }),
    );
  });
});
