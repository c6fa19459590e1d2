import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../api/errors';
import { BACKUP_EXTENSION, readBackup, type BackupKind } from './backup-file';
import { backupsToKeep } from './rotation';

/** Automatic backups and safety copies of one environment: `<data folder>/backups/<environment>/`. */
export function automaticFolderFor(dataDir: string, environmentId: string): string {
  return join(dataDir, 'backups', environmentId);
}

export interface ListedBackup {
  /** The file name: how the screens refer to a backup in the automatic folder. */
  id: string;
  path: string;
  kind: BackupKind;
  takenAt: string;
  environmentId: string;
  label: string;
  vaultId: string;
  sizeBytes: number;
  /** Opened with its key and checked before it got its name; its sizes still agree. */
  verified: boolean;
}

const BACKUP_NAME = /^[a-z0-9][a-z0-9-]*\.zobackup$/;

/** Every readable backup in a folder, newest first; temporary files and foreign files are passed over. */
export function listBackups(folder: string): ListedBackup[] {
  if (!existsSync(folder)) return [];
  const found: ListedBackup[] = [];
  for (const name of readdirSync(folder)) {
    if (!BACKUP_NAME.test(name)) continue;
    const path = join(folder, name);
    try {
      const trailer = readBackup(path);
      found.push({
        id: name,
        path,
        kind: trailer.kind,
        takenAt: trailer.takenAt,
        environmentId: trailer.environmentId,
        label: trailer.label,
        vaultId: trailer.vaultId,
        sizeBytes: trailer.database.size,
        verified: true,
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // A damaged file stays visible, so nobody counts on it unknowingly.
      if (err.code === 'VAULT_TRUNCATED') {
        found.push({
          id: name,
          path,
          kind: 'automatic',
          takenAt: '',
          environmentId: '',
          label: '',
          vaultId: '',
          sizeBytes: 0,
          verified: false,
        });
      }
    }
  }
  return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** A backup in the automatic folder by its file name: a plain name, never a path. */
export function automaticBackupPath(dataDir: string, environmentId: string, id: string): string {
  if (!BACKUP_NAME.test(id) || !id.endsWith(BACKUP_EXTENSION)) throw new AppError('NOT_FOUND', 'Deze back-up bestaat niet (meer).');
  const path = join(automaticFolderFor(dataDir, environmentId), id);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', 'Deze back-up bestaat niet (meer).');
  return path;
}

/** Safety copies made before a restore: the newest few are kept, whatever their age. */
export const SAFETY_COPIES_KEPT = 5;

/**
 * Applies the retention to a folder's automatic backups (rotation.ts) and keeps the newest safety
 * copies; manual backups and damaged files are left alone. Returns the names removed.
 */
export function pruneAutomaticFolder(folder: string): string[] {
  const listed = listBackups(folder).filter((b) => b.verified);
  const automatic = listed.filter((b) => b.kind === 'automatic').map((b) => ({ ...b, takenAt: new Date(b.takenAt) }));
  const keep = backupsToKeep(automatic);
  const remove = [...automatic.filter((b) => !keep.has(b)), ...listed.filter((b) => b.kind === 'safety').slice(SAFETY_COPIES_KEPT)];
  for (const backup of remove) rmSync(backup.path, { force: true });
  return remove.map((b) => b.id);
}
