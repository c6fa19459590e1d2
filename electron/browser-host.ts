import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Backend } from './api/context';
import { dispatch } from './app/dispatch';
import { errorMessages } from './api/errors';
import { contentSecurityPolicy } from './security/csp';
import { DEFAULT_IDLE_LOCK_MS } from './shell-settings';

/**
 * The browser shell: a loopback-only HTTP host that serves the built renderer and answers
 * `POST /api/<method>` through the same dispatcher as Electron's IPC.
 *
 * Nothing secret ever travels in a command line or an address another user can see: the host
 * writes a launch page only this user can read, which trades a one-time launch code for an
 * HttpOnly, SameSite=Strict session cookie. API calls need that cookie; foreign Host headers (DNS
 * rebinding) and foreign Origins (other sites, other ports) are refused. The host locks the vault
 * itself after the idle time and when the last window closes, whatever the page does.
 */

// A 64 MB import file travels as base64 inside JSON: a third larger.
const MAX_BODY_BYTES = 96 * 1024 * 1024;
/** Long enough for Chromium to start on a busy machine; the code is spent on first use anyway. */
export const LAUNCH_CODE_TTL_MS = 2 * 60 * 1000;
/** The same time as the renderer's own idle lock. */
export { DEFAULT_IDLE_LOCK_MS };
/** A reload closes one page and opens the next: only a window that stays gone locks. */
const WINDOW_CLOSED_GRACE_MS = 15_000;
/** Pages say they are open every 30 s (a hidden tab's timers may run once a minute). */
const WINDOW_SILENT_MS = 3 * 60 * 1000;
const MAX_WINDOWS = 64;
const MAX_SESSIONS = 32;
/**
 * Calls a page makes by itself, without the user doing anything: they must not keep an
 * unattended vault open (the projector's long-poll, the status and the running screens' polls).
 */
const BACKGROUND_METHODS = new Set(['vault.status', 'presentation.projector', 'presentation.state', 'minutes.get', 'import.progress']);

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface BrowserHostOptions {
  backend: Backend;
  rendererDir: string;
  port?: number;
  /** Locks the vault after this long without the user doing anything (default and at most 15 minutes). */
  idleLockMs?: number;
  /** How long a closed last window may take to come back (a reload) before the vault locks. */
  windowClosedGraceMs?: number;
  /** A window that has not said it is open for this long counts as closed. */
  windowSilentMs?: number;
  maxBodyBytes?: number;
}

export interface BrowserHost {
  server: Server;
  origin: string;
  /** The name of this host's session cookie (per port: two hosts never overwrite each other's). */
  cookieName: string;
  /** The idle time after which this host locks the vault (never more than DEFAULT_IDLE_LOCK_MS). */
  idleLockMs: number;
  /** A new one-time launch address, valid for LAUNCH_CODE_TTL_MS: only for a page only this user can read. */
  launchUrl(): string;
  /** Writes a launch page for a new one-time code, readable by this user only; returns its path. */
  writeLaunchPage(): string;
  close(): Promise<void>;
}

const securityHeaders: OutgoingHttpHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': type });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function redirectToApp(res: ServerResponse, cookie?: string): void {
  res.writeHead(303, { ...securityHeaders, Location: '/#/', ...(cookie ? { 'Set-Cookie': cookie } : {}) });
  res.end();
}

/** The body, or null when it is over the limit (the rest is then read and dropped). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      req.removeAllListeners('data');
      // Read on and drop the rest, so the client gets to read the answer instead of a reset
      // connection; one that keeps sending is cut off after a while.
      const cutOff = setTimeout(() => req.destroy(), 30_000);
      cutOff.unref();
      req.once('end', () => clearTimeout(cutOff));
      req.resume();
      resolve(null);
    };
    if (Number(req.headers['content-length']) > limit) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        tooLarge();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (size <= limit) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function sameSecret(given: string, known: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(known);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The values of every cookie called `name` (an old host on another port may have left one too). */
