import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cycles,
  importArrows,
  importedSpecifiers,
  repoRelative,
  repoRoot,
  resolveImport,
  typeScriptFiles,
  type ImportArrow,
} from '../helpers/import-graph';
import { backendLayers, layerOf, rendererLayers, rendererMayImport, type Layer } from '../helpers/layer-order';

/**
 * Imports follow the layer order (tests/helpers/layer-order.ts): no arrow runs back up, no files
 * import each other round in a circle, the renderer reaches into electron/ only for what its list
 * allows. There are no exceptions: an import against the order fails the test.
 */

const backend = importArrows(['electron', 'db']);
const renderer = importArrows(['renderer']);

function backArrows(arrows: readonly ImportArrow[], layers: readonly Layer[]): string[] {
  return arrows
    .filter(({ from, to }) => {
      const [a, b] = [layerOf(layers, from), layerOf(layers, to)];
      return a >= 0 && b >= 0 && b > a;
    })
    .map(({ from, to }) => `${from} -> ${to}`);
}

const unique = (lines: readonly string[]) => [...new Set(lines)].sort();

describe('the layer order', () => {
  it('places every source file in a layer', () => {
    const files = unique([...backend, ...renderer].flatMap(({ from, to }) => [from, to]));
    const unplaced = files.filter((file) => layerOf(file.startsWith('renderer/') ? rendererLayers : backendLayers, file) < 0);
    expect(unplaced).toEqual([]);
  });

  it('has no import running back up the order', () => {
    const found = unique([...backArrows(backend, backendLayers), ...backArrows(renderer, rendererLayers)]);
    expect(
      found,
      'an import against the layer order: move the shared part down, or let the later domain register with the earlier one',
    ).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const found = cycles([...backend, ...renderer]).map((group) => group.join(' ~ '));
    expect(found, 'files that import each other round in a circle (type-only imports count)').toEqual([]);
  });

  it('lets db/ import nothing above it (drizzle-kit and the demo CLI load it without the app)', () => {
    expect(backend.filter(({ from }) => from.startsWith('db/')).length).toBeGreaterThan(10);
    expect(backend.filter(({ from, to }) => from.startsWith('db/') && !to.startsWith('db/'))).toEqual([]);
  });

  it('lets the renderer import from electron/ only what its list allows', () => {
    const reached = unique(renderer.filter(({ to }) => to.startsWith('electron/')).map(({ to }) => to));
    expect(reached.filter((file) => !rendererMayImport.includes(file))).toEqual([]);
    expect(
      rendererMayImport.filter((file) => !reached.includes(file)),
      'no longer imported: remove it from the list',
    ).toEqual([]);
  });

  it('keeps what the renderer may import free of the database, files and Node', () => {
    const impure = (file: string, seen: Set<string>): string[] => {
      if (seen.has(file)) return [];
      seen.add(file);
      const source = readFileSync(join(repoRoot, file), 'utf8');
      const packages = [
        ...source.matchAll(
          /\bfrom\s*['"]((?:node:)?(?:fs|path|crypto|os|child_process|better-sqlite3|drizzle-orm|electron)(?:\/[^'"]*)?)['"]/g,
        ),
      ]
        .filter((m) => !/^\s*import\s+type\b/.test(source.slice(source.lastIndexOf('\n', m.index) + 1, m.index)))
        .map((m) => `${file} imports ${m[1]}`);
      // Only value imports reach the bundle; `import type` is erased.
      const local = [...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"`;]*?\bfrom\s*['"](\.[^'"]+)['"]/gm)]
        .map((m) => resolveImport(join(repoRoot, file), m[1]!))
        .filter((next): next is string => next !== null)
        .map(repoRelative);
      return [...packages, ...local.flatMap((next) => impure(next, seen))];
    };
    const seen = new Set<string>();
    // The contract is taken as types only (the next test), so nothing of it reaches the bundle.
    const offenders = unique(rendererMayImport.filter((file) => file !== 'electron/app/contract.ts').flatMap((file) => impure(file, seen)));
    expect(offenders, 'the renderer would bundle this: import the vocabulary, not the table').toEqual([]);
  });

  it('lets the renderer take only types from the contract (its schemas stay in the backend)', () => {
    const valueImports = typeScriptFiles(join(repoRoot, 'renderer')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s*'[./]+electron\/api\/contract'/gm)].map(() =>
        repoRelative(file),
      ),
    );
    expect(valueImports).toEqual([]);
  });

  it('lets the backend read the clock only through electron/shared/clock.ts', () => {
    const readers = typeScriptFiles(join(repoRoot, 'electron'))
      .filter((file) => !file.endsWith(join('shared', 'clock.ts')))
      .filter((file) => /\bnew Date\(\)|\bDate\.now\(\)/.test(readFileSync(file, 'utf8')))
      .map(repoRelative);
    expect(readers).toEqual([]);
  });

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
    expect(importedSpecifiers(source).sort()).toEqual(
      ['../../electron/b', '../electron/a', '../electron/d', '../electron/e', './c', './side-effect', 'drizzle-orm'].sort(),
    );
  });

  it('catches an arrow against the order (the test of the test)', () => {
    const fake: ImportArrow[] = [
      { from: 'electron/shared/dutch-dates.ts', to: 'electron/features/schedule/vocabulary.ts' },
      { from: 'electron/features/people/store.ts', to: 'electron/features/audit/store.ts' },
    ];
    expect(backArrows(fake, backendLayers)).toEqual(['electron/shared/dutch-dates.ts -> electron/features/schedule/vocabulary.ts']);
    expect(cycles([...fake, { from: 'electron/features/audit/store.ts', to: 'electron/features/people/store.ts' }])).toEqual([
      ['electron/features/audit/store.ts', 'electron/features/people/store.ts'],
    ]);
    expect(resolveImport(join(repoRoot, 'electron/app/dispatch.ts'), '../api/errors')).toBe(join(repoRoot, 'electron/api/errors.ts'));
    expect(resolveImport(join(repoRoot, 'electron/app/dispatch.ts'), './errors')).toBeNull();
  });
});
