import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../electron/app/contract';
import type { Backend } from '../../electron/api/context';
import { dispatch } from '../../electron/app/dispatch';
import { call, callError, makeBackend, newSchool, tempDir } from '../helpers/backend';

/**
 * Issue 22, faults 3 and 8: nobody gives themselves Meldcode access (by a role or by the school's
 * switch for coordinators), the last aandachtsfunctionaris stays while tracks exist, and the
 * Logboek shows Meldcode lines only to those with Meldcode access.
 */

const passphrase = 'een wachtwoord voor de test';
const ownAccessRefused =
  'Je kunt jezelf geen rol geven die toegang tot Meldcode-trajecten geeft. Dat beslist de ' +
  'aandachtsfunctionaris; heeft de school er nog geen, dan benoemt een andere coördinator de eerste.';
const lastAfRefused = 'Er moet minstens één aandachtsfunctionaris blijven: er is een Meldcode-traject. Geef eerst iemand anders die rol.';

interface School {
  backend: Backend;
  dir: ReturnType<typeof tempDir>;
  environmentId: string;
  /** Coordinator, not aandachtsfunctionaris. */
  awo: string;
  /** A second coordinator (and chair). */
  sisl: string;
  /** The school's only aandachtsfunctionaris (also a coordinator, so she can hand out roles). */
  fat: string;
  studentId: string;
}

async function school(): Promise<School> {
  const dir = tempDir();
  const backend = makeBackend(dir.path);
  const environmentId = (await call(backend, 'vault.create', newSchool)).environmentId;
  const awo = (await call(backend, 'users.list', {}))[0]!.id;
  // Coordinators see no Meldcode track here: only the aandachtsfunctionaris does.
  await call(backend, 'settings.update', {
    ...(await call(backend, 'settings.get', {})),
    meldcodeCoordinatorAccess: false,
  });
  // A coordinator appoints the first aandachtsfunctionaris: someone else.
  const fat = (
    await call(backend, 'users.add', {
      name: 'Fatima Afi',
      staffCode: 'faf',
      passphrase,
      roles: ['aandachtsfunctionaris', 'coordinator'],
    })
  ).id;
  const sisl = (
    await call(backend, 'users.add', {
      name: 'Sietske Slot',
      staffCode: 'sisl',
      passphrase,
      roles: ['coordinator', 'voorzitter'],
    })
  ).id;
  const studentId = (
    await call(backend, 'students.save', {
      id: null,
      studentNumber: '231146',
      givenName: 'Daan',
      infix: 'de',
      familyName: 'Vries',
      birthDate: '2013-03-01',
      className: '2B',
      yearLevel: 2,
      level: 'havo',
      mentorId: null,
    })
  ).id;
  return { backend, dir, environmentId, awo, sisl, fat, studentId };
}

async function as(s: School, userId: string) {
  s.backend.lock();
  const result = await dispatch(s.backend, 'vault.unlock', {
    environmentId: s.environmentId,
    userId,
    passphrase: userId === s.awo ? newSchool.passphrase : passphrase,
  });
  expect(result.ok ? 'ok' : result.error.message).toBe('ok');
}

const track = (studentId: string): MethodInput<'meldcode.save'> => ({
  id: null,
  studentId,
  openedOn: '2026-10-15',
  steps: { signalen: { date: '2026-10-15', notes: 'Blauwe plekken gezien door de gymdocent.' } },
  outcome: null,
  parentsInformed: false,
  parentsInformedNote: '',
  closedOn: null,
});

const rolesOf = async (s: School, userId: string) => (await call(s.backend, 'users.list', {})).find((u) => u.id === userId)?.roles;
const everything: MethodInput<'audit.list'>['filter'] = { userId: null, studentId: null, from: null, to: null };

