import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeVaultDatabase, createVaultDatabase, inspectVaultFile, openVaultDatabase } from '../../db/open';
import type { Backend } from '../../electron/api/context';
import { dispatch } from '../../electron/app/dispatch';
import { writeRoles } from '../../electron/features/settings/store';
import { roleLossRefusal } from '../../electron/features/settings/roles';
import { checkStoredKeyring, newPendingSlot, openSlot, readStoredKeyring } from '../../electron/features/vault/key-slots';
import { keyringPathFor, RECOVERY_SLOT_ID, wrapDataKey, writeKeyring, KEYRING_FORMAT } from '../../electron/features/vault/keyring';
import { removeUser } from '../../electron/features/vault/rotation';
import { call, callError, cheapKdf, makeBackend, migrationsFolder, newSchool, tempDir } from '../helpers/backend';

/** Issue 13: removing a user takes their key slot and rotates the data key under everyone else's. */

const bram = { name: 'Bram Groen', staffCode: 'bgr', passphrase: 'wachtwoord van bram' };
const lies = { name: 'Lies Lid', staffCode: 'lli', passphrase: 'wachtwoord van lies' };

interface School {
  backend: Backend;
  dir: ReturnType<typeof tempDir>;
  environmentId: string;
  vaultPath: string;
  recoveryKey: string;
  awo: string;
  bram: string;
  lies: string;
}

async function school(): Promise<School> {
  const dir = tempDir();
  const backend = makeBackend(dir.path);
  const created = await call(backend, 'vault.create', newSchool);
  const awo = (await call(backend, 'users.list', {}))[0]!.id;
  const bramId = (await call(backend, 'users.add', { ...bram, roles: ['lid'] })).id;
  const liesId = (await call(backend, 'users.add', { ...lies, roles: ['notulist', 'voorzitter'] })).id;
  return {
    backend,
    dir,
    environmentId: created.environmentId,
    vaultPath: backend.session!.vaultPath,
    recoveryKey: created.recoveryKey,
    awo,
    bram: bramId,
    lies: liesId,
  };
}

function unlockAs(s: School, userId: string, passphrase: string) {
  s.backend.lock();
  return dispatch(s.backend, 'vault.unlock', { environmentId: s.environmentId, userId, passphrase });
}

