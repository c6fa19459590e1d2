import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The source's import arrows, read from the files themselves: what the layer test and the
 * architecture document's picture are checked against. Type-only imports count: a cycle through
 * types still means neither side can be understood without the other.
 */

export const repoRoot = resolve(import.meta.dirname, '..', '..');

/** Every module a source text names: static imports and re-exports, side-effect imports, import() and require(). */
export function importedSpecifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1]!));
}

export function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return /\.(c|m)?tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A repository path with forward slashes ("electron/api/errors.ts"). */
export function repoRelative(file: string): string {
  return relative(repoRoot, file).split('\\').join('/');
}

/** The file a relative specifier resolves to, or null for a package or a file that is not source. */
export function resolveImport(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), specifier).replace(/\.(c|m)?js$/, '');
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  const found = candidates.find((candidate) => /\.(c|m)?tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile());
  return found ?? null;
}

export interface ImportArrow {
  from: string;
  to: string;
}

/** Every arrow between source files under the given top-level folders, as repository paths. */
export function importArrows(folders: readonly string[]): ImportArrow[] {
  const arrows: ImportArrow[] = [];
  for (const folder of folders) {
    for (const file of typeScriptFiles(join(repoRoot, folder))) {
      for (const specifier of importedSpecifiers(readFileSync(file, 'utf8'))) {
        const target = resolveImport(file, specifier);
        if (target) arrows.push({ from: repoRelative(file), to: repoRelative(target) });
      }
    }
  }
  return arrows;
}

/** The strongly connected groups of more than one node (Tarjan): each is an import cycle. */
export function cycles(arrows: readonly ImportArrow[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of arrows) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