describe('Meldcode access is never granted to oneself (fault 3)', () => {
  let s: School;
  beforeEach(async () => {
    s = await school();
  });
  afterEach(() => {
    s.backend.lock();
    s.dir.cleanup();
  });

  it('while a track exists the only aandachtsfunctionaris cannot be removed, nor lose the role', async () => {
    await as(s, s.fat);
    await call(s.backend, 'meldcode.save', track(s.studentId));
    await as(s, s.awo);
    expect(await callError(s.backend, 'users.remove', { userId: s.fat })).toEqual({
      code: 'VALIDATION',
      message: lastAfRefused,
    });
    expect(await rolesOf(s, s.fat)).toEqual(['aandachtsfunctionaris', 'coordinator']);

    await as(s, s.fat);
    expect(await callError(s.backend, 'users.setRoles', { userId: s.fat, roles: ['coordinator'] })).toMatchObject({
      code: 'VALIDATION',
      message: lastAfRefused,
    });
    expect(await rolesOf(s, s.fat)).toEqual(['aandachtsfunctionaris', 'coordinator']);
    // With a successor appointed she may step down, and then be removed.
    await call(s.backend, 'users.setRoles', {
      userId: s.sisl,
      roles: ['coordinator', 'voorzitter', 'aandachtsfunctionaris'],
    });
    await call(s.backend, 'users.setRoles', { userId: s.fat, roles: ['coordinator'] });
    await as(s, s.awo);
    await call(s.backend, 'users.remove', { userId: s.fat });
    expect((await call(s.backend, 'users.list', {})).map((u) => u.id)).not.toContain(s.fat);
  });

  it('a coordinator who removed the only aandachtsfunctionaris cannot take the role, nor switch on access for coordinators', async () => {
    // No track yet: the aandachtsfunctionaris may go.
    await as(s, s.awo);
    await call(s.backend, 'users.remove', { userId: s.fat });
    expect(await callError(s.backend, 'users.setRoles', { userId: s.awo, roles: ['coordinator', 'aandachtsfunctionaris'] })).toMatchObject({
      code: 'FORBIDDEN',
      message: ownAccessRefused,
    });
    expect(await rolesOf(s, s.awo)).toEqual(['coordinator']);
    const settings = await call(s.backend, 'settings.get', {});
    expect((await callError(s.backend, 'settings.update', { ...settings, meldcodeCoordinatorAccess: true })).code).toBe('FORBIDDEN');
    expect((await call(s.backend, 'settings.get', {})).meldcodeCoordinatorAccess).toBe(false);
    expect((await callError(s.backend, 'meldcode.get', { studentId: s.studentId })).code).toBe('FORBIDDEN');

    // Another coordinator appoints her: that is not granting it to oneself.
    await as(s, s.sisl);
    await call(s.backend, 'users.setRoles', { userId: s.awo, roles: ['coordinator', 'aandachtsfunctionaris'] });
    await as(s, s.awo);
    expect(await call(s.backend, 'meldcode.get', { studentId: s.studentId })).toBeNull();
  });

  it('an aandachtsfunctionaris may switch on access for the coordinators', async () => {
    await as(s, s.fat);
    await call(s.backend, 'settings.update', {
      ...(await call(s.backend, 'settings.get', {})),
      meldcodeCoordinatorAccess: true,
    });
    await as(s, s.awo);
    expect(await call(s.backend, 'meldcode.get', { studentId: s.studentId })).toBeNull();
  });
});

describe('the Logboek shows Meldcode lines only to those with Meldcode access (fault 8)', () => {
  let s: School;
  beforeEach(async () => {
    s = await school();
    await as(s, s.fat);
    await call(s.backend, 'meldcode.get', { studentId: s.studentId });
    await call(s.backend, 'meldcode.save', track(s.studentId));
    await call(s.backend, 'students.get', { id: s.studentId });
  });
  afterEach(() => {
    s.backend.lock();
    s.dir.cleanup();
  });

  const methods = async () =>
    (await call(s.backend, 'audit.list', { filter: everything, before: null, limit: 500 })).entries.map((e) => e.method);
  const csv = async (filter = everything) => {
    const file = await call(s.backend, 'audit.export', { filter });
    return Papa.parse<Record<string, string>>(
      Buffer.from(file.contentBase64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
      { header: true, delimiter: ';', skipEmptyLines: true },
    ).data;
  };

  it('a coordinator without Meldcode access sees neither the list lines nor the CSV lines', async () => {
    await as(s, s.awo);
    const seen = await methods();
    expect(seen).toContain('students.get');
    expect(seen.filter((m) => m.startsWith('meldcode.'))).toEqual([]);
    // Also when filtered on the aandachtsfunctionaris, and page by page.
    const hers = await call(s.backend, 'audit.list', {
      filter: { ...everything, userId: s.fat },
      before: null,
      limit: 1,
    });
    expect(hers.entries.map((e) => e.method)).not.toContain('meldcode.save');
    const rows = await csv({ ...everything, userId: s.fat });
    expect(rows.map((r) => r.Gebeurtenis)).toContain('Leerlingdossier geopend');
    expect(rows.filter((r) => /meldcode/i.test(Object.values(r).join(' ')))).toEqual([]);
  });

  it('the aandachtsfunctionaris (and a coordinator once the school allows it) sees them', async () => {
    await as(s, s.fat);
    expect(await methods()).toEqual(expect.arrayContaining(['meldcode.get', 'meldcode.save']));
    expect((await csv()).map((r) => r.Gebeurtenis)).toContain('Meldcode-traject vastgelegd');
    await call(s.backend, 'settings.update', {
      ...(await call(s.backend, 'settings.get', {})),
      meldcodeCoordinatorAccess: true,
    });
    await as(s, s.awo);
    expect(await methods()).toContain('meldcode.save');
  });
});
