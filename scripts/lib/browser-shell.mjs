// The browser shell as `npm start` runs it: the loopback host, and Chromium in app mode on the
// host's launch page. Node built-ins only.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The host's machine-readable line: the launch page (a file only this user can read). */
const LAUNCH_LINE = /^ZORGOVERLEG_LAUNCH=(\S+)$/;
/** Chromium that stops sooner than this did not start (as root without a sandbox, say): the host stays. */
const FAILED_START_MS = 10_000;

/**
 * Chromium's command line: the launch page's file address and a throwaway profile. Nothing
 * secret: every local user can read a process's arguments, so the one-time code stays in the
 * launch page, which only this user can read.
 */
export function chromiumArguments(launchPage, profileDir) {
  return [
    `--app=${launchPage}`,
    `--user-data-dir=${profileDir}`,
    '--lang=nl-NL',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
  ];
}

/**
 * Starts the host and, when `chromium` is given, Chromium on its launch page with a throwaway
 * profile (it holds the session cookie and the page's storage). Closing Chromium's window stops
 * the host; when the host stops, Chromium is closed and the profile removed. Resolves with the
 * host's exit code once all that is done.
 */
export function runBrowserShell({ hostCommand, hostArgs, chromium, cwd, env = process.env, output = process.stdout }) {
  const host = spawn(hostCommand, hostArgs, { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let browser = null;
  let profile = null;
  let pending = '';

  const openChromium = (launchPage) => {
    profile = mkdtempSync(join(tmpdir(), 'zorgoverleg-chromium-'));
    const startedAt = Date.now();
    // Its own process group, so closing it also closes its helpers (renderers, GPU).
    browser = spawn(chromium, chromiumArguments(launchPage, profile), {
      stdio: 'ignore',
      detached: process.platform !== 'win32',
    });
    browser.on('error', (err) => output.write(`Chromium kon niet worden gestart (${err.message}); open de startpagina hierboven zelf.\n`));
    browser.on('exit', (code) => {
      browser = null;
      if (host.exitCode !== null || host.signalCode !== null) return;
      if (code !== 0 && Date.now() - startedAt < FAILED_START_MS) {
        output.write('Chromium is meteen gestopt; open de startpagina hierboven zelf in een browser.\n');
        return;
      }
      output.write('Het venster is gesloten; Zorgoverleg stopt.\n');
      host.kill('SIGTERM');
    });
  };

  host.stdout.on('data', (chunk) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const launchPage = line.match(LAUNCH_LINE)?.[1];
      // The launch page is printed for people on the line before: once is enough.
      if (!launchPage) output.write(`${line}\n`);
      else if (chromium && !browser) openChromium(launchPage);
    }
  });

  const closeChromium = () =>
    new Promise((done) => {
      const removeProfile = () => {
        if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
        profile = null;
        done();
      };
      const running = browser;
      if (!running || running.exitCode !== null || running.signalCode !== null) return removeProfile();
      const signal = (name) => {
        try {
          if (process.platform === 'win32') running.kill(name);
          else process.kill(-running.pid, name);
        } catch {
          // Already gone.
        }
      };
      const hardStop = setTimeout(() => signal('SIGKILL'), 5000);
      running.once('exit', () => {
        clearTimeout(hardStop);
        removeProfile();
      });
      signal('SIGTERM');
    });

  const exited = new Promise((resolveExit) => {
    host.on('exit', (code, signal) => {
      void closeChromium().then(() => resolveExit(code ?? (signal ? 0 : 1)));
    });
  });
  return { host, exited, stop: (signal = 'SIGTERM') => host.kill(signal) };
}
