import { randomBytes } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeVaultDatabase, createVaultDatabase, openVaultDatabase } from '../../db/open';
import { appUsers, schoolSettings, vaultMeta } from '../../db/schema';
import { migrationsFolder, tempDir } from '../helpers/backend';

/**
 * 0004_intake_consent gives existing users a role. Everyone who could unlock a vault before roles
 * existed could do everything, so they become coordinators: nobody loses what they could do.
 */
describe('migration 0004: intakes, consent and user roles', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('makes the users of an older vault coordinators and lets coordinators see the Meldcode by default', () => {
    const older = join(dir.path, 'migrations-0003');
    cpSync(migrationsFolder, older, { recursive: true });
    const journalPath = join(older, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const kept = journal.entries.findIndex((e) => e.tag === '0004_intake_consent');
    for (const dropped of journal.entries.slice(kept)) rmSync(join(older, `${dropped.tag}.sql`));
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, kept) }));

    const key = randomBytes(32);
    const path = join(dir.path, 'voor-rollen.zorgoverleg');
    const old = createVaultDatabase(path, key, { migrationsFolder: older });
    old.sqlite.prepare("INSERT INTO vault_meta (key, value) VALUES ('vault_id', 'oud')").run();
    old.sqlite.prepare("INSERT INTO school_settings (id, school_name, region, updated_at) VALUES (1, 'Oude school', 'noord', 'x')").run();
    old.sqlite
      .prepare(
        "INSERT INTO app_users (id, name, staff_code, created_at) VALUES ('u1', 'Anouk Wolters', 'awo', 'x'), ('u2', 'Bram Groen', 'bgr', 'x')",
      )
      .run();
    expect(() => old.sqlite.prepare('SELECT roles FROM app_users').all()).toThrow();
    closeVaultDatabase(old);

    const upgraded = openVaultDatabase(path, key, { migrationsFolder });
    expect(upgraded.db.select({ code: appUsers.staffCode, roles: appUsers.roles }).from(appUsers).all()).toEqual([
      { code: 'awo', roles: ['coordinator'] },
      { code: 'bgr', roles: ['coordinator'] },
    ]);
    expect(upgraded.db.select().from(schoolSettings).get()?.meldcodeCoordinatorAccess).toBe(true);
    expect(upgraded.db.select().from(vaultMeta).get()?.value).toBe('oud');
    closeVaultDatabase(upgraded);
  });
});
