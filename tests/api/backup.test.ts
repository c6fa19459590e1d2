import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { desc } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { closeVaultDatabase, inspectVaultFile, openVaultDatabase } from '../../db/open';
import { auditLog, staff } from '../../db/schema';
import type { Backend } from '../../electron/api/context';
import { dispatch } from '../../electron/app/dispatch';
import { backupsSettled, startAutomaticBackups } from '../../electron/features/backup/automatic';
import { extractDatabase, readBackup } from '../../electron/features/backup/backup-file';
import { automaticFolderFor, listBackups } from '../../electron/features/backup/store';
import { vaultPathFor } from '../../electron/features/vault/environments';
import { finishReplacement, keyringPathFor, replacementMarkerFor } from '../../electron/features/vault/keyring';
import { call, callError, makeBackend, migrationsFolder, newSchool, snapshotDir, tempDir } from '../helpers/backend';

/** Issue 13, fault 3: automatic and manual backups, restore, and opening a backup elsewhere. */

const dirs: ReturnType<typeof tempDir>[] = [];
const backends: Backend[] = [];
afterEach(async () => {
  for (const backend of backends.splice(0)) {
    backend.lock();
    await backupsSettled(backend);
  }
  for (const dir of dirs.splice(0)) dir.cleanup();
});

function folder(prefix = 'zorgoverleg-backup-') {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir.path;
}

function backendIn(dataDir: string, automatic = false): Backend {
  const backend = makeBackend(dataDir);
  backends.push(backend);
  if (automatic) startAutomaticBackups(backend);
  return backend;
}

/** A new school, unlocked as its coordinator. */
async function newEnvironment(dataDir: string, options: { automatic?: boolean } = {}) {
  const backend = backendIn(dataDir, options.automatic);
  const { environmentId, recoveryKey } = await call(backend, 'vault.create', newSchool);
  const userId = (await call(backend, 'users.list', {}))[0]!.id;
  return { backend, environmentId, recoveryKey, userId, vaultPath: vaultPathFor(dataDir, environmentId) };
}

const staffMember = (name: string, code: string) => ({ id: null, name, code, functions: [], email: '', active: true });
const staffNames = async (backend: Backend) => (await call(backend, 'staff.list', {})).map((s) => s.name).sort();
const schoolName = async (backend: Backend) => (await call(backend, 'settings.get', {})).schoolName;
async function rename(backend: Backend, name: string) {
  await call(backend, 'settings.update', { ...(await call(backend, 'settings.get', {})), schoolName: name });
}
function auditDetails(backend: Backend, method: string): string[] {
  return backend
    .session!.vault.db.select()
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .all()
    .filter((l) => l.method === method)
    .map((l) => l.detail ?? '');
}

describe('automatic backups', () => {
  it('backs up at once for a new environment and again at every lock, each encrypted and verified', async () => {
    const data = folder();
    const env = await newEnvironment(data, { automatic: true });
    await call(env.backend, 'staff.save', staffMember('Jeroen Brink', 'jbr'));
    await backupsSettled(env.backend);
    const dataKey = Buffer.from(env.backend.session!.dataKey);
    env.backend.lock();
    await backupsSettled(env.backend);

    const backups = listBackups(automaticFolderFor(data, env.environmentId));
    expect(backups.map((b) => b.kind)).toEqual(['automatic', 'automatic']);
    for (const backup of backups) {
      const bytes = readFileSync(backup.path);
      // Nothing readable in the file but the label the unlock screen shows anyway.
      expect(bytes.includes('Jeroen Brink')).toBe(false);
      expect(bytes.includes('SQLite format 3')).toBe(false);
      expect(backup.verified).toBe(true);
    }
    // The newest holds the state at the lock: the staff member added just before it is in there.
    const newest = backups[0]!;
    const out = join(folder(), 'check.db');
    extractDatabase(newest.path, out);
    const opened = openVaultDatabase(out, dataKey, { migrationsFolder });
    expect(
      opened.db
        .select()
        .from(staff)
        .all()
        .map((s) => s.name),
    ).toContain('Jeroen Brink');
    closeVaultDatabase(opened);

    await call(env.backend, 'vault.unlock', {
      environmentId: env.environmentId,
      userId: env.userId,
      passphrase: newSchool.passphrase,
    });
    const overview = await call(env.backend, 'backup.overview', {});
    expect(overview.backups).toHaveLength(2);
    expect(overview.automatic.enabled).toBe(true);
    expect(overview.automatic.lastAt).toBe(newest.takenAt);
    expect(overview.mayManage).toBe(true);
    // Both automatic backups left their line in the audit log.
    expect(auditDetails(env.backend, 'backup.automatic')).toEqual([
      'automatische back-up bij vergrendelen',
      'automatische back-up dagelijks',
    ]);
  });

  it('locks at once, whatever the backup still has to do', async () => {
    const data = folder();
    const env = await newEnvironment(data, { automatic: true });
    await backupsSettled(env.backend);
    env.backend.lock();
    // The lock has returned; the backup runs behind it, and unlocking meanwhile is fine.
    expect(env.backend.session).toBeNull();
    await call(env.backend, 'vault.unlock', {
      environmentId: env.environmentId,
      userId: env.userId,
      passphrase: newSchool.passphrase,
    });
    await call(env.backend, 'staff.save', staffMember('Tijdens Backup', 'tba'));
    await backupsSettled(env.backend);
    expect(await staffNames(env.backend)).toContain('Tijdens Backup');
    expect(listBackups(automaticFolderFor(data, env.environmentId)).every((b) => b.verified)).toBe(true);
  });
});