async function expectUnlocks(s: School, userId: string, passphrase: string) {
  const result = await unlockAs(s, userId, passphrase);
  expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`).toBe('ok');
}

async function unlockError(s: School, userId: string, passphrase: string) {
  const result = await unlockAs(s, userId, passphrase);
  return result.ok ? 'ok' : result.error.code;
}

describe('removing a user', () => {
  let s: School;
  beforeEach(async () => {
    s = await school();
  });
  afterEach(() => {
    s.backend.lock();
    s.dir.cleanup();
  });

  it("a removed user's saved keyring no longer opens the vault after rotation", async () => {
    const keys = keyringPathFor(s.vaultPath);
    const saved = readFileSync(keys);
    const keyBefore = Buffer.from(s.backend.session!.dataKey);

    expect(await call(s.backend, 'users.remove', { userId: s.bram })).toEqual({
      newRecoveryKey: null,
      mustRecover: [],
    });

    // Bram's copy still gives him the old data key (it is his), and that key opens nothing now.
    const copy = checkStoredKeyring(JSON.parse(saved.toString('utf8')));
    const slot = copy.users.find((u) => u.userId === s.bram)!;
    expect(slot.kind).toBe('sealed');
    const oldKey = slot.kind === 'sealed' ? await openSlot(slot, bram.passphrase, copy.vaultId, s.bram) : null;
    expect(oldKey?.equals(keyBefore)).toBe(true);
    expect(() => inspectVaultFile(s.vaultPath, oldKey!, { migrationsFolder })).toThrow(expect.objectContaining({ code: 'VAULT_NOT_OURS' }));
    // Nor any other slot of his copy: every key in it is the old one.
    for (const other of [
      { id: s.awo, passphrase: newSchool.passphrase },
      { id: s.lies, passphrase: lies.passphrase },
    ]) {
      const theirs = copy.users.find((u) => u.userId === other.id)!;
      const key = theirs.kind === 'sealed' ? await openSlot(theirs, other.passphrase, copy.vaultId, other.id) : null;
      expect(key?.equals(keyBefore)).toBe(true);
    }

    // Through the app: his copy put in place of the keyring opens nothing, and changes nothing.
    s.backend.lock();
    const current = readFileSync(keys);
    writeFileSync(keys, saved);
    expect(await unlockError(s, s.bram, bram.passphrase)).toBe('VAULT_NOT_OURS');
    expect(await unlockError(s, s.awo, newSchool.passphrase)).toBe('VAULT_NOT_OURS');
    writeFileSync(keys, current);

    // The keyring of now: Bram is not on the unlock screen and cannot unlock.
    const listed = (await call(s.backend, 'vault.status', {})).environments[0]!.users.map((u) => u.staffCode);
    expect(listed).toEqual(['awo', 'lli']);
    expect(await unlockError(s, s.bram, bram.passphrase)).toBe('USER_NOT_FOUND');
    // Everyone else still unlocks with the passphrase they had, and the recovery key still works.
    await expectUnlocks(s, s.lies, lies.passphrase);
    await expectUnlocks(s, s.awo, newSchool.passphrase);
    expect(s.backend.session!.dataKey.equals(keyBefore)).toBe(false);
    s.backend.lock();
    await call(s.backend, 'vault.recover', {
      environmentId: s.environmentId,
      userId: s.lies,
      recoveryKey: s.recoveryKey,
      newPassphrase: 'lies haar nieuwe wachtwoord',
    });
    await expectUnlocks(s, s.lies, 'lies haar nieuwe wachtwoord');
  });

  it("keeps the removed user's name in the log, and refuses what may not be removed", async () => {
    await expectUnlocks(s, s.bram, bram.passphrase);
    await expectUnlocks(s, s.awo, newSchool.passphrase);
    await call(s.backend, 'users.remove', { userId: s.bram });

    expect((await call(s.backend, 'users.list', {})).map((u) => u.staffCode)).toEqual(['awo', 'lli']);
    const log = (
      await call(s.backend, 'audit.list', {
        filter: { userId: null, studentId: null, from: null, to: null },
        before: null,
        limit: 50,
      })
    ).entries;
    expect(log[0]).toMatchObject({
      method: 'users.remove',
      userName: 'Anouk Wolters',
      detail: 'Bram Groen verwijderd; de sleutel van de omgeving is vernieuwd',
    });
    expect(log.find((e) => e.method === 'vault.unlock' && e.userId === s.bram)?.userName).toBe('Bram Groen');

    expect(await callError(s.backend, 'users.remove', { userId: s.awo })).toEqual({
      code: 'VALIDATION',
      message: 'Je kunt jezelf niet verwijderen. Vraag een andere coördinator om dat te doen.',
    });
    expect((await callError(s.backend, 'users.remove', { userId: s.bram })).code).toBe('NOT_FOUND');
    expect((await callError(s.backend, 'users.setRoles', { userId: s.bram, roles: ['coordinator'] })).code).toBe('NOT_FOUND');

    // A member without the coordinator role is refused by the dispatcher, whatever the input.
    await expectUnlocks(s, s.lies, lies.passphrase);
    expect(await callError(s.backend, 'users.remove', { userId: s.awo })).toEqual({
      code: 'FORBIDDEN',
      message: 'Alleen een coördinator kan gebruikers verwijderen.',
    });

    // Back at school: the same staff code is given again, to a new user with a new passphrase.
    await expectUnlocks(s, s.awo, newSchool.passphrase);
    const again = await call(s.backend, 'users.add', {
      ...bram,
      passphrase: 'bram is terug op school',
      roles: ['lid'],
    });
    expect(again.id).not.toBe(s.bram);
    await expectUnlocks(s, again.id, 'bram is terug op school');
  });

  it('keeps a coordinator: the last one cannot be removed', async () => {
    const session = s.backend.session!;
    writeRoles(session.vault.db, s.lies, ['coordinator']);
    writeRoles(session.vault.db, s.awo, []);
    const whyMustStay = (at: typeof session, id: string) => roleLossRefusal(at.vault.db, id, []);
    await expect(removeUser(s.backend, session, s.lies, { whyMustStay })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Er moet minstens één coördinator blijven.',
    });
  });

  it('a passphrase change and a new colleague that run during the rotation both hold afterwards', async () => {
    const changing = dispatch(s.backend, 'vault.changePassphrase', {
      currentPassphrase: newSchool.passphrase,
      newPassphrase: 'anouk haar nieuwe wachtwoord',
    });
    const adding = dispatch(s.backend, 'users.add', {
      name: 'Kees Kok',
      staffCode: 'kko',
      passphrase: 'wachtwoord van kees',
      roles: ['lid'],
    });
    const removing = dispatch(s.backend, 'users.remove', { userId: s.bram });
    const [changed, added, removed] = await Promise.all([changing, adding, removing]);
    expect([changed.ok, added.ok, removed.ok]).toEqual([true, true, true]);
    const kees = added.ok ? (added.value as { id: string }).id : '';
    await expectUnlocks(s, kees, 'wachtwoord van kees');
    await expectUnlocks(s, s.awo, 'anouk haar nieuwe wachtwoord');
    expect(await unlockError(s, s.bram, bram.passphrase)).toBe('USER_NOT_FOUND');
  });

  it('gives no new key to a key pair put in the keyring by someone without the data key', async () => {
    // Someone with access to the folder swaps Lies's key pair for one of their own.
    const keyring = readStoredKeyring(s.vaultPath);
    const theirs = await newPendingSlot('het wachtwoord van een buitenstaander', keyring.vaultId, s.lies, cheapKdf);
    const edited = {
      ...keyring,
      users: keyring.users.map((u) =>
        u.userId === s.lies ? { ...u, kdf: theirs.kdf, wrappedKey: theirs.wrappedKey, publicKey: theirs.publicKey } : u,
      ),
    };
    writeFileSync(keyringPathFor(s.vaultPath), JSON.stringify(edited));

    const removal = await call(s.backend, 'users.remove', { userId: s.bram });
    expect(removal.mustRecover).toEqual(['Lies Lid']);
    expect(await unlockError(s, s.lies, 'het wachtwoord van een buitenstaander')).toBe('ACCESS_RESET');
    // Lies herself sets a new passphrase with the recovery key.
    await call(s.backend, 'vault.recover', {
      environmentId: s.environmentId,
      userId: s.lies,
      recoveryKey: s.recoveryKey,
      newPassphrase: 'lies haar nieuwe wachtwoord',
    });
    await expectUnlocks(s, s.lies, 'lies haar nieuwe wachtwoord');
  });

  it('a backup from before the removal still opens with the passphrases of then', async () => {
    const folder = tempDir();
    try {
      const before = await call(s.backend, 'backup.create', { folder: folder.path });
      await call(s.backend, 'users.remove', { userId: s.bram });
      const after = await call(s.backend, 'backup.create', { folder: folder.path });
      expect((await call(s.backend, 'backup.inspect', { path: after.path })).users.map((u) => u.staffCode)).toEqual(['awo', 'lli']);
      // Going back to the state of then brings that state's users back, with their passphrases of then
      // (the app knows the key of then: the rotation kept it inside the vault of now).
      await call(s.backend, 'backup.restore', { source: { from: 'file', path: before.path } });
      await expectUnlocks(s, s.bram, bram.passphrase);
      await expectUnlocks(s, s.awo, newSchool.passphrase);
      // And forward again, to the backup made with the new key: the keys of both stay known.
      await call(s.backend, 'backup.restore', { source: { from: 'file', path: after.path } });
      expect(await unlockError(s, s.bram, bram.passphrase)).toBe('USER_NOT_FOUND');
      await expectUnlocks(s, s.awo, newSchool.passphrase);
    } finally {
      folder.cleanup();
    }
  });
});

describe('keyrings of format 1 (made before this version)', () => {
  let s: School;
  beforeEach(async () => {
    s = await school();
    // The keyring as the previous version wrote it: the data key wrapped by each passphrase itself.
    const dataKey = s.backend.session!.dataKey;
    const current = readStoredKeyring(s.vaultPath);
    const slot = (userId: string, passphrase: string) => wrapDataKey(dataKey, passphrase, current.vaultId, userId, cheapKdf);
    writeKeyring(s.vaultPath, {
      format: KEYRING_FORMAT,
      version: 1,
      vaultId: current.vaultId,
      label: current.label,
      demo: false,
      cipher: 'chacha20',
      users: [
        { userId: s.awo, name: 'Anouk Wolters', staffCode: 'awo', ...(await slot(s.awo, newSchool.passphrase)) },
        { userId: s.bram, name: bram.name, staffCode: bram.staffCode, ...(await slot(s.bram, bram.passphrase)) },
        { userId: s.lies, name: lies.name, staffCode: lies.staffCode, ...(await slot(s.lies, lies.passphrase)) },
      ],
      recovery: await wrapDataKey(dataKey, s.recoveryKey, current.vaultId, RECOVERY_SLOT_ID, cheapKdf),
    });
    s.backend.lock();
  });
  afterEach(() => {
    s.backend.lock();
    s.dir.cleanup();
  });

  const kindOf = (userId: string) => readStoredKeyring(s.vaultPath).users.find((u) => u.userId === userId)?.kind;

  it('still opens; each slot is sealed at its owner’s next unlock', async () => {
    await expectUnlocks(s, s.awo, newSchool.passphrase);
    expect(readStoredKeyring(s.vaultPath).version).toBe(2);
    expect([kindOf(s.awo), kindOf(s.bram)]).toEqual(['sealed', undefined]);
    await expectUnlocks(s, s.bram, bram.passphrase);
    expect(kindOf(s.bram)).toBe('sealed');
    // Twice: a sealed slot opens as well.
    await expectUnlocks(s, s.bram, bram.passphrase);
    await expectUnlocks(s, s.awo, newSchool.passphrase);
  });

  it('a rotation resets slots it cannot reach and replaces the recovery key it cannot reseal', async () => {
    const keys = keyringPathFor(s.vaultPath);
    const liesCopy = join(s.dir.path, 'kopie-van-lies.keys');
    copyFileSync(keys, liesCopy);
    await expectUnlocks(s, s.awo, newSchool.passphrase);
    const removal = await call(s.backend, 'users.remove', { userId: s.lies });
    expect(removal.mustRecover).toEqual(['Bram Groen']);
    expect(removal.newRecoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);

    // Lies's copy of the format 1 keyring: her old key opens nothing.
    const copy = checkStoredKeyring(JSON.parse(readFileSync(liesCopy, 'utf8')));
    const liesSlot = copy.users.find((u) => u.userId === s.lies)!;
    const oldKey = liesSlot.kind === 'reset' ? null : await openSlot(liesSlot, lies.passphrase, copy.vaultId, s.lies);
    expect(oldKey).not.toBeNull();
    expect(() => inspectVaultFile(s.vaultPath, oldKey!, { migrationsFolder })).toThrow(expect.objectContaining({ code: 'VAULT_NOT_OURS' }));

    // Bram's slot could not be given the new key: he is told to use the recovery key; the old one no longer works.
    expect(kindOf(s.bram)).toBe('reset');
    expect(await unlockError(s, s.bram, bram.passphrase)).toBe('ACCESS_RESET');
    const old = await callError(s.backend, 'vault.recover', {
      environmentId: s.environmentId,
      userId: s.bram,
      recoveryKey: s.recoveryKey,
      newPassphrase: 'bram zijn nieuwe wachtwoord',
    });
    expect(old.code).toBe('WRONG_RECOVERY_KEY');
    await call(s.backend, 'vault.recover', {
      environmentId: s.environmentId,
      userId: s.bram,
      recoveryKey: removal.newRecoveryKey!,
      newPassphrase: 'bram zijn nieuwe wachtwoord',
    });
    await expectUnlocks(s, s.bram, 'bram zijn nieuwe wachtwoord');
    await expectUnlocks(s, s.awo, newSchool.passphrase);
  });
});

describe('the migration that keeps removed users (0008)', () => {
  it('upgrades a vault of the version before: users stay, a staff code is unique among active users only', () => {
    const dir = tempDir();
    try {
      // The migrations folder as the previous version shipped it.
      const older = join(dir.path, 'migrations-oud');
      cpSync(migrationsFolder, older, { recursive: true });
      const journalPath = join(older, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
      const index = journal.entries.findIndex((e) => e.tag === '0008_removed_users');
      for (const dropped of journal.entries.slice(index)) rmSync(join(older, `${dropped.tag}.sql`));
      writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));

      const path = join(dir.path, 'oud.zorgoverleg');
      const key = randomBytes(32);
      const old = createVaultDatabase(path, key, { migrationsFolder: older });
      old.sqlite.prepare("INSERT INTO vault_meta (key, value) VALUES ('vault_id', 'oud')").run();
      old.sqlite.prepare("INSERT INTO app_users (id, name, staff_code, created_at) VALUES ('u1', 'Anouk Wolters', 'awo', 'x')").run();
      closeVaultDatabase(old);

      const upgraded = openVaultDatabase(path, key, { migrationsFolder });
      try {
        expect(upgraded.sqlite.prepare('SELECT id, removed_at AS removedAt FROM app_users').all()).toEqual([{ id: 'u1', removedAt: null }]);
        const add = (id: string) =>
          upgraded.sqlite
            .prepare("INSERT INTO app_users (id, name, staff_code, created_at) VALUES (?, 'Anouk Wolters', 'awo', 'x')")
            .run(id);
        expect(() => add('u2')).toThrow(/UNIQUE/);
        upgraded.sqlite.prepare("UPDATE app_users SET removed_at = 'x' WHERE id = 'u1'").run();
        add('u2');
        expect(upgraded.sqlite.prepare('SELECT count(*) AS n FROM retired_data_keys').get()).toEqual({ n: 0 });
      } finally {
        closeVaultDatabase(upgraded);
      }
    } finally {
      dir.cleanup();
    }
  });
});

describe('a rotation killed part-way (kill -9)', () => {
  const steps = ['prepared', 'copied', 'rekeyed', 'staged', 'closed', 'marker', 'swapped'] as const;
  const finished = new Set<string>(['marker', 'swapped']);

  async function killedAt(stopAt: string, afterMs: number | null = null, fat = false) {
    const s = await school();
    if (fat) fatten(s.backend);
    const saved = readFileSync(keyringPathFor(s.vaultPath));
    s.backend.lock();
    const output = await runChild([s.dir.path, s.environmentId, s.awo, newSchool.passphrase, s.bram, stopAt], afterMs);
    expect(output).toContain('go');
    return { s, saved, output };
  }

  /** Whatever the moment: the environment opens, and either Bram is still there with the old pair or gone with the new. */
  async function expectUsablePair(s: School, saved: Buffer): Promise<'old' | 'new'> {
    const fresh = makeBackend(s.dir.path);
    try {
      expect((await call(fresh, 'vault.status', {})).environments.map((e) => e.problem)).toEqual([null]);
      await call(fresh, 'vault.unlock', {
        environmentId: s.environmentId,
        userId: s.awo,
        passphrase: newSchool.passphrase,
      });
      expect(fresh.session!.vault.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
      const stillThere = (await call(fresh, 'users.list', {})).some((u) => u.id === s.bram);
      // Nothing staged or half-replaced is left once the environment was opened.
      expect(readdirSync(s.dir.path).filter((n) => n.includes('.rotating-') || n.endsWith('.replacing'))).toEqual([]);
      const copy = checkStoredKeyring(JSON.parse(saved.toString('utf8')));
      const slot = copy.users.find((u) => u.userId === s.bram)!;
      const bramsKey = slot.kind === 'sealed' ? await openSlot(slot, bram.passphrase, copy.vaultId, s.bram) : null;
      fresh.lock();
      let opens = true;
      try {
        inspectVaultFile(s.vaultPath, bramsKey!, { migrationsFolder });
      } catch {
        opens = false;
      }
      // Removed exactly when his key no longer opens the vault: never one without the other.
      expect(opens).toBe(stillThere);
      const bramUnlocks = await dispatch(fresh, 'vault.unlock', {
        environmentId: s.environmentId,
        userId: s.bram,
        passphrase: bram.passphrase,
      });
      expect(bramUnlocks.ok).toBe(stillThere);
      const liesUnlocks = await dispatch(fresh, 'vault.unlock', {
        environmentId: s.environmentId,
        userId: s.lies,
        passphrase: lies.passphrase,
      });
      expect(liesUnlocks.ok).toBe(true);
      return stillThere ? 'old' : 'new';
    } finally {
      fresh.lock();
    }
  }

  it.each(steps)(
    'at "%s" leaves the old pair or the new one',
    async (step) => {
      const { s, saved } = await killedAt(step);
      try {
        expect(await expectUsablePair(s, saved)).toBe(finished.has(step) ? 'new' : 'old');
      } finally {
        s.dir.cleanup();
      }
    },
    60_000,
  );

  it('killed in the middle of each step in a larger vault (the copy, the rekey, …), leaves the old pair or the new one', async () => {
    // When each step ends in one uninterrupted removal here; then a kill halfway through each.
    const timing = await killedAt('none', null, true);
    timing.s.dir.cleanup();
    const marks = [
      0,
      ...[...timing.output.matchAll(/step \w+ at (\d+) ms/g)].map((m) => Number(m[1])),
      Number(/took (\d+)/.exec(timing.output)?.[1]),
    ];
    expect(marks).toHaveLength(steps.length + 1);
    const outcomes: string[] = [];
    for (let i = 1; i < marks.length; i++) {
      const { s, saved, output } = await killedAt('timed', Math.round((marks[i - 1]! + marks[i]!) / 2), true);
      try {
        outcomes.push(`${output.includes('done') ? 'finished' : 'killed'} ${await expectUsablePair(s, saved)}`);
      } finally {
        s.dir.cleanup();
      }
    }
    // The kills landed inside the removal (the copy and the rekey take most of it), not all after it.
    expect(outcomes.filter((o) => o.startsWith('killed')).length).toBeGreaterThanOrEqual(2);
  }, 240_000);
});

/** Runs users-crash-child.ts, and kills it `afterMs` after it said "go" (null: it stops itself). Resolves with what it printed. */
function runChild(args: string[], afterMs: number | null): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'users-crash-child.ts'), ...args], {
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

/** A few MB of rows, so a rotation takes long enough to be killed in the middle of it. */
function fatten(backend: Backend) {
  const sqlite = backend.session!.vault.sqlite;
  const insert = sqlite.prepare("INSERT INTO audit_log (at, user_id, method, detail) VALUES ('2026-01-01', 'u', 'opvulling', ?)");
  sqlite.transaction(() => {
    for (let i = 0; i < 20_000; i++) insert.run(`${i} ${'x'.repeat(400)}`);
  })();
}
