// Builds everything both shells run: the renderer (Vite) and the Node side (esbuild bundles).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the renderer's chunk sizes go: beside the build's other outputs, not among the files the shells serve. */
export const chunkSizesFile = resolve(root, 'dist/build/chunk-sizes.json');

/**
 * Each renderer chunk's size, raw and gzipped. "start" is what the first page load runs (the entry and
 * what it imports statically, its CSS too): the start screen and the unlock. The budgets are checked by
 * tests/unit/bundle-budget.test.ts.
 */
function chunkSizes(output) {
  const files = output.filter((file) => file.type === 'chunk' || file.fileName.endsWith('.css'));
  const byName = new Map(files.map((file) => [file.fileName, file]));
  const entry = files.find((file) => file.type === 'chunk' && file.isEntry);
  const start = new Set();
  const visit = (name) => {
    const file = byName.get(name);
    if (!file || start.has(name)) return;
    start.add(name);
    for (const next of [...(file.imports ?? []), ...(file.viteMetadata?.importedCss ?? [])]) visit(next);
  };
  visit(entry.fileName);
  return files
    .map((file) => {
      const bytes = Buffer.from(file.type === 'chunk' ? file.code : file.source);
      const modules = file.type === 'chunk' ? Object.keys(file.modules) : [];
      const main = file.facadeModuleId ?? modules.findLast((id) => !id.includes('node_modules')) ?? modules.at(-1);
      return {
        file: file.fileName,
        kind: start.has(file.fileName) ? 'start' : file.type === 'chunk' ? (file.isDynamicEntry ? 'route' : 'shared') : 'css',
        source: main ? main.replace(root + '/', '').replace(/\?.*$/, '') : null,
        bytes: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
      };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || b.gzip - a.gzip);
}

function printChunkSizes(chunks) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  const lines = chunks.map((c) => `${c.kind.padEnd(6)} ${kb(c.bytes)} ${kb(c.gzip)}  ${c.file}  ${c.source ?? ''}`);
  const start = chunks.filter((c) => c.kind === 'start').reduce((sum, c) => sum + c.gzip, 0);
  console.log(['', 'Renderer chunks   (raw, gzipped)', ...lines, `start total ${kb(start)} gzipped`].join('\n'));
}

export async function buildAll({ quiet = false } = {}) {
  const built = await viteBuild({ configFile: resolve(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  const chunks = chunkSizes([built].flat().flatMap((result) => result.output));
  mkdirSync(dirname(chunkSizesFile), { recursive: true });
  writeFileSync(chunkSizesFile, JSON.stringify({ chunks }, null, 2));
  if (!quiet) printChunkSizes(chunks);
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    logLevel: quiet ? 'warning' : 'info',
    // The native addon and Electron itself are loaded at run time, never bundled.
    external: ['electron', 'better-sqlite3'],
  };
  // The preload's allow-list is the contract's method names, inlined so the preload stays tiny.
  const contractOut = resolve(root, 'dist/build/contract.cjs');
  await esbuild({
    ...common,
    logLevel: 'warning',
    sourcemap: false,
    entryPoints: [resolve(root, 'electron/app/contract.ts')],
    outfile: contractOut,
  });
  const { methodNames } = createRequire(import.meta.url)(contractOut);
  await Promise.all([
    esbuild({
      ...common,
      entryPoints: [resolve(root, 'electron/main.ts')],
      outfile: resolve(root, 'dist/electron/main.cjs'),
    }),
    esbuild({
      ...common,
      entryPoints: [resolve(root, 'electron/preload.ts')],
      outfile: resolve(root, 'dist/electron/preload.cjs'),
      define: { __CONTRACT_METHODS__: JSON.stringify(methodNames) },
    }),
    esbuild({
      ...common,
      entryPoints: [resolve(root, 'electron/browser-host-main.ts')],
      outfile: resolve(root, 'dist/host/browser-host.cjs'),
    }),
    // Backups run in a worker thread beside each shell's bundle (electron/features/backup/in-background.ts).
    ...['dist/electron', 'dist/host'].map((dir) =>
      esbuild({
        ...common,
        entryPoints: [resolve(root, 'electron/features/backup/backup-worker.ts')],
        outfile: resolve(root, dir, 'backup-worker.cjs'),
      }),
    ),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildAll();
}