describe('Back-up maken', () => {
  it('writes one verified file to the chosen folder and logs it', async () => {
    const env = await newEnvironment(folder());
    const stick = folder('usb-stick-');
    const made = await call(env.backend, 'backup.create', { folder: stick });
    expect(readdirSync(stick)).toEqual([made.fileName]);
    expect(made.fileName).toMatch(/^het-testlyceum-\d{4}-\d{2}-\d{2}-\d{6}\.zobackup$/);
    expect(readBackup(made.path).kind).toBe('manual');
    expect(auditDetails(env.backend, 'backup.create')).toEqual([`back-up gemaakt: ${made.fileName} in ${stick}`]);
  });

  it('names what is wrong with the folder', async () => {
    const env = await newEnvironment(folder());
    const missing = join(folder(), 'bestaat-niet');
    expect((await callError(env.backend, 'backup.create', { folder: missing })).message).toBe(
      `De map ${missing} bestaat niet. Kies een bestaande map, bijvoorbeeld je USB-stick.`,
    );
    expect((await callError(env.backend, 'backup.create', { folder: 'usb' })).message).toBe(
      'Geef de volledige plek op, bijvoorbeeld E:\\ of /media/usb-stick.',
    );
    if (existsSync('/sys')) {
      // Not writable even for root.
      expect((await callError(env.backend, 'backup.create', { folder: '/sys' })).message).toBe(
        'In de map /sys mag Zorgoverleg niet schrijven. Kies een andere map, bijvoorbeeld je USB-stick.',
      );
    }
  });

  it('leaves no backup behind when its line in the Logboek cannot be written', async () => {
    const env = await newEnvironment(folder());
    const stick = folder();
    env.backend.session!.vault.sqlite.exec(
      `CREATE TEMP TRIGGER audit_fails BEFORE INSERT ON audit_log WHEN NEW.method = ` +
        `'backup.create' BEGIN SELECT RAISE(ABORT, 'schijf vol'); END;`,
    );
    expect((await callError(env.backend, 'backup.create', { folder: stick })).code).toBe('INTERNAL');
    expect(readdirSync(stick)).toEqual([]);
    env.backend.session!.vault.sqlite.exec('DROP TRIGGER audit_fails');
    const made = await call(env.backend, 'backup.create', { folder: stick });
    expect(readdirSync(stick)).toEqual([made.fileName]);
  });

  it('is for coordinators only', async () => {
    const env = await newEnvironment(folder());
    await call(env.backend, 'users.add', {
      name: 'Bram Groen',
      staffCode: 'bgr',
      passphrase: 'bram zijn wachtwoord',
      roles: ['lid'],
    });
    const bram = (await call(env.backend, 'users.list', {})).find((u) => u.staffCode === 'bgr')!;
    await call(env.backend, 'vault.unlock', {
      environmentId: env.environmentId,
      userId: bram.id,
      passphrase: 'bram zijn wachtwoord',
    });
    expect((await callError(env.backend, 'backup.create', { folder: folder() })).code).toBe('FORBIDDEN');
    expect((await callError(env.backend, 'backup.restore', { source: { from: 'file', path: '/x.zobackup' } })).code).toBe('FORBIDDEN');
    expect((await call(env.backend, 'backup.overview', {})).mayManage).toBe(false);
  });
});

