import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * db/ is the bottom layer: the schema, the migrations and opening a vault. It may use packages and
 * other files in db/, never the app above it (electron/, renderer/): drizzle-kit and the demo CLI
 * load it without the app, and a feature's change must not reach into how a vault is opened.
 */

const root = resolve(import.meta.dirname, '..', '..');

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return /\.(c|m)?tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module a source text names: static imports and re-exports, side-effect imports, import() and require(). */
export function importedSpecifiers(source: string): string[] {
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1]!));
}

/** Where a specifier points inside the repository ("electron/api/errors"), or null for a package. */
function repoPath(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return null;
  return relative(root, resolve(dirname(file), specifier)).split('\\').join('/');
}

describe('db/ depends on nothing above it', () => {
  it('reads every kind of import', () => {
    const source = [
      "import { a } from '../electron/a';",
      "import type { B } from '../../electron/b';",
      "export { c } from './c';",
      "import './side-effect';",
      "const d = await import('../electron/d');",
      "const e = require('../electron/e');",
      'import {\n  f,\n  g,\n} from "drizzle-orm";',
    ].join('\n');
    expect(importedSpecifiers(source).sort()).toEqual(['../../electron/b', '../electron/a', '../electron/d', '../electron/e', './c', './side-effect', 'drizzle-orm'].sort());
  });

  const files = typeScriptFiles(join(root, 'db'));

  it('finds the files of db/', () => {
    expect(files.map((f) => relative(root, f).split('\\').join('/'))).toEqual(expect.arrayContaining(['db/open.ts', 'db/schema/index.ts', 'db/schema/vocabulary.ts']));
  });

  it.each(files.map((f) => [relative(root, f).split('\\').join('/'), f] as const))('%s imports nothing from electron/ or renderer/', (_name, file) => {
    const above = importedSpecifiers(readFileSync(file, 'utf8')).filter((specifier) => {
      const target = repoPath(file, specifier);
      return target !== null && /^(electron|renderer)(\/|$)/.test(target);
    });
    expect(above, 'move what both need into db/ (the features re-export it), never the other way round').toEqual([]);
  });
});
