import type * as fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/api/context';
import { call, callError, makeBackend, newSchool, snapshotDir, tempDir } from '../helpers/backend';

/**
 * Issue 13: a data folder Zorgoverleg may not write to gets its own message, not "gebruik een
 * back-up". Tests often run as root, whom chmod does not stop (vault.test.ts has the chmod case
 * for everyone else), so here the file system answers EACCES for the folder through a mock.
 */
const readOnly = vi.hoisted(() => ({ folder: null as string | null }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    accessSync: (path: fs.PathLike, mode?: number) => {
      const writing = mode !== undefined && (mode & real.constants.W_OK) !== 0;
      if (writing && readOnly.folder && String(path).startsWith(readOnly.folder)) {
        throw Object.assign(new Error(`EACCES: permission denied, access '${String(path)}'`), {
          code: 'EACCES',
          path: String(path),
        });
      }
      real.accessSync(path, mode);
    },
  };
});

describe('a data folder that may not be written to', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  beforeEach(() => {
    dir = tempDir();
    backend = makeBackend(dir.path);
  });
  afterEach(() => {
    readOnly.folder = null;
    backend.lock();
    dir.cleanup();
  });

  it('is named, with the way out, and nothing in it changes', async () => {
    const { environmentId } = await call(backend, 'vault.create', newSchool);
    const userId = (await call(backend, 'users.list', {}))[0]!.id;
    backend.lock();
    readOnly.folder = dir.path;
    const before = snapshotDir(dir.path);
    const error = await callError(backend, 'vault.unlock', { environmentId, userId, passphrase: newSchool.passphrase });
    expect(error).toEqual({
      code: 'VAULT_READ_ONLY',
      message:
        `Zorgoverleg mag niet schrijven in de map ${dir.path} (of het bestand van de omgeving is ` +
        `alleen-lezen). Er is niets aan veranderd. Geef jezelf schrijfrechten op die map, of zet ` +
        `de omgeving in een map waar dat wel mag.`,
    });
    expect(snapshotDir(dir.path)).toEqual(before);
    expect(backend.session).toBeNull();
    // Writable again: it opens as ever.
    readOnly.folder = null;
    await call(backend, 'vault.unlock', { environmentId, userId, passphrase: newSchool.passphrase });
  });

  it('refuses a new environment there with the same message', async () => {
    readOnly.folder = dir.path;
    expect((await callError(backend, 'vault.create', newSchool)).code).toBe('VAULT_READ_ONLY');
  });
});