describe('Terugzetten', () => {
  it('brings back the state of the backup after a safety copy; it opens with the old passphrase and with the recovery key', async () => {
    const data = folder();
    const env = await newEnvironment(data);
    await call(env.backend, 'staff.save', staffMember('Voor De Backup', 'vdb'));
    const stick = folder();
    const backup = await call(env.backend, 'backup.create', { folder: stick });
    // After the backup: another staff member and a new passphrase.
    await call(env.backend, 'staff.save', staffMember('Na De Backup', 'ndb'));
    await call(env.backend, 'vault.changePassphrase', {
      currentPassphrase: newSchool.passphrase,
      newPassphrase: 'nieuw wachtwoord na backup',
    });

    const restored = await call(env.backend, 'backup.restore', { source: { from: 'file', path: backup.path } });
    expect(env.backend.session).toBeNull();
    expect(restored.takenAt).toBe(backup.takenAt);

    // The passphrase of today no longer opens it; the one valid at backup time does.
    expect(
      (
        await callError(env.backend, 'vault.unlock', {
          environmentId: env.environmentId,
          userId: env.userId,
          passphrase: 'nieuw wachtwoord na backup',
        })
      ).code,
    ).toBe('WRONG_PASSPHRASE');
    await call(env.backend, 'vault.unlock', {
      environmentId: env.environmentId,
      userId: env.userId,
      passphrase: newSchool.passphrase,
    });
    expect(await staffNames(env.backend)).toEqual(['Anouk Wolters', 'Voor De Backup']);
    expect(auditDetails(env.backend, 'backup.restore')[0]).toMatch(
      /^teruggezet: de back-up van .*; de gegevens van daarvoor staan in het-testlyceum-.*-voor-terugzetten\.zobackup$/,
    );

    // The safety copy holds the state from just before: it is itself a backup to go back to.
    const overview = await call(env.backend, 'backup.overview', {});
    const safety = overview.backups.find((b) => b.kind === 'safety')!;
    expect(safety.id).toBe(restored.safetyCopy);
    await call(env.backend, 'backup.restore', { source: { from: 'list', id: safety.id } });
    await call(env.backend, 'vault.unlock', {
      environmentId: env.environmentId,
      userId: env.userId,
      passphrase: 'nieuw wachtwoord na backup',
    });
    expect(await staffNames(env.backend)).toEqual(['Anouk Wolters', 'Na De Backup', 'Voor De Backup']);

    // The recovery key opens a restored backup too (and sets a new passphrase).
    await call(env.backend, 'backup.restore', { source: { from: 'file', path: backup.path } });
    await call(env.backend, 'vault.recover', {
      environmentId: env.environmentId,
      userId: env.userId,
      recoveryKey: env.recoveryKey,
      newPassphrase: 'hersteld met de sleutel',
    });
    expect(await staffNames(env.backend)).toEqual(['Anouk Wolters', 'Voor De Backup']);
  });

  it('refuses a backup of another environment and a file that is not a backup, changing nothing', async () => {
    const data = folder();
    const env = await newEnvironment(data);
    const other = await newEnvironment(folder());
    const otherBackup = await call(other.backend, 'backup.create', { folder: folder() });
    const before = snapshotDir(data);
    expect((await callError(env.backend, 'backup.restore', { source: { from: 'file', path: otherBackup.path } })).message).toBe(
      'Deze back-up hoort bij een andere omgeving (Het Testlyceum). Open haar via het beginscherm met "Omgeving openen uit back-up".',
    );
    const photo = join(folder(), 'foto.zobackup');
    writeFileSync(photo, 'geen back-up');
    expect((await callError(env.backend, 'backup.restore', { source: { from: 'file', path: photo } })).message).toBe(
      'Dit bestand is geen back-up van Zorgoverleg. Kies een bestand dat eindigt op .zobackup.',
    );
    expect((await callError(env.backend, 'backup.restore', { source: { from: 'list', id: '../../etc/passwd' } })).code).toBe('NOT_FOUND');
    expect(env.backend.session).not.toBeNull();
    expect(snapshotDir(data)).toEqual(before);
  });
});

