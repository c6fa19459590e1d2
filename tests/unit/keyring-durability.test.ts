import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { newKdfParams } from '../../electron/features/vault/kdf';
import {
  KEYRING_FORMAT,
  KEYRING_VERSION,
  readKeyring,
  wrapDataKey,
  writeKeyring,
  type Keyring,
} from '../../electron/features/vault/keyring';
import { cheapKdf, tempDir } from '../helpers/backend';

/**
 * Issue 13, "Files": a keyring write survives a power cut (file and folder synced) and a failed
 * one leaves nothing behind. The file system is watched (and made to fail) through a mock.
 */
const watch = vi.hoisted(() => ({
  synced: [] as string[],
  failRename: null as string | null,
}));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const opened = new Map<number, string>();
  return {
    ...real,
    openSync: (path: fs.PathLike, flags: fs.OpenMode = 'r', mode?: fs.Mode | null) => {
      const fd = real.openSync(path, flags, mode);
      opened.set(fd, String(path));
      return fd;
    },
    fsyncSync: (fd: number) => {
      real.fsyncSync(fd);
      watch.synced.push(opened.get(fd) ?? `fd ${fd}`);
    },
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (watch.failRename) throw Object.assign(new Error(watch.failRename), { code: watch.failRename });
      real.renameSync(from, to);
    },
  };
});

async function keyring(): Promise<Keyring> {
  const vaultId = randomUUID();
  const slot = await wrapDataKey(randomBytes(32), 'een lang wachtwoord', vaultId, 'u1', cheapKdf);
  return {
    format: KEYRING_FORMAT,
    version: KEYRING_VERSION,
    vaultId,
    label: 'Het Testlyceum',
    demo: false,
    cipher: 'chacha20',
    users: [{ userId: 'u1', name: 'Anouk Wolters', staffCode: 'awo', ...slot }],
    recovery: { kdf: newKdfParams(cheapKdf), wrappedKey: slot.wrappedKey },
  };
}

describe('writing a keyring', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  afterEach(() => {
    watch.synced.length = 0;
    watch.failRename = null;
  });

  it('syncs the new file before the rename and the folder after it', async () => {
    const vault = join(dir.path, 'durabel.zorgoverleg');
    const written = await keyring();
    writeKeyring(vault, written);
    expect(watch.synced).toHaveLength(2);
    expect(watch.synced[0]).toMatch(/durabel\.zorgoverleg\.keys\.[0-9a-f]{8}\.tmp$/);
    expect(watch.synced[1]).toBe(dir.path);
    expect(readKeyring(vault)).toEqual(written);
  });

  it('leaves no temporary file when the write fails (a full disk)', async () => {
    const vault = join(dir.path, 'vol.zorgoverleg');
    fs.writeFileSync(vault, randomBytes(8192));
    watch.failRename = 'ENOSPC';
    const written = await keyring();
    expect(() => writeKeyring(vault, written)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(fs.readdirSync(dir.path).filter((n) => n.startsWith('vol.'))).toEqual(['vol.zorgoverleg']);
  });
});
