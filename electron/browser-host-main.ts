import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Backend } from './api/context';
import { defaultDataDir } from './app-paths';
import { startBrowserHost } from './browser-host';

/**
 * Entry point of the browser shell (bundled to dist/host/browser-host.cjs). Prints the address
 * to open; on SIGINT/SIGTERM it locks the vault (checkpoint + close) before exiting.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
    },
  });
  const root = resolve(__dirname, '..', '..');
  const backend = new Backend({
    dataDir: resolve(values['data-dir'] ?? process.env.ZORGOVERLEG_DATA_DIR ?? defaultDataDir()),
    migrationsFolder: resolve(root, 'db', 'migrations'),
  });
  const host = await startBrowserHost({
    backend,
    rendererDir: resolve(root, 'dist', 'renderer'),
    port: values.port ? Number(values.port) : 0,
  });
  console.log(`Zorgoverleg draait op ${host.url}`);
  console.log(`Gegevensmap: ${backend.config.dataDir}`);
  // One machine-readable line for scripts and end-to-end tests.
  console.log(`ZORGOVERLEG_URL=${host.url}`);

  const stop = () => {
    backend.lock();
    void host.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
