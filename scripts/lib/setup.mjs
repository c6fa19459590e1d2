// Shared steps of `npm start` and `npm test` on a fresh machine. Node built-ins only: these run
// before any dependency is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function runOrExit(command, args, options = {}) {
  const status = run(command, args, options);
  if (status !== 0) process.exit(status);
}

/** Installs the locked dependencies when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const marker = resolve(root, 'node_modules', '.package-lock.json');
  const lock = resolve(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Zorgoverleg: afhankelijkheden installeren (npm ci; de database-module wordt gebouwd, dat duurt een paar minuten)...');
  // Electron's binary is fetched later, on first start, where it can be had.
  runOrExit('npm', ['ci', '--no-audit', '--no-fund'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
}

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Debian's Chromium for the end-to-end tests; installed with apt-get where we may. */
export function ensureChromium() {
  if (chromiumPath()) return chromiumPath();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('Zorgoverleg: Chromium installeren voor de end-to-end-tests (apt-get)...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    runOrExit('apt-get', ['update', '-q'], { env });
    runOrExit('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium'], { env });
    return chromiumPath();
  }
  console.error(
    'Chromium ontbreekt voor de end-to-end-tests. Installeer het (Debian/Ubuntu: sudo apt-get install chromium) of zet CHROMIUM_PATH.',
  );
  process.exit(1);
}

export function packageVersion(name) {
  return JSON.parse(readFileSync(resolve(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}
