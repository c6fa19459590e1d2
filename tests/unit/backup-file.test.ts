import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendTrailer, copyHashed, extractDatabase, readBackup, type BackupTrailer } from '../../electron/features/backup/backup-file';
import { backupFileName } from '../../electron/features/backup/make-backup';
import { KEYRING_FORMAT, KEYRING_VERSION, type Keyring } from '../../electron/features/vault/keyring';
import { tempDir } from '../helpers/backend';

const dirs: { cleanup(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

const slot = {
  kdf: { name: 'scrypt' as const, N: 1024, r: 8, p: 1, salt: 'c2FsdHNhbHRzYWx0c2FsdA==' },
  wrappedKey: { iv: 'aXY=', tag: 'dGFn', data: 'ZGF0YQ==' },
};

function keyring(vaultId: string): Keyring {
  return {
    format: KEYRING_FORMAT,
    version: KEYRING_VERSION,
    vaultId,
    label: 'Het Testlyceum',
    demo: false,
    cipher: 'chacha20',
    users: [{ userId: 'u1', name: 'Anouk Wolters', staffCode: 'awo', ...slot }],
    recovery: slot,
  };
}

/** A backup file around `payload` as make-backup.ts writes one. */
function writeBackupFile(path: string, payload: Buffer, overrides: Partial<BackupTrailer> = {}): BackupTrailer {
  const vaultId = randomUUID();
  const source = `${path}.src`;
  writeFileSync(source, payload);
  const from = openSync(source, 'r');
  const fd = openSync(path, 'w+');
  const sha256 = copyHashed(from, fd, payload.length);
  closeSync(from);
  const trailer: BackupTrailer = {
    format: 'zorgoverleg-backup',
    version: 1,
    kind: 'automatic',
    takenAt: '2026-03-12T13:05:12.000Z',
    environmentId: 'het-testlyceum',
    label: 'Het Testlyceum',
    vaultId,
    database: { size: payload.length, sha256 },
    verifiedAt: '2026-03-12T13:05:13.000Z',
    keyring: keyring(vaultId),
    ...overrides,
  };
  appendTrailer(fd, trailer);
  closeSync(fd);
  return trailer;
}

describe('the backup file', () => {
  it('keeps the database bytes first and the keyring copy in the trailer', () => {
    const dir = tempDir();
    dirs.push(dir);
    const payload = randomBytes(3 * 1024 * 1024 + 17);
    const path = join(dir.path, 'a.zobackup');
    const written = writeBackupFile(path, payload);
    expect(readFileSync(path).subarray(0, payload.length).equals(payload)).toBe(true);
    const read = readBackup(path);
    expect(read.keyring.users[0]?.name).toBe('Anouk Wolters');
    expect(read.vaultId).toBe(written.vaultId);
    const out = join(dir.path, 'out.db');
    extractDatabase(path, out);
    expect(readFileSync(out).equals(payload)).toBe(true);
  });

  it('names a foreign, a cut-off and an altered file for what they are', () => {
    const dir = tempDir();
    dirs.push(dir);
    const foreign = join(dir.path, 'foto.zobackup');
    writeFileSync(foreign, randomBytes(10_000));
    expect(() => readBackup(foreign)).toThrow(/geen back-up van Zorgoverleg/);
    expect(() => readBackup(join(dir.path, 'er-niet.zobackup'))).toThrow(/bestaat niet/);

    const cut = join(dir.path, 'cut.zobackup');
    writeBackupFile(cut, randomBytes(100_000));
    const full = readFileSync(cut);
    // The end cut off: the mark is gone.
    truncateSync(cut, full.length - 10);
    expect(() => readBackup(cut)).toThrow(/geen back-up van Zorgoverleg/);
    // Bytes missing in the middle: the sizes no longer agree.
    writeFileSync(cut, Buffer.concat([full.subarray(0, 50_000), full.subarray(60_000)]));
    expect(() => readBackup(cut)).toThrow(/onvolledig of beschadigd/);

    const altered = join(dir.path, 'altered.zobackup');
    writeBackupFile(altered, randomBytes(100_000));
    const fd = openSync(altered, 'r+');
    writeSync(fd, Buffer.from([1, 2, 3]), 0, 3, 4096);
    closeSync(fd);
    expect(() => readBackup(altered)).not.toThrow();
    expect(() => extractDatabase(altered, join(dir.path, 'x.db'))).toThrow(/onvolledig of beschadigd/);
  });

  it('refuses a backup of a newer format by name', () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir.path, 'new.zobackup');
    writeBackupFile(path, randomBytes(1000), { version: 2 });
    expect(() => readBackup(path)).toThrow(/nieuwere versie/);
  });

  it('names a backup after the environment and the local time, never anything secret', () => {
    const at = new Date(2026, 2, 12, 14, 5, 9);
    expect(backupFileName('lindeboom-college', at, 'automatic')).toBe('lindeboom-college-2026-03-12-140509.zobackup');
    expect(backupFileName('lindeboom-college', at, 'safety')).toBe('lindeboom-college-2026-03-12-140509-voor-terugzetten.zobackup');
    expect(backupFileName('lindeboom-college', at, 'manual', 2)).toBe('lindeboom-college-2026-03-12-140509-2.zobackup');
  });
});
