// `npm start`: installs what is missing, builds, and starts Zorgoverleg. The Electron app where
// its binary can be had (fetched on first run); otherwise the browser shell on 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { runBrowserShell } from './lib/browser-shell.mjs';
import { chromiumPath, electronDownloadAnswers, electronInstalled, ensureDependencies, packageVersion, root, run } from './lib/setup.mjs';

ensureDependencies();
const { buildAll } = await import('./build.mjs');
await buildAll({ quiet: true });

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/** Electron's binary, fetched first when needed; null (with one line saying why) when it cannot be had. */
async function electronBinary() {
  if (!hasDisplay) {
    console.log('Geen beeldscherm gevonden; Zorgoverleg start als lokale webapp.');
    return null;
  }
  if (!electronInstalled()) {
    if (!(await electronDownloadAnswers(packageVersion('electron')))) {
      console.log(
        'Electron kon niet worden gedownload (de downloadserver antwoordde niet binnen 5 seconden); Zorgoverleg start in de browser.',
      );
      return null;
    }
    console.log('Electron downloaden (eenmalig, ongeveer 100 MB)...');
    const fetched = spawnSync(process.execPath, [resolve(root, 'node_modules/electron/install.js')], {
      cwd: root,
      stdio: 'inherit',
      timeout: 300_000,
    });
    if (fetched.status !== 0) {
      console.log('Electron downloaden is niet gelukt; Zorgoverleg start in de browser.');
      return null;
    }
  }
  try {
    const { createRequire } = await import('node:module');
    return createRequire(import.meta.url)('electron');
  } catch {
    console.log('Electron is hier niet beschikbaar; Zorgoverleg start in de browser.');
    return null;
  }
}

const electron = await electronBinary();
if (electron) {
  const { buildNativeForElectron } = await import('./electron-native.mjs');
  const nativeBinding = await buildNativeForElectron();
  process.exit(run(electron, [root], { env: { ...process.env, ZORGOVERLEG_NATIVE_BINDING: nativeBinding } }));
}

const shell = runBrowserShell({
  hostCommand: process.execPath,
  hostArgs: [resolve(root, 'dist/host/browser-host.cjs'), ...process.argv.slice(2)],
  // App mode: a window of its own without address bar or tabs, with a throwaway profile.
  chromium: hasDisplay ? chromiumPath() : null,
  cwd: root,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => shell.stop(signal));
process.exit(await shell.exited);
