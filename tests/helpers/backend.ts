import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { Backend } from '../../electron/api/context';
import { dispatch } from '../../electron/app/dispatch';
import type { MethodInput, MethodName, MethodOutput } from '../../electron/app/contract';

export const migrationsFolder = resolve(import.meta.dirname, '..', '..', 'db', 'migrations');

/** Tests use a cheap scrypt so a suite of unlocks runs in seconds; the app never passes a cost. */
export const cheapKdf = { N: 1024, r: 8, p: 1 };

export function tempDir(prefix = 'zorgoverleg-test-'): { path: string; cleanup(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

export function makeBackend(dataDir: string): Backend {
  return new Backend({ dataDir, migrationsFolder, kdfCost: cheapKdf });
}

/** Calls a method through the real dispatcher and unwraps the envelope (throws on error). */
export async function call<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatch(backend, method, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as MethodOutput<M>;
}

/** Calls a method that must fail, and returns its error. */
export async function callError(backend: Backend, method: string, input: unknown): Promise<{ code: string; message: string }> {
  const result = await dispatch(backend, method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

/** Name, size and hash of every file in a folder: "nothing changed on disk" compares two of these. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    out[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

export const newSchool = {
  schoolName: 'Het Testlyceum',
  region: 'midden' as const,
  userName: 'Anouk Wolters',
  staffCode: 'awo',
  passphrase: 'correct paard batterij',
};
