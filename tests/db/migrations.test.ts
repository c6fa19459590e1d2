import { randomBytes } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeVaultDatabase, createVaultDatabase, openVaultDatabase } from '../../db/open';
import { appUsers, auditLog, schoolSettings, staff, vaultMeta } from '../../db/schema';
import { migrationsFolder, snapshotDir, tempDir } from '../helpers/backend';

interface Journal {
  entries: { idx: number; when: number; tag: string; breakpoints: boolean; version: string }[];
}

/** A copy of the real migrations folder, cut to the first `count` migrations (an older app). */
function migrationsUpTo(into: string, count: number): string {
  cpSync(migrationsFolder, into, { recursive: true });
  const journalPath = join(into, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
  for (const dropped of journal.entries.slice(count)) rmSync(join(into, `${dropped.tag}.sql`));
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return into;
}

/** The same, cut just before the migration tagged `firstLeftOut` (by tag: later migrations may be added). */
function migrationsBefore(into: string, firstLeftOut: string): string {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
  const index = journal.entries.findIndex((e) => e.tag === firstLeftOut);
  if (index < 1) throw new Error(`no migration ${firstLeftOut} after the first`);
  return migrationsUpTo(into, index);
}

function tableNames(sqlite: { prepare(sql: string): { all(): unknown[] } }): string[] {
  return (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );
}

describe('migrations', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  const key = randomBytes(32);

  it('bring an empty vault to the current schema', () => {
    const vault = createVaultDatabase(join(dir.path, 'leeg.zorgoverleg'), key, { migrationsFolder });
    expect(tableNames(vault.sqlite)).toEqual(expect.arrayContaining(['app_users', 'audit_log', 'school_settings', 'vault_meta']));
    closeVaultDatabase(vault);
  });

  it('upgrade a vault made by the previous version and keep its data', () => {
    const path = join(dir.path, 'oud.zorgoverleg');
    const older = migrationsUpTo(join(dir.path, 'migrations-oud'), 1);
    const old = createVaultDatabase(path, key, { migrationsFolder: older });
    expect(tableNames(old.sqlite)).not.toContain('audit_log');
    // Raw SQL: today's schema has columns the first version did not.
    old.sqlite.prepare("INSERT INTO vault_meta (key, value) VALUES ('vault_id', 'oud')").run();
    old.sqlite.prepare("INSERT INTO school_settings (id, school_name, region, updated_at) VALUES (1, 'Oude school', 'zuid', 'x')").run();
    closeVaultDatabase(old);

    const upgraded = openVaultDatabase(path, key, { migrationsFolder });
    expect(tableNames(upgraded.sqlite)).toContain('audit_log');
    expect(upgraded.db.select().from(schoolSettings).get()?.schoolName).toBe('Oude school');
    closeVaultDatabase(upgraded);
  });

  it('0002 makes every user of a vault from before people a staff member with the same code, and links them', () => {
    const path = join(dir.path, 'voor-personen.zorgoverleg');
    const old = createVaultDatabase(path, key, {
      migrationsFolder: migrationsBefore(join(dir.path, 'migrations-0001'), '0002_people'),
    });
    expect(tableNames(old.sqlite)).not.toContain('staff');
    // Raw SQL, in the columns of 0000/0001: real rows for the data step to carry over.
    old.sqlite.prepare("INSERT INTO vault_meta (key, value) VALUES ('vault_id', 'voor-personen')").run();
    old.sqlite.prepare("INSERT INTO school_settings (id, school_name, region, updated_at) VALUES (1, 'Oude school', 'zuid', 'x')").run();
    old.sqlite
      .prepare('INSERT INTO app_users (id, name, staff_code, created_at) VALUES (?, ?, ?, ?)')
      .run('u-awo', 'Anouk Wolters', 'awo', '2025-09-01T08:00:00.000Z');
    old.sqlite
      .prepare('INSERT INTO app_users (id, name, staff_code, created_at) VALUES (?, ?, ?, ?)')
      .run('u-bgr', 'Bram Groen', 'bgr', '2025-10-06T12:30:00.000Z');
    old.sqlite.prepare("INSERT INTO audit_log (at, user_id, method) VALUES ('2025-10-06T12:31:00.000Z', 'u-awo', 'users.add')").run();
    closeVaultDatabase(old);

    const upgraded = openVaultDatabase(path, key, { migrationsFolder });
    const people = upgraded.db.select().from(staff).orderBy(staff.code).all();
    expect(
      people.map((p) => ({
        id: p.id,
        name: p.name,
        code: p.code,
        functions: p.functions,
        email: p.email,
        active: p.active,
        updatedAt: p.updatedAt,
      })),
    ).toEqual([
      {
        id: 'u-awo',
        name: 'Anouk Wolters',
        code: 'awo',
        functions: [],
        email: '',
        active: true,
        updatedAt: '2025-09-01T08:00:00.000Z',
      },
      {
        id: 'u-bgr',
        name: 'Bram Groen',
        code: 'bgr',
        functions: [],
        email: '',
        active: true,
        updatedAt: '2025-10-06T12:30:00.000Z',
      },
    ]);
    // Each user points at the staff member with their code (the link later screens follow).
    const users = upgraded.db
      .select({ id: appUsers.id, code: appUsers.staffCode, staffId: appUsers.staffId })
      .from(appUsers)
      .orderBy(appUsers.staffCode)
      .all();
    expect(users).toEqual([
      { id: 'u-awo', code: 'awo', staffId: 'u-awo' },
      { id: 'u-bgr', code: 'bgr', staffId: 'u-bgr' },
    ]);
    expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(
      upgraded.db
        .select()
        .from(auditLog)
        .all()
        .map((l) => l.method),
    ).toEqual(['users.add']);
    expect(upgraded.db.select().from(schoolSettings).get()?.schoolName).toBe('Oude school');
    closeVaultDatabase(upgraded);
  });

  it('an older app refuses a vault from a newer app and leaves it untouched', () => {
    const path = join(dir.path, 'nieuw.zorgoverleg');
    const newer = join(dir.path, 'migrations-nieuw');
    cpSync(migrationsFolder, newer, { recursive: true });
    const journalPath = join(newer, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_future' });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(join(newer, '9999_future.sql'), 'CREATE TABLE future_feature (id integer primary key);');

    const vault = createVaultDatabase(path, key, { migrationsFolder: newer });
    vault.db.insert(vaultMeta).values({ key: 'vault_id', value: 'nieuw' }).run();
    closeVaultDatabase(vault);

    const before = snapshotDir(dir.path);
    expect(() => openVaultDatabase(path, key, { migrationsFolder })).toThrow(
      expect.objectContaining({ code: 'VAULT_NEWER', message: expect.stringMatching(/nieuwere versie/) }),
    );
    expect(snapshotDir(dir.path)).toEqual(before);
  });
});
