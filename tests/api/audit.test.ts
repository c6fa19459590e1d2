import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/api/context';
import type { VaultDb } from '../../db/open';
import { staff } from '../../db/schema';
import type { UnlockedContext } from '../../electron/api/context';
import { contract, methodNames } from '../../electron/app/contract';
import { handlers } from '../../electron/app/handlers';
import { call, callError, makeBackend, newSchool, tempDir } from '../helpers/backend';

/**
 * The audit log through the real dispatcher: a change and its line commit together (a failing
 * audit insert undoes the change, and a retry does it once); unlocks, failed attempts and locks
 * are logged; opening a student's file is logged once per visit; the coordinator's viewer filters
 * by user, student and period, and exports a CSV that a spreadsheet cannot turn into formulas.
 */

describe('the audit log', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  let environmentId: string;
  let awoUserId: string;

  const everything = async () =>
    (
      await call(backend, 'audit.list', {
        filter: { userId: null, studentId: null, from: null, to: null },
        before: null,
        limit: 500,
      })
    ).entries;
  const methods = async () => (await everything()).map((e) => e.method).reverse();
  const addStudent = async (givenName: string, familyName: string, studentNumber: string) =>
    (
      await call(backend, 'students.save', {
        id: null,
        givenName,
        infix: '',
        familyName,
        studentNumber,
        className: '2B',
        yearLevel: 2,
        level: 'havo',
        birthDate: '2012-03-10',
        mentorId: null,
      })
    ).id;

  beforeEach(async () => {
    dir = tempDir('zorgoverleg-audit-');
    backend = makeBackend(dir.path);
    ({ environmentId } = await call(backend, 'vault.create', newSchool));
    awoUserId = (await call(backend, 'users.list', {}))[0]!.id;
  });
  afterEach(() => {
    backend.lock();
    dir.cleanup();
  });

  it('undoes a change whose audit line cannot be written, and a retry does it once', async () => {
    const sqlite = backend.session!.vault.sqlite;
    sqlite.exec(`CREATE TEMP TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'schijf vol'); END;`);
    const input = { id: null, name: 'Bram Groen', code: 'bgr', functions: ['LLCO'], email: '', active: true };
    expect((await callError(backend, 'staff.save', input)).code).toBe('INTERNAL');
    expect((await call(backend, 'staff.list', {})).map((s) => s.code)).not.toContain('bgr');

    sqlite.exec('DROP TRIGGER audit_fails');
    await call(backend, 'staff.save', input);
    expect((await call(backend, 'staff.list', {})).filter((s) => s.code === 'bgr')).toHaveLength(1);
    expect((await methods()).filter((m) => m === 'staff.save')).toHaveLength(1);
  });

  it('adds no user when the line of users.add cannot be written: no user, no key slot; a retry adds one', async () => {
    const sqlite = backend.session!.vault.sqlite;
    sqlite.exec(
      `CREATE TEMP TRIGGER audit_fails BEFORE INSERT ON audit_log WHEN NEW.method = 'users.add' ` +
        `BEGIN SELECT RAISE(ABORT, 'schijf vol'); END;`,
    );
    const input = { name: 'Vera Visser', staffCode: 'vvi', passphrase: 'wachtwoord van vera', roles: ['lid' as const] };
    expect((await callError(backend, 'users.add', input)).code).toBe('INTERNAL');
    expect((await call(backend, 'users.list', {})).map((u) => u.staffCode)).not.toContain('vvi');
    expect((await call(backend, 'staff.list', {})).map((s) => s.code)).not.toContain('vvi');
    // Nor a slot in the key file: the unlock screen does not offer her.
    expect((await call(backend, 'vault.status', {})).environments[0]!.users.map((u) => u.staffCode)).not.toContain('vvi');

    sqlite.exec('DROP TRIGGER audit_fails');
    await call(backend, 'users.add', input);
    expect((await call(backend, 'users.list', {})).filter((u) => u.staffCode === 'vvi')).toHaveLength(1);
    expect((await call(backend, 'vault.status', {})).environments[0]!.users.filter((u) => u.staffCode === 'vvi')).toHaveLength(1);
    expect((await methods()).filter((m) => m === 'users.add')).toHaveLength(1);
  });

  it('keeps the passphrase when the line of vault.changePassphrase cannot be written', async () => {
    backend.session!.vault.sqlite.exec(
      `CREATE TEMP TRIGGER audit_fails BEFORE INSERT ON audit_log WHEN NEW.method = ` +
        `'vault.changePassphrase' BEGIN SELECT RAISE(ABORT, 'schijf vol'); END;`,
    );
    const change = { currentPassphrase: newSchool.passphrase, newPassphrase: 'een heel nieuw wachtwoord' };
    expect((await callError(backend, 'vault.changePassphrase', change)).code).toBe('INTERNAL');
    await call(backend, 'vault.lock', {});
    expect((await callError(backend, 'vault.unlock', { environmentId, userId: awoUserId, passphrase: change.newPassphrase })).code).toBe(
      'WRONG_PASSPHRASE',
    );
    await call(backend, 'vault.unlock', { environmentId, userId: awoUserId, passphrase: newSchool.passphrase });
    // The temporary trigger went with the lock: now it is changed, and logged once.
    await call(backend, 'vault.changePassphrase', change);
    expect((await methods()).filter((m) => m === 'vault.changePassphrase')).toHaveLength(1);
  });

  it('refuses a handler that awaits and then writes outside its commit step, and keeps nothing of it', async () => {
    const staffSave = handlers['staff.save'];
    const usersAdd = handlers['users.add'];
    const write = (db: VaultDb, code: string) =>
      db.insert(staff).values({ id: code, name: 'Ergens Tussenin', code, functions: [], updatedAt: new Date().toISOString() }).run();
    try {
      // A plain async handler: writes after its await would miss the transaction and the line.
      Object.assign(handlers, {
        'staff.save': async ({ db }: UnlockedContext) => {
          await Promise.resolve();
          write(db, 'aaa');
          return { id: 'aaa' };
        },
      });
      const input = { id: null, name: 'Ergens Tussenin', code: 'aaa', functions: [], email: '', active: true };
      expect((await callError(backend, 'staff.save', input)).code).toBe('INTERNAL');
      // A prepare step that writes: its database refuses.
      Object.assign(handlers, {
        'users.add': {
          prepare: async ({ db }: UnlockedContext) => {
            await Promise.resolve();
            write(db, 'bbb');
            return () => ({ id: 'bbb' });
          },
        },
      });
      expect(
        (
          await callError(backend, 'users.add', {
            name: 'Ergens Tussenin',
            staffCode: 'bbb',
            passphrase: 'wachtwoord van bbb',
            roles: [],
          })
        ).code,
      ).toBe('INTERNAL');
    } finally {
      Object.assign(handlers, { 'staff.save': staffSave, 'users.add': usersAdd });
    }
    await new Promise((done) => setTimeout(done, 20));
    const codes = (await call(backend, 'staff.list', {})).map((s) => s.code);
    expect(codes).not.toContain('aaa');
    expect(codes).not.toContain('bbb');
    expect(await methods()).toEqual(['vault.create']);
  });

  it(
    'leaves the line of a vault replaced whole to its handler: such a method is not audited, and one ' +
      'that is is refused before it runs',
    async () => {
      // Its line goes into the vault that takes the old one's place, before the swap (a restore, a removal).
      for (const method of methodNames) {
        const handler: unknown = handlers[method];
        if (typeof handler === 'object' && handler !== null && 'replacesVault' in handler)
          expect(contract[method].audited, method).not.toBe(true);
      }
      const staffSave = handlers['staff.save'];
      let ran = false;
      try {
        Object.assign(handlers, {
          'staff.save': {
            replacesVault: async () => {
              ran = true;
              return { id: 'ccc' };
            },
          },
        });
        expect(
          (
            await callError(backend, 'staff.save', {
              id: null,
              name: 'Ergens Tussenin',
              code: 'ccc',
              functions: [],
              email: '',
              active: true,
            })
          ).code,
        ).toBe('INTERNAL');
      } finally {
        Object.assign(handlers, { 'staff.save': staffSave });
      }
      expect(ran).toBe(false);
    },
  );

  it('applies the roles row again after the slow part: a coordinator demoted meanwhile adds no user', async () => {
    const usersAdd = handlers['users.add'];
    if (!('prepare' in usersAdd)) throw new Error('users.add is a prepared handler');
    // A second coordinator, so the demotion below leaves the school one.
    await call(backend, 'users.add', {
      name: 'Bram Groen',
      staffCode: 'bgr',
      passphrase: 'wachtwoord van bram',
      roles: ['coordinator'],
    });
    try {
      Object.assign(handlers, {
        'users.add': {
          prepare: async (...[ctx, input]: Parameters<typeof usersAdd.prepare>) => {
            const commit = await usersAdd.prepare(ctx, input);
            // While the key was wrapped, the other coordinator took this one's role away.
            backend.session!.vault.sqlite.prepare('UPDATE app_users SET roles = ? WHERE id = ?').run('["lid"]', awoUserId);
            return commit;
          },
        },
      });
      const refused = await callError(backend, 'users.add', {
        name: 'Vera Visser',
        staffCode: 'vvi',
        passphrase: 'wachtwoord van vera',
        roles: ['lid'],
      });
      expect(refused.code).toBe('FORBIDDEN');
    } finally {
      Object.assign(handlers, { 'users.add': usersAdd });
    }
    expect((await call(backend, 'users.list', {})).map((u) => u.staffCode)).not.toContain('vvi');
    expect((await call(backend, 'vault.status', {})).environments[0]!.users.map((u) => u.staffCode)).not.toContain('vvi');
  });

  it('logs the unlock with the failed attempts before it, and the lock', async () => {
    await call(backend, 'vault.lock', {});
    for (let i = 0; i < 2; i++)
      expect((await callError(backend, 'vault.unlock', { environmentId, userId: awoUserId, passphrase: 'fout wachtwoord' })).code).toBe(
        'WRONG_PASSPHRASE',
      );
    await call(backend, 'vault.unlock', { environmentId, userId: awoUserId, passphrase: newSchool.passphrase });
    expect(await methods()).toEqual(['vault.create', 'vault.lock', 'vault.unlockFailed', 'vault.unlockFailed', 'vault.unlock']);
    const failed = (await everything()).filter((e) => e.method === 'vault.unlockFailed');
    expect(failed.map((e) => [e.label, e.detail, e.userName])).toEqual([
      ['Mislukte ontgrendelpoging', 'onjuist wachtwoord', 'Anouk Wolters'],
      ['Mislukte ontgrendelpoging', 'onjuist wachtwoord', 'Anouk Wolters'],
    ]);
    // The attempts are written once: the next unlock starts a clean count.
    await call(backend, 'vault.lock', {});
    await call(backend, 'vault.unlock', { environmentId, userId: awoUserId, passphrase: newSchool.passphrase });
    expect((await methods()).filter((m) => m === 'vault.unlockFailed')).toHaveLength(2);
  });

  it("logs opening a student's file once per visit, with the student", async () => {
    const jesse = await addStudent('Jesse', 'Vries', '700101');
    for (let i = 0; i < 3; i++) await call(backend, 'students.get', { id: jesse });
    const views = (await everything()).filter((e) => e.method === 'students.get');
    expect(views).toHaveLength(1);
    expect(views[0]!.label).toBe('Leerlingdossier geopend');
    expect(views[0]!.students).toEqual([{ id: jesse, name: 'Jesse Vries', className: '2B' }]);
  });

  it('filters by user, student and period, pages back in time, and is for the coordinator only', async () => {
    const jesse = await addStudent('Jesse', 'Vries', '700101');
    const sara = await addStudent('Sara', 'Bakker', '700202');
    await call(backend, 'students.get', { id: jesse });
    await call(backend, 'students.get', { id: sara });
    const { id: memberId } = await call(backend, 'users.add', {
      name: 'Vincent Duin',
      staffCode: 'vidu',
      passphrase: 'wachtwoord van vidu',
      roles: ['lid'],
    });

    const only = async (filter: Partial<{ userId: string; studentId: string; from: string; to: string }>) =>
      (
        await call(backend, 'audit.list', {
          filter: { userId: null, studentId: null, from: null, to: null, ...filter },
          before: null,
          limit: 500,
        })
      ).entries;
    expect((await only({ studentId: sara })).map((e) => e.method)).toEqual(['students.get']);
    expect(await only({ userId: memberId })).toEqual([]);
    expect((await only({ userId: awoUserId })).length).toBeGreaterThan(3);
    const day = new Date();
    const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    expect((await only({ from: iso, to: iso })).length).toBe((await everything()).length);
    expect(await only({ from: '2000-01-01', to: '2000-12-31' })).toEqual([]);
    expect(
      (
        await callError(backend, 'audit.list', {
          filter: { userId: null, studentId: null, from: '2026-02-01', to: '2026-01-01' },
          before: null,
          limit: 10,
        })
      ).code,
    ).toBe('VALIDATION');

    const first = await call(backend, 'audit.list', {
      filter: { userId: null, studentId: null, from: null, to: null },
      before: null,
      limit: 2,
    });
    expect(first.more).toBe(true);
    const second = await call(backend, 'audit.list', {
      filter: { userId: null, studentId: null, from: null, to: null },
      before: first.entries.at(-1)!.id,
      limit: 2,
    });
    expect(second.entries[0]!.id).toBeLessThan(first.entries.at(-1)!.id);

    await call(backend, 'vault.lock', {});
    await call(backend, 'vault.unlock', { environmentId, userId: memberId, passphrase: 'wachtwoord van vidu' });
    expect(
      (
        await callError(backend, 'audit.list', {
          filter: { userId: null, studentId: null, from: null, to: null },
          before: null,
          limit: 10,
        })
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('exports the filtered log as a CSV for a spreadsheet, formulas kept as text, and logs the export', async () => {
    await call(backend, 'staff.save', {
      id: null,
      name: '=HYPERLINK("http://x")',
      code: 'xyz',
      functions: [],
      email: '',
      active: true,
    });
    const jesse = await addStudent('Jesse', 'Vries', '700101');
    await call(backend, 'students.get', { id: jesse });
    const file = await call(backend, 'audit.export', {
      filter: { userId: null, studentId: jesse, from: null, to: null },
    });
    expect(file.fileName).toMatch(/^logboek-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFTijdstip;Gebruiker;Gebeurtenis;Details;Leerlingen\r\n')).toBe(true);
    expect(text).toContain(';Anouk Wolters;Leerlingdossier geopend;;Jesse Vries (2B)');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
    const all = Buffer.from(
      (await call(backend, 'audit.export', { filter: { userId: null, studentId: null, from: null, to: null } })).contentBase64,
      'base64',
    ).toString('utf8');
    expect(all).not.toMatch(/;=HYPERLINK/);
    const exported = (await everything()).filter((e) => e.method === 'audit.export');
    expect(exported.map((e) => e.detail)).toEqual([expect.stringMatching(/^\d+ regels → logboek-/), '1 regels → ' + file.fileName]);
  });
});

describe('unlock attempts', () => {
  it('slows guessing down: after three wrong passphrases the next attempt must wait, even with the right one', async () => {
    const dir = tempDir('zorgoverleg-attempts-');
    const backend = makeBackend(dir.path);
    try {
      const { environmentId } = await call(backend, 'vault.create', newSchool);
      const userId = (await call(backend, 'users.list', {}))[0]!.id;
      await call(backend, 'vault.lock', {});
      const attempt = (passphrase: string) => callError(backend, 'vault.unlock', { environmentId, userId, passphrase });
      for (let i = 0; i < 3; i++) expect((await attempt('fout wachtwoord')).code).toBe('WRONG_PASSPHRASE');
      const refused = await attempt(newSchool.passphrase);
      expect(refused.code).toBe('TOO_MANY_ATTEMPTS');
      expect(refused.message).toMatch(/^Te veel onjuiste pogingen\. Probeer het over \d+ seconden opnieuw\.$/);
    } finally {
      backend.lock();
      dir.cleanup();
    }
  });
});
