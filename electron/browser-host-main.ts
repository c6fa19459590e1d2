import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Backend } from './api/context';
import { defaultDataDir } from './app-paths';
import { startBrowserHost } from './browser-host';
import { backupsSettled, startAutomaticBackups } from './features/backup/automatic';
import { idleLockMsFrom } from './shell-settings';

/**
 * Entry point of the browser shell (bundled to dist/host/browser-host.cjs). Prints, once, the
 * launch page to open (a file only this user can read; nothing secret on the screen or in a
 * command line); on SIGINT/SIGTERM it locks the vault (checkpoint + close) before exiting.
 * ZORGOVERLEG_IDLE_LOCK_MS shortens the idle lock (for tests); it cannot lengthen it.
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
    idleLockMs: idleLockMsFrom(process.env),
  });
  const launchPage = pathToFileURL(host.writeLaunchPage()).href;
  console.log(`Zorgoverleg draait op ${host.origin}. Openen (eenmalig, binnen 2 minuten): ${launchPage}`);
  console.log(`Gegevensmap: ${backend.config.dataDir}`);
  // One machine-readable line for the script or test that started us; a person reads the line above.
  if (!process.stdout.isTTY) console.log(`ZORGOVERLEG_LAUNCH=${launchPage}`);

  startAutomaticBackups(backend);

  const stop = () => {
    backend.lock();
    const closed = host.close();
    // The backup this lock started is made first (at most 15 s): stopping must not cost it.
    const backedUp = Promise.race([backupsSettled(backend), new Promise((done) => setTimeout(done, 15_000))]);
    void backedUp.then(() => Promise.race([closed, new Promise((done) => setTimeout(done, 2000))])).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
