import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../api/errors';
import { removeStaleTemporaries } from './keyring';
import { readStoredKeyring } from './key-slots';

/**
 * An environment (omgeving) is one school's vault: `<id>.zorgoverleg` (encrypted SQLite) plus
 * `<id>.zorgoverleg.keys` (keyring) in the app's data folder.
 */
export const VAULT_EXTENSION = '.zorgoverleg';
const ENVIRONMENT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface EnvironmentSummary {
  id: string;
  label: string;
  demo: boolean;
  users: { id: string; name: string; staffCode: string }[];
  problem: { code: string; message: string } | null;
}

export function vaultPathFor(dataDir: string, environmentId: string): string {
  // The id comes from the renderer: only plain slugs, never a path.
  if (!ENVIRONMENT_ID.test(environmentId)) throw new AppError('VAULT_NOT_FOUND');
  return join(dataDir, `${environmentId}${VAULT_EXTENSION}`);
}

export function ensureDataDir(dataDir: string): void {
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}

export function listEnvironments(dataDir: string): EnvironmentSummary[] {
  if (!existsSync(dataDir)) return [];
  // The start screen lists the environments first thing: leftovers of a crash go here.
  removeStaleTemporaries(dataDir);
  const ids = new Set<string>();
  for (const name of readdirSync(dataDir)) {
    // `.replacing`: a restore or an install from a backup that a crash interrupted; reading it finishes it.
    const pending = name.endsWith(`${VAULT_EXTENSION}.replacing`) ? name.slice(0, -'.replacing'.length) : name;
    const base = pending.endsWith(`${VAULT_EXTENSION}.keys`)
      ? pending.slice(0, -`${VAULT_EXTENSION}.keys`.length)
      : pending.endsWith(VAULT_EXTENSION)
        ? pending.slice(0, -VAULT_EXTENSION.length)
        : null;
    if (base && ENVIRONMENT_ID.test(base)) ids.add(base);
  }
  return [...ids].sort().map((id) => summarize(dataDir, id));
}

function summarize(dataDir: string, id: string): EnvironmentSummary {
  const path = vaultPathFor(dataDir, id);
  try {
    const keyring = readStoredKeyring(path);
    if (!existsSync(path)) throw new AppError('VAULT_NOT_FOUND');
    return {
      id,
      label: keyring.label,
      demo: keyring.demo,
      users: keyring.users.map((u) => ({ id: u.userId, name: u.name, staffCode: u.staffCode })),
      problem: null,
    };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { id, label: id, demo: false, users: [], problem: { code: err.code, message: err.message } };
  }
}

/** A readable, unique file name for a new environment: "lindeboom-college", "lindeboom-college-2". */
export function newEnvironmentId(dataDir: string, schoolName: string): string {
  const slug =
    schoolName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'omgeving';
  let id = slug;
  for (let n = 2; existsSync(vaultPathFor(dataDir, id)) || existsSync(`${vaultPathFor(dataDir, id)}.keys`); n++) {
    id = `${slug}-${n}`;
  }
  return id;
}