describe('Omgeving openen uit back-up', () => {
  it('opens a backup on another computer with the passphrase of then, or with only the recovery key', async () => {
    const env = await newEnvironment(folder());
    await call(env.backend, 'staff.save', staffMember('Jeroen Brink', 'jbr'));
    const backup = await call(env.backend, 'backup.create', { folder: folder() });

    const elsewhere = backendIn(folder());
    const seen = await call(elsewhere, 'backup.inspect', { path: backup.path });
    expect(seen.label).toBe('Het Testlyceum');
    expect(seen.users.map((u) => u.name)).toEqual(['Anouk Wolters']);
    expect(
      (
        await callError(elsewhere, 'backup.open', {
          with: 'passphrase',
          path: backup.path,
          userId: env.userId,
          passphrase: 'fout',
        })
      ).code,
    ).toBe('WRONG_PASSPHRASE');
    const opened = await call(elsewhere, 'backup.open', {
      with: 'passphrase',
      path: backup.path,
      userId: env.userId,
      passphrase: newSchool.passphrase,
    });
    expect(opened).toEqual({ environmentId: 'het-testlyceum', repaired: false });
    expect(await staffNames(elsewhere)).toEqual(['Anouk Wolters', 'Jeroen Brink']);
    expect(auditDetails(elsewhere, 'backup.open')[0]).toMatch(/^omgeving geopend uit de back-up van /);
    // Once installed it is an environment like any other, and it cannot be installed twice.
    expect(
      (
        await callError(elsewhere, 'backup.open', {
          with: 'passphrase',
          path: backup.path,
          userId: env.userId,
          passphrase: newSchool.passphrase,
        })
      ).code,
    ).toBe('DUPLICATE');

    // With nothing but the printed recovery key: a new passphrase is chosen on the way in.
    const third = backendIn(folder());
    const wrongKey = await callError(third, 'backup.open', {
      with: 'recoveryKey',
      path: backup.path,
      userId: env.userId,
      recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
      newPassphrase: 'een nieuw wachtwoord',
    });
    expect(wrongKey.code).toBe('WRONG_RECOVERY_KEY');
    await call(third, 'backup.open', {
      with: 'recoveryKey',
      path: backup.path,
      userId: env.userId,
      recoveryKey: env.recoveryKey.toLowerCase().replaceAll('-', ' '),
      newPassphrase: 'een nieuw wachtwoord',
    });
    expect(await staffNames(third)).toEqual(['Anouk Wolters', 'Jeroen Brink']);
    third.lock();
    await call(third, 'vault.unlock', {
      environmentId: 'het-testlyceum',
      userId: env.userId,
      passphrase: 'een nieuw wachtwoord',
    });
  });

  it('writes nothing for a wrong passphrase or a file that is not a backup', async () => {
    const env = await newEnvironment(folder());
    const backup = await call(env.backend, 'backup.create', { folder: folder() });
    const data = folder();
    const elsewhere = backendIn(data);
    await callError(elsewhere, 'backup.open', {
      with: 'passphrase',
      path: backup.path,
      userId: env.userId,
      passphrase: 'niet het wachtwoord',
    });
    const photo = join(folder(), 'foto.zobackup');
    writeFileSync(photo, Buffer.alloc(5000, 7));
    expect((await callError(elsewhere, 'backup.inspect', { path: photo })).message).toBe(
      'Dit bestand is geen back-up van Zorgoverleg. Kies een bestand dat eindigt op .zobackup.',
    );
    expect((await callError(elsewhere, 'backup.inspect', { path: join(data, 'weg.zobackup') })).message).toBe(
      'Dit bestand bestaat niet. Controleer de map en de naam.',
    );
    expect(readdirSync(data)).toEqual([]);
  });

  it('a lost keyring comes back from a backup on this computer, and nothing since that backup is lost', async () => {
    const data = folder();
    const env = await newEnvironment(data, { automatic: true });
    await backupsSettled(env.backend);
    const [automatic] = await call(env.backend, 'backup.onThisComputer', {});
    expect(automatic?.label).toBe('Het Testlyceum');
    // Work after that backup, then the keyring file is deleted while the app is closed.
    await call(env.backend, 'staff.save', staffMember('Na De Backup', 'ndb'));
    env.backend.lock();
    await backupsSettled(env.backend);
    rmSync(keyringPathFor(env.vaultPath));
    const fresh = backendIn(data);
    expect((await call(fresh, 'vault.status', {})).environments[0]?.problem?.code).toBe('KEYRING_MISSING');

    const opened = await call(fresh, 'backup.open', {
      with: 'passphrase',
      path: automatic!.path,
      userId: env.userId,
      passphrase: newSchool.passphrase,
    });
    expect(opened).toEqual({ environmentId: env.environmentId, repaired: true });
    expect(await staffNames(fresh)).toEqual(['Anouk Wolters', 'Na De Backup']);
    expect(auditDetails(fresh, 'backup.open')[0]).toMatch(/^sleutelbestand hersteld uit de back-up van /);
    // Lost again: the recovery key alone, through the same backup, brings it back as well.
    fresh.lock();
    rmSync(keyringPathFor(env.vaultPath));
    await call(fresh, 'backup.open', {
      with: 'recoveryKey',
      path: automatic!.path,
      userId: env.userId,
      recoveryKey: env.recoveryKey,
      newPassphrase: 'weer binnen met de sleutel',
    });
    expect(await staffNames(fresh)).toEqual(['Anouk Wolters', 'Na De Backup']);
  });
});

