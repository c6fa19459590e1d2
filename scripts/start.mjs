// `npm start`: installs what is missing, builds, and starts Zorgoverleg. The Electron app where
// its binary can be had (fetched on first run); otherwise the browser shell on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath, ensureDependencies, root, run } from './lib/setup.mjs';

ensureDependencies();
const { buildAll } = await import('./build.mjs');
await buildAll({ quiet: true });

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

async function electronBinary() {
  if (!hasDisplay) return null;
  const fetched = spawnSync(process.execPath, [resolve(root, 'node_modules/electron/install.js')], {
    cwd: root,
    stdio: 'pipe',
    timeout: 300_000,
  });
  if (fetched.status !== 0) return null;
  try {
    const { createRequire } = await import('node:module');
    return createRequire(import.meta.url)('electron');
  } catch {
    return null;
  }
}

const electron = await electronBinary();
if (electron) {
  const { buildNativeForElectron } = await import('./electron-native.mjs');
  const nativeBinding = await buildNativeForElectron();
  process.exit(run(electron, [root], { env: { ...process.env, ZORGOVERLEG_NATIVE_BINDING: nativeBinding } }));
}

console.log(
  hasDisplay
    ? 'Electron is hier niet beschikbaar (het kon niet worden gedownload); Zorgoverleg start in de browser.'
    : 'Geen beeldscherm gevonden; Zorgoverleg start als lokale webapp.',
);
const host = spawn(process.execPath, [resolve(root, 'dist/host/browser-host.cjs'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit'],
});
let opened = false;
host.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const url = chunk.toString().match(/^ZORGOVERLEG_URL=(\S+)$/m)?.[1];
  const chromium = chromiumPath();
  if (url && !opened && hasDisplay && chromium) {
    opened = true;
    // App mode: a window of its own without address bar or tabs, with a throwaway profile.
    const profile = mkdtempSync(join(tmpdir(), 'zorgoverleg-chromium-'));
    spawn(chromium, [`--app=${url}`, `--user-data-dir=${profile}`, '--lang=nl-NL', '--no-first-run', '--disable-sync'], {
      stdio: 'ignore',
      detached: true,
    }).unref();
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code) => process.exit(code ?? 0));
