import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runBrowserShell } from '../../scripts/lib/browser-shell.mjs';
import { tempDir } from '../helpers/backend';
import { field, launchChromium, openPage, startHost, type RunningHost } from './harness';

const root = resolve(import.meta.dirname, '..', '..');
const bundle = resolve(root, 'dist', 'host', 'browser-host.cjs');

/** What the stand-in for Chromium saw and did, as it wrote it down. */
interface FakeChromiumReport {
  pid: number;
  argv: string[];
  /** Its command line as every local user reads it from the process list. */
  cmdline: string[];
  code: string;
  launchStatus: number;
  gotCookie: boolean;
  apiStatus: number;
}

/**
 * A stand-in for Chromium (no display here): it records its own command line, opens the launch
 * page as Chromium would (the file, then the address in it, keeping the cookie), calls the API,
 * and then either stays open until it is closed or closes its window itself (exit 0).
 */
function fakeChromium(dir: string, closeItself: boolean): { path: string; report(): FakeChromiumReport | null } {
  const reportFile = join(dir, 'chromium-report.json');
  const path = join(dir, 'fake-chromium.mjs');
  writeFileSync(
    path,
    `#!${process.execPath}
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const argv = process.argv.slice(2);
const cmdline = readFileSync('/proc/self/cmdline', 'utf8').split('\\0').filter(Boolean);
const page = readFileSync(fileURLToPath(argv.find((a) => a.startsWith('--app=')).slice(6)), 'utf8');
const launch = page.match(/url=(http:[^"]+)"/)[1];
const opened = await fetch(launch, { redirect: 'manual' });
const cookie = (opened.headers.getSetCookie()[0] ?? '').split(';')[0];
const api = await fetch(new URL('/api/vault.status', launch), { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: '{}' });
writeFileSync(${JSON.stringify(reportFile)}, JSON.stringify({
  pid: process.pid, argv, cmdline, code: new URL(launch).searchParams.get('code'),
  launchStatus: opened.status, gotCookie: cookie.includes('='), apiStatus: api.status,
}));
if (${closeItself}) process.exit(0);
setInterval(() => {}, 1000);
`,
  );
  chmodSync(path, 0o755);
  return {
    path,
    report: () => (existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as FakeChromiumReport) : null),
  };
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start in the browser: what Chromium is given', () => {
  it('puts nothing secret in Chromium’s arguments or on the screen, and cleans up when the host stops', async () => {
    const dir = tempDir('zorgoverleg-e2e-shell-');
    const data = tempDir('zorgoverleg-e2e-shell-data-');
    try {
      const chromium = fakeChromium(dir.path, false);
      let screen = '';
      const shell = runBrowserShell({
        hostCommand: process.execPath,
        hostArgs: [bundle, '--data-dir', data.path],
        chromium: chromium.path,
        cwd: root,
        output: { write: (text: string) => (screen += text) },
      });
      await expect.poll(() => chromium.report(), { timeout: 30_000 }).not.toBeNull();
      const report = chromium.report()!;

      // Chromium opened a session through its launch page...
      expect(report.launchStatus).toBe(303);
      expect(report.gotCookie).toBe(true);
      expect(report.apiStatus).toBe(200);
      // ...while its command line, which any local user can read, holds no code and no address to the host.
      const app = report.argv.find((a) => a.startsWith('--app='));
      expect(app).toMatch(/^--app=file:\/\/\/.+\.html$/);
      const profile = report.argv.find((a) => a.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length);
      expect(existsSync(profile)).toBe(true);
      for (const arg of [...report.argv, ...report.cmdline]) {
        expect(arg).not.toContain(report.code);
        expect(arg).not.toContain('code=');
        expect(arg).not.toMatch(/https?:\/\//);
      }
      // The spent code opens nothing for anyone else.
      const origin = screen.match(/draait op (http:\/\/127\.0\.0\.1:\d+)/)![1]!;
      expect((await fetch(`${origin}/launch?code=${report.code}`, { redirect: 'manual' })).status).toBe(403);

      // The address is shown once, without a secret; the machine-readable line is not shown at all.
      expect(screen.match(/draait op/g)).toHaveLength(1);
      expect(screen.match(/file:\/\//g)).toHaveLength(1);
      expect(screen).not.toContain(report.code);
      expect(screen).not.toContain('ZORGOVERLEG_LAUNCH');
      const launchPage = screen.match(/(file:\/\/\S+\.html)/)![1]!;

      // Stopping the host closes Chromium and removes its profile and the launch folder.
      shell.stop();
      expect(await shell.exited).toBe(0);
      expect(isRunning(report.pid)).toBe(false);
      expect(existsSync(profile)).toBe(false);
      expect(existsSync(new URL('.', launchPage))).toBe(false);
    } finally {
      dir.cleanup();
      data.cleanup();
    }
  });

  it('stops the host when the user closes Chromium’s window', async () => {
    const dir = tempDir('zorgoverleg-e2e-shell-');
    const data = tempDir('zorgoverleg-e2e-shell-data-');
    try {
      const chromium = fakeChromium(dir.path, true);
      let screen = '';
      const shell = runBrowserShell({
        hostCommand: process.execPath,
        hostArgs: [bundle, '--data-dir', data.path],
        chromium: chromium.path,
        cwd: root,
        output: { write: (text: string) => (screen += text) },
      });
      expect(await shell.exited).toBe(0);
      expect(chromium.report()?.apiStatus).toBe(200);
      expect(screen).toContain('Het venster is gesloten; Zorgoverleg stopt.');
    } finally {
      dir.cleanup();
      data.cleanup();
    }
  });
});

describe('the browser shell in Chromium: launch page, cookie, the host’s own lock', () => {
  const data = tempDir('zorgoverleg-e2e-launch-');
  let browser: Browser;
  let host: RunningHost;

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost(data.path);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.cleanup();
  });

  it('opens from the launch file with a session the page cannot read, and locks when its last window closes', async () => {
    const page = await openPage(browser);
    page.setDefaultTimeout(15_000);
    await page.goto(host.launchPage);
    await page.getByRole('button', { name: 'Demo-school openen' }).waitFor();
    expect(page.url()).toBe(`${new URL(host.url).origin}/#/`);
    // HttpOnly: the page's scripts never hold the credential, nor does its storage.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // The launch page is spent and gone.
    expect(existsSync(new URL(host.launchPage))).toBe(false);

    await page.getByRole('button', { name: 'Demo-school openen' }).click();
    const passphrase = (await page.getByTestId('demo-passphrase').textContent()) ?? '';
    await page.getByRole('combobox', { name: 'Gebruiker' }).click();
    await page.getByRole('option', { name: 'Anouk Wolters (awo)' }).click();
    await field(page, 'Wachtwoord').fill(passphrase);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.getByTestId('school-name').waitFor();

    // Closing the only window locks the vault in the host itself (after a reload's grace time).
    const status = async () => {
      const response = await fetch(`${new URL(host.url).origin}/api/vault.status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: `${cookie!.name}=${cookie!.value}` },
        body: '{}',
      });
      return ((await response.json()) as { value: { session: unknown } }).value.session;
    };
    expect(await status()).not.toBeNull();
    await page.close({ runBeforeUnload: true });
    await expect.poll(status, { timeout: 60_000, interval: 500 }).toBeNull();
  });
});