describe('a restore interrupted after its point of no return', () => {
  async function stagedPair() {
    const data = folder();
    const env = await newEnvironment(data);
    await call(env.backend, 'staff.save', staffMember('Voor De Backup', 'vdb'));
    const backup = await call(env.backend, 'backup.create', { folder: folder() });
    await call(env.backend, 'vault.changePassphrase', {
      currentPassphrase: newSchool.passphrase,
      newPassphrase: 'wachtwoord van nu',
    });
    await call(env.backend, 'staff.save', staffMember('Na De Backup', 'ndb'));
    env.backend.lock();
    // The state a restore leaves just after writing its marker.
    const suffix = '.staged-0badc0de';
    extractDatabase(backup.path, `${env.vaultPath}${suffix}`);
    writeFileSync(`${keyringPathFor(env.vaultPath)}${suffix}`, JSON.stringify(readBackup(backup.path).keyring));
    writeFileSync(
      replacementMarkerFor(env.vaultPath),
      JSON.stringify({
        vault: `${env.environmentId}.zorgoverleg${suffix}`,
        keyring: `${env.environmentId}.zorgoverleg.keys${suffix}`,
      }),
    );
    return { data, env, suffix };
  }

  async function expectRestoredState(data: string, env: Awaited<ReturnType<typeof newEnvironment>>) {
    const fresh = backendIn(data);
    expect((await call(fresh, 'vault.status', {})).environments.map((e) => e.problem)).toEqual([null]);
    expect(
      (
        await callError(fresh, 'vault.unlock', {
          environmentId: env.environmentId,
          userId: env.userId,
          passphrase: 'wachtwoord van nu',
        })
      ).code,
    ).toBe('WRONG_PASSPHRASE');
    await call(fresh, 'vault.unlock', {
      environmentId: env.environmentId,
      userId: env.userId,
      passphrase: newSchool.passphrase,
    });
    expect(await staffNames(fresh)).toEqual(['Anouk Wolters', 'Voor De Backup']);
    expect(readdirSync(data).filter((n) => n.includes('staged') || n.endsWith('.replacing'))).toEqual([]);
  }

  it('is finished by the next look at the environments', async () => {
    const { data, env } = await stagedPair();
    await expectRestoredState(data, env);
  });

  it('is finished when the crash came between the two renames', async () => {
    const { data, env, suffix } = await stagedPair();
    // The database already in place, the keyring not yet.
    rmSync(env.vaultPath);
    writeFileSync(env.vaultPath, readFileSync(`${env.vaultPath}${suffix}`));
    rmSync(`${env.vaultPath}${suffix}`);
    await expectRestoredState(data, env);
  });

  it('finishing twice changes nothing', async () => {
    const { data, env } = await stagedPair();
    finishReplacement(env.vaultPath);
    finishReplacement(env.vaultPath);
    await expectRestoredState(data, env);
  });
});

