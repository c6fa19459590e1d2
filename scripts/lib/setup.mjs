// Shared steps of `npm start` and `npm test` on a fresh machine. Node built-ins only: these run
// before any dependency is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
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

const INSTALLED_LOCK = join('node_modules', '.zorgoverleg-installed-lock');

const lockHash = (dir) =>
  createHash('sha256')
    .update(readFileSync(resolve(dir, 'package-lock.json')))
    .digest('hex');

/**
 * Whether node_modules in `dir` was installed from this very lockfile. Decided by content (a hash
 * written after `npm ci`), not by file times: a fresh checkout stamps the lockfile with the time of
 * the clone, which would make it look newer than a node_modules installed a minute later.
 */
export function dependenciesInstalled(dir = root) {
  const recorded = resolve(dir, INSTALLED_LOCK);
  return existsSync(recorded) && readFileSync(recorded, 'utf8').trim() === lockHash(dir);
}

/** Records the lockfile node_modules was installed from (after a successful `npm ci`). */
export function recordInstalledLock(dir = root) {
  writeFileSync(resolve(dir, INSTALLED_LOCK), `${lockHash(dir)}\n`);
}

/** Installs the locked dependencies unless node_modules was installed from this lockfile. */
export function ensureDependencies() {
  if (dependenciesInstalled()) return;
  console.log('Zorgoverleg: afhankelijkheden installeren (npm ci; de database-module wordt gebouwd, dat duurt een paar minuten)...');
  // Electron's binary is fetched later, on first start, where it can be had.
  runOrExit('npm', ['ci', '--no-audit', '--no-fund'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  recordInstalledLock();
}

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Only as root on a machine with apt-get: elsewhere the user installs what is missing. */
function canAptInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && existsSync('/usr/bin/apt-get');
}

let aptUpdated = false;

/** `apt-get install` of Debian packages, the package lists refreshed once per run; false when it failed. */
function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    if (!aptUpdated) {
      if (run('apt-get', ['update', '-q'], { env }) !== 0) return false;
      aptUpdated = true;
    }
    return run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { env }) === 0;
  } catch (error) {
    console.error(`apt-get: ${error.message}`);
    return false;
  }
}

/** Debian's Chromium for the end-to-end tests; installed with apt-get where we may. */
export function ensureChromium() {
  if (chromiumPath()) return chromiumPath();
  if (canAptInstall()) {
    console.log('Zorgoverleg: Chromium installeren voor de end-to-end-tests (apt-get)...');
    if (!aptInstall(['chromium'])) process.exit(1);
    return chromiumPath();
  }
  console.error(
    'Chromium ontbreekt voor de end-to-end-tests. Installeer het (Debian/Ubuntu: sudo apt-get install chromium) of zet CHROMIUM_PATH.',
  );
  process.exit(1);
}

/** The first of `names` found as an executable file on PATH, or null. */
function onPath(...names) {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
  }
  return null;
}

export function sofficePath() {
  if (process.env.SOFFICE_PATH && existsSync(process.env.SOFFICE_PATH)) return process.env.SOFFICE_PATH;
  return onPath('soffice', 'libreoffice') ?? ['/Applications/LibreOffice.app/Contents/MacOS/soffice'].find((p) => existsSync(p)) ?? null;
}

const RENDER_PACKAGES = ['libreoffice-writer-nogui', 'poppler-utils', 'fonts-crosextra-carlito'];
/** Carlito has Calibri's metrics, so page breaks in the render match Word's. */
const CARLITO = '/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf';

/**
 * LibreOffice and poppler for the render check of the Word documents (tests/docx/render.test.ts),
 * installed with apt-get where we may. Unlike Chromium this never stops the run: without them the
 * render tests are skipped, with a message here and in the test output. Returns soffice's path or null.
 */
export function ensureLibreOffice() {
  const complete = () => sofficePath() !== null && onPath('pdfinfo') !== null && onPath('pdftotext') !== null;
  // A Debian machine without Carlito would lay documents out with another font: install it too.
  const debianWithoutCarlito = existsSync('/usr/bin/apt-get') && !existsSync(CARLITO);
  if ((!complete() || debianWithoutCarlito) && canAptInstall()) {
    console.log('Zorgoverleg: LibreOffice installeren voor de rendertest van de Word-documenten (apt-get)...');
    if (!aptInstall(RENDER_PACKAGES)) console.error('Zorgoverleg: LibreOffice installeren is niet gelukt.');
  }
  if (complete()) return sofficePath();
  console.warn(
    'LibreOffice of poppler ontbreekt: de rendertest van de Word-documenten wordt overgeslagen. ' +
      `Installeer ze (Debian/Ubuntu: sudo apt-get install --no-install-recommends ${RENDER_PACKAGES.join(' ')}) of zet SOFFICE_PATH.`,
  );
  return null;
}

/**
 * Whether Electron's download (where `node_modules/electron/install.js` gets it, mirror settings
 * included) answers within `timeoutMs`. Without internet beyond the npm registry the download
 * would hang silently for minutes; this says so in seconds. Behind a proxy that only Electron's
 * downloader is told about (ELECTRON_GET_USE_PROXY) the check cannot tell, and says yes.
 */
export async function electronDownloadAnswers(version, timeoutMs = 5000) {
  if (process.env.ELECTRON_GET_USE_PROXY) return true;
  const setting = (name) =>
    process.env[`npm_config_electron_${name}`] ||
    process.env[`npm_package_config_electron_${name}`] ||
    process.env[`ELECTRON_${name.toUpperCase()}`];
  const base = setting('mirror') || 'https://github.com/electron/electron/releases/download/';
  const dir = (setting('custom_dir') || `v${version}`).replace('{{ version }}', version);
  const arch = process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch;
  const platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform;
  const file = setting('custom_filename') || `electron-v${version}-${platform}-${arch}.zip`;
  try {
    const response = await fetch(`${base}${dir}/${file}`, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Whether Electron's binary is already in place (install.js's own check, without running it). */
export function electronInstalled() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  const dir = resolve(root, 'node_modules', 'electron');
  try {
    const version = readFileSync(join(dir, 'dist', 'version'), 'utf8')
      .replace(/^v/, '')
      .trim();
    const binary = readFileSync(join(dir, 'path.txt'), 'utf8');
    return version === packageVersion('electron') && existsSync(join(dir, 'dist', binary));
  } catch {
    return false;
  }
}

export function packageVersion(name) {
  return JSON.parse(readFileSync(resolve(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}
