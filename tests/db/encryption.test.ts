import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeVaultDatabase, createVaultDatabase, inspectVaultFile, openVaultDatabase } from '../../db/open';
import { schoolSettings, vaultMeta } from '../../db/schema';
import { migrationsFolder, tempDir } from '../helpers/backend';

const sentinels = ['ZORGSENTINEL-naam-Jansen', 'ZORGSENTINEL-adres-Kerkstraat', 'ZORGSENTINEL@voorbeeld.nl'];

describe('vault file encryption', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  const path = join(dir.path, 'versleuteld.zorgoverleg');
  const key = randomBytes(32);

  it('never writes readable text to the database or its WAL, open or closed', () => {
    const vault = createVaultDatabase(path, key, { migrationsFolder });
    vault.db.insert(vaultMeta).values({ key: 'vault_id', value: 'test' }).run();
    vault.db
      .insert(schoolSettings)
      .values({
        id: 1,
        schoolName: sentinels[0]!,
        region: 'noord',
        street: sentinels[1]!,
        email: sentinels[2]!,
        updatedAt: new Date().toISOString(),
      })
      .run();

    // While open, the new rows live in the WAL: check it holds data and none of it is readable.
    expect(existsSync(`${path}-wal`)).toBe(true);
    const wal = readFileSync(`${path}-wal`);
    expect(wal.length).toBeGreaterThan(4096);
    for (const file of [readFileSync(path), wal]) {
      for (const s of sentinels) expect(file.includes(s)).toBe(false);
      expect(file.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    }

    closeVaultDatabase(vault);
    expect(existsSync(`${path}-wal`)).toBe(false);
    const main = readFileSync(path);
    for (const s of sentinels) expect(main.includes(s)).toBe(false);
    expect(main.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });

  it('opens with the right key and the required pragmas', () => {
    const vault = openVaultDatabase(path, key, { migrationsFolder });
    try {
      expect(vault.db.select().from(schoolSettings).get()?.street).toBe(sentinels[1]);
      expect(vault.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(vault.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(vault.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(vault.sqlite.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
      expect(vault.sqlite.pragma('cipher', { simple: true })).toBe('chacha20');
    } finally {
      closeVaultDatabase(vault);
    }
  });

  it('refuses a wrong key without reading anything', () => {
    expect(() => inspectVaultFile(path, randomBytes(32), { migrationsFolder })).toThrow(
      expect.objectContaining({ code: 'VAULT_NOT_OURS' }),
    );
  });
});