function cookieValues(req: IncomingMessage, name: string): string[] {
  return (req.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${name}=`))
    .map((part) => part.slice(name.length + 1));
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The launch page: it only sends the browser on to the host, which trades its code for a cookie. */
export function launchPageHtml(launchUrl: string): string {
  const url = escapeHtml(launchUrl);
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0;url=${url}">
<title>Zorgoverleg openen</title>
</head>
<body><p><a href="${url}">Zorgoverleg openen</a></p></body>
</html>
`;
}

const launchRefused = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Zorgoverleg</title></head>
<body><p>Deze startpagina is al gebruikt of verlopen. Start Zorgoverleg opnieuw.</p></body></html>
`;

const isWindowId = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(value);

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { backend } = options;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let allowedHosts: Set<string> = new Set();
  let allowedOrigins: Set<string> = new Set();
  let origin = '';
  let cookieName = '';

  // One-time launch codes, each with the launch page that holds it (removed once spent or expired).
  const launchCodes = new Map<string, { file: string | null; expiry: NodeJS.Timeout }>();
  let launchDir: string | null = null;
  const sessions: string[] = [];

  const forgetCode = (code: string) => {
    const entry = launchCodes.get(code);
    if (!entry) return;
    launchCodes.delete(code);
    clearTimeout(entry.expiry);
    if (entry.file) rmSync(entry.file, { force: true });
  };
  const mintCode = (file: string | null): string => {
    const code = randomBytes(32).toString('base64url');
    const expiry = setTimeout(() => forgetCode(code), LAUNCH_CODE_TTL_MS);
    expiry.unref();
    launchCodes.set(code, { file, expiry });
    return code;
  };
  /** Spends a launch code: true once for a code the host made in the last two minutes. */
  const spendCode = (given: string): boolean => {
    const found = [...launchCodes.keys()].find((code) => sameSecret(given, code));
    if (found === undefined) return false;
    forgetCode(found);
    return true;
  };
  const newSession = (): string => {
    const session = randomBytes(32).toString('base64url');
    sessions.push(session);
    if (sessions.length > MAX_SESSIONS) sessions.shift();
    return session;
  };
  const hasSession = (req: IncomingMessage): boolean =>
    cookieValues(req, cookieName).some((given) => sessions.some((session) => sameSecret(given, session)));

  // The host's own locks: after the idle time, and when the last window is gone.
  const lockNow = (why: string) => {
    if (!backend.session) return;
    backend.lock();
    console.log(`Zorgoverleg is vergrendeld: ${why}.`);
  };
  // An option can only shorten the lock, never keep a vault open longer.
  const idleLockMs = Math.min(options.idleLockMs ?? DEFAULT_IDLE_LOCK_MS, DEFAULT_IDLE_LOCK_MS);
  const idleTimer = setTimeout(() => lockNow('een tijd niets gedaan'), idleLockMs);
  idleTimer.unref();
  const userActive = () => void idleTimer.refresh();

  const windows = new Map<string, NodeJS.Timeout>();
  let lastClosed: NodeJS.Timeout | null = null;
  const windowGone = (id: string, closed: boolean) => {
    const silence = windows.get(id);
    if (!silence) return;
    clearTimeout(silence);
    windows.delete(id);
    if (windows.size > 0) return;
    if (!closed) return lockNow('geen venster meer open');
    lastClosed = setTimeout(() => {
      lastClosed = null;
      if (windows.size === 0) lockNow('het laatste venster is gesloten');
    }, options.windowClosedGraceMs ?? WINDOW_CLOSED_GRACE_MS);
    lastClosed.unref();
  };
  const windowOpen = (id: string) => {
    if (lastClosed) clearTimeout(lastClosed);
    lastClosed = null;
    const silence = windows.get(id);
    if (silence) return void silence.refresh();
    if (windows.size >= MAX_WINDOWS) return;
    const timer = setTimeout(() => windowGone(id, false), options.windowSilentMs ?? WINDOW_SILENT_MS);
    timer.unref();
    windows.set(id, timer);
  };

  const serveStatic = async (urlPath: string, res: ServerResponse) => {
    const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '') || 'index.html';
    const file = join(options.rendererDir, relative);
    if (!file.startsWith(options.rendererDir + sep)) return send(res, 404, 'Niet gevonden');
    try {
      send(res, 200, await readFile(file), contentTypes[extname(file)] ?? 'application/octet-stream');
    } catch {
      // Unknown paths get the app itself (client-side routes); assets that are missing stay 404.
      if (extname(relative)) return send(res, 404, 'Niet gevonden');
      send(res, 200, await readFile(join(options.rendererDir, 'index.html')), contentTypes['.html']);
    }
  };

  /** What calls from the page share: POST, this origin only, the session cookie, JSON. Null when all is well. */
  const pageCallRefusal = (req: IncomingMessage): [status: number, text: string] | null => {
    if (req.method !== 'POST') return [405, 'Alleen POST'];
    // A page on another port of this machine is "same-site" and would carry the cookie: the
    // browser's own account of where a call comes from is checked too, next to Origin.
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin') return [403, 'Onbekende herkomst'];
    if (!hasSession(req)) return [401, 'Geen geldige sessie'];
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return [415, 'Alleen JSON'];
    return null;
  };

  const tooLarge = { ok: false, error: { code: 'TOO_LARGE', message: errorMessages.TOO_LARGE } } as const;
  const notJson = { ok: false, error: { code: 'VALIDATION', message: 'Het verzoek is geen geldige JSON.' } } as const;

  const server = createServer(async (req, res) => {
    try {
      if (!req.headers.host || !allowedHosts.has(req.headers.host)) return send(res, 403, 'Onbekende host');
      const requestOrigin = req.headers.origin;
      if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin)) return send(res, 403, 'Onbekende herkomst');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');

      if (url.pathname === '/launch') {
        if (req.method !== 'GET') return send(res, 405, 'Niet toegestaan');
        const code = url.searchParams.get('code');
        if (code && spendCode(code)) {
          userActive();
          return redirectToApp(res, `${cookieName}=${newSession()}; HttpOnly; SameSite=Strict; Path=/`);
        }
        // A window of a browser that already has a session (a second window, a reload) just goes on.
        if (hasSession(req)) return redirectToApp(res);
        return send(res, 403, launchRefused, contentTypes['.html']);
      }

      if (url.pathname.startsWith('/api/')) {
        const refusal = pageCallRefusal(req);
        if (refusal) return send(res, ...refusal);
        const body = await readBody(req, maxBodyBytes);
        if (body === null) return sendJson(res, 413, tooLarge);
        let input: unknown;
        try {
          input = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch {
          return sendJson(res, 400, notJson);
        }
        const method = url.pathname.slice('/api/'.length);
        if (!BACKGROUND_METHODS.has(method)) userActive();
        return sendJson(res, 200, await dispatch(backend, method, input));
      }

      // Each open page says so every 30 s (and whether the user did anything), and when it closes;
      // the answer to the first says whether the vault is still unlocked.
      if (url.pathname === '/session/alive' || url.pathname === '/session/closed') {
        const refusal = pageCallRefusal(req);
        if (refusal) return send(res, ...refusal);
        const body = await readBody(req, 1024);
        if (body === null) return sendJson(res, 413, tooLarge);
        let message: { window?: unknown; active?: unknown };
        try {
          message = JSON.parse(body.toString('utf8')) as typeof message;
        } catch {
          return sendJson(res, 400, notJson);
        }
        if (!isWindowId(message?.window)) return sendJson(res, 400, notJson);
        if (url.pathname === '/session/closed') {
          windowGone(message.window, true);
          res.writeHead(204, securityHeaders);
          return res.end();
        }
        windowOpen(message.window);
        if (message.active === true) userActive();
        // The page learns of a lock the host made (idle, last window) within one note, even
        // when nobody touches it: it then closes what it showed (attachment tabs included).
        return sendJson(res, 200, { unlocked: backend.session !== null });
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Niet toegestaan');
      return await serveStatic(url.pathname, res);
    } catch (err) {
      console.error('[host]', err instanceof Error ? err.message : String(err));
      if (!res.headersSent) send(res, 500, 'Interne fout');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  origin = `http://127.0.0.1:${port}`;
  cookieName = `zorgoverleg-${port}`;

  const launchUrlFor = (code: string) => `${origin}/launch?code=${code}`;
  return {
    server,
    origin,
    cookieName,
    idleLockMs,
    launchUrl: () => launchUrlFor(mintCode(null)),
    writeLaunchPage() {
      // mkdtemp makes the folder 0700; on Windows the user's own temp folder keeps others out.
      launchDir ??= mkdtempSync(join(tmpdir(), 'zorgoverleg-start-'));
      chmodSync(launchDir, 0o700);
      const file = join(launchDir, `openen-${randomBytes(6).toString('hex')}.html`);
      const code = mintCode(file);
      try {
        writeFileSync(file, launchPageHtml(launchUrlFor(code)), { mode: 0o600, flag: 'wx' });
      } catch (err) {
        forgetCode(code);
        throw err;
      }
      return file;
    },
    close: () => {
      clearTimeout(idleTimer);
      if (lastClosed) clearTimeout(lastClosed);
      for (const timer of windows.values()) clearTimeout(timer);
      windows.clear();
      for (const code of [...launchCodes.keys()]) forgetCode(code);
      if (launchDir) rmSync(launchDir, { recursive: true, force: true });
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
