// Builds everything both shells run: the renderer (Vite) and the Node side (esbuild bundles).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildAll({ quiet = false } = {}) {
  await viteBuild({ configFile: resolve(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
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
    entryPoints: [resolve(root, 'electron/api/contract.ts')],
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