/** Runs backup-crash-child.ts and kills it (SIGKILL) `afterMs` after it said "go"; resolves with what it printed. */
function runAndKill(args: string[], afterMs: number | null): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'backup-crash-child.ts'), ...args], {
    cwd: resolve(import.meta.dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (afterMs !== null && output.includes('go') && !child.killed) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('exit', () => done(output));
  });
}

/** A few MB of rows, so a backup or restore takes long enough to be killed in the middle of it. */
function fatten(backend: Backend) {
  const sqlite = backend.session!.vault.sqlite;
  const insert = sqlite.prepare("INSERT INTO audit_log (at, user_id, method, detail) VALUES ('2026-01-01', 'u', 'opvulling', ?)");
  sqlite.transaction(() => {
    for (let i = 0; i < 20_000; i++) insert.run(`${i} ${'x'.repeat(400)}`);
  })();
}

describe('kill -9 during a backup or a restore', () => {
  it('during a backup: the vault is untouched and every backup under its name is whole', { timeout: 240_000 }, async () => {
    const data = folder();
    const env = await newEnvironment(data);
    fatten(env.backend);
    const key = env.backend.session!.dataKey.toString('hex');
    env.backend.lock();
    const vaultBefore = readFileSync(env.vaultPath);
    const backups = automaticFolderFor(data, env.environmentId);
    for (const afterMs of [0, 15, 40, 80, 150, 300, 600]) {
      const output = await runAndKill(['backup', data, env.environmentId, key], afterMs);
      expect(output).toContain('go');
      for (const backup of listBackups(backups)) {
        expect(backup.verified).toBe(true);
        const out = join(folder(), 'check.db');
        extractDatabase(backup.path, out);
        expect(inspectVaultFile(out, Buffer.from(key, 'hex'), { migrationsFolder }).vaultId).toBe(backup.vaultId);
      }
    }
    expect(readFileSync(env.vaultPath).equals(vaultBefore)).toBe(true);
    expect(listBackups(backups).length).toBeGreaterThan(0);
    // Temporary files are hidden and never listed.
    expect(readdirSync(backups).filter((n) => !n.startsWith('.')).length).toBe(listBackups(backups).length);
  });

  it('during a restore: the environment opens in the old state or in the new one, never a mix', { timeout: 400_000 }, async () => {
    const outcomes = new Set<string>();
    // A restore of this vault takes about half a second here: most kills land inside it.
    for (const afterMs of [0, 100, 250, 350, 420, 480, 540, 620, null]) {
      const data = folder();
      const env = await newEnvironment(data);
      fatten(env.backend);
      await rename(env.backend, 'Oud Lyceum');
      const backup = await call(env.backend, 'backup.create', { folder: folder() });
      // Today's state: another name and another passphrase.
      await rename(env.backend, 'Nieuw Lyceum');
      await call(env.backend, 'vault.changePassphrase', {
        currentPassphrase: newSchool.passphrase,
        newPassphrase: 'wachtwoord van nu',
      });
      env.backend.lock();

      const output = await runAndKill(['restore', data, env.environmentId, env.userId, 'wachtwoord van nu', backup.path], afterMs);
      expect(output).toContain('go');
      if (afterMs === null) expect(output).toContain('done');

      const fresh = backendIn(data);
      const [listed] = (await call(fresh, 'vault.status', {})).environments;
      expect(listed?.problem).toBeNull();
      const withTodays = await dispatch(fresh, 'vault.unlock', {
        environmentId: env.environmentId,
        userId: env.userId,
        passphrase: 'wachtwoord van nu',
      });
      let state: string;
      if (withTodays.ok) {
        state = 'old';
        expect(await schoolName(fresh)).toBe('Nieuw Lyceum');
        expect(listed?.label).toBe('Nieuw Lyceum');
      } else {
        state = 'new';
        await call(fresh, 'vault.unlock', {
          environmentId: env.environmentId,
          userId: env.userId,
          passphrase: newSchool.passphrase,
        });
        expect(await schoolName(fresh)).toBe('Oud Lyceum');
        expect(listed?.label).toBe('Oud Lyceum');
      }
      outcomes.add(state);
      fresh.lock();
    }
    // The uninterrupted restore at least reached the new state.
    expect(outcomes.has('new')).toBe(true);
  });
});
