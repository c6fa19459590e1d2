import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, readFileSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDLE_LOCK_MS, startBrowserHost, type BrowserHost, type BrowserHostOptions } from '../../electron/browser-host';
import { chromiumArguments } from '../../scripts/lib/browser-shell.mjs';
import { makeBackend, newSchool, tempDir } from '../helpers/backend';
import { openHostSession } from '../helpers/browser-host';

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function send(
  host: BrowserHost,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/**
 * A GET with the request line written byte for byte on a socket: no client parses, normalises or
 * escapes the path first, so `/../`, `%2e%2e` and backslashes reach the host as a prober sends them.
 */
function sendRaw(host: BrowserHost, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`, 'latin1');
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const reply = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0);
      const head = reply.indexOf('\r\n\r\n');
      const rest = head < 0 ? '' : reply.slice(head + 4);
      // Keep-alive is off, so the body is what follows the head (Content-Length or chunked: both are read whole).
      const chunked = /\r\ntransfer-encoding: chunked/i.test(reply.slice(0, head));
      resolve({ status, body: chunked ? unchunk(rest) : rest });
    });
  });
}

function unchunk(text: string): string {
  let out = '';
  for (let at = 0; ;) {
    const lineEnd = text.indexOf('\r\n', at);
    const size = parseInt(text.slice(at, lineEnd), 16);
    if (!size) return out;
    out += text.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}

/** The path and query of a launch address, as a browser would ask for it. */
const launchPath = (host: BrowserHost) => {
  const url = new URL(host.launchUrl());
  return `${url.pathname}${url.search}`;
};

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('browser host', () => {
  const data = tempDir();
  const renderer = tempDir();
  let host: BrowserHost;
  let cookie: string;
  const api = (cookieHeader: string | null, extra: Record<string, string> = {}) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookieHeader ? { cookie: cookieHeader } : {}), ...extra },
    body: '{}',
  });

  beforeAll(async () => {
    writeFileSync(join(renderer.path, 'index.html'), '<!doctype html><title>Zorgoverleg</title>');
    mkdirSync(join(renderer.path, 'assets'));
    writeFileSync(join(renderer.path, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(data.path, 'geheim.txt'), 'niet serveren');
    host = await startBrowserHost({ backend: makeBackend(data.path), rendererDir: renderer.path });
    cookie = await openHostSession(host);
  });
  afterAll(async () => {
    await host.close();
    data.cleanup();
    renderer.cleanup();
  });

  it('listens on loopback only', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const address = host.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('trades a launch code, once, for an HttpOnly SameSite=Strict session cookie', async () => {
    const path = launchPath(host);
    const first = await send(host, path);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/#/');
    const [setCookie] = first.headers['set-cookie'] ?? [];
    expect(setCookie).toMatch(new RegExp(`^${host.cookieName}=[A-Za-z0-9_-]{43}; `));
    const attributes = setCookie!.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    const session = setCookie!.split(';')[0]!;
    expect((await send(host, '/api/vault.status', api(session))).status).toBe(200);

    // Spent: the same code opens nothing, not even for a second browser that races for it.
    const again = await send(host, path);
    expect(again.status).toBe(403);
    expect(again.body).toContain('Deze startpagina is al gebruikt of verlopen.');
    expect(again.headers['set-cookie']).toBeUndefined();
    expect((await send(host, '/launch?code=verzonnen')).status).toBe(403);
    expect((await send(host, '/launch')).status).toBe(403);
    // A browser that already has a session (a second window, a reload) just goes on to the app.
    const withSession = await send(host, path, { headers: { cookie: session } });
    expect(withSession.status).toBe(303);
    expect(withSession.headers['set-cookie']).toBeUndefined();
  });

  it('answers API calls that carry the session cookie', async () => {
    const reply = await send(host, '/api/vault.status', api(cookie));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { environments: [], session: null, notice: null } });
  });

  it('refuses API calls without the cookie, with a wrong one or with one for another port', async () => {
    expect((await send(host, '/api/vault.status', api(null))).status).toBe(401);
    const value = cookie.split('=')[1]!;
    expect((await send(host, '/api/vault.status', api(`${host.cookieName}=${value.slice(1)}x`))).status).toBe(401);
    expect((await send(host, '/api/vault.status', api(`zorgoverleg-1=${value}`))).status).toBe(401);
    // The old header token is no credential any more.
    expect((await send(host, '/api/vault.status', api(null, { 'x-zorgoverleg-token': value }))).status).toBe(401);
  });

  it('refuses requests from a foreign Origin or site, even with the cookie', async () => {
    const reply = await send(host, '/api/vault.status', api(cookie, { origin: 'https://evil.example' }));
    expect(reply.status).toBe(403);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    // Another port on this machine is the same site for cookies: the browser says where a call comes from.
    const port = Number(new URL(host.origin).port);
    expect((await send(host, '/api/vault.status', api(cookie, { origin: `http://127.0.0.1:${port + 1}` }))).status).toBe(403);
    expect((await send(host, '/api/vault.status', api(cookie, { 'sec-fetch-site': 'same-site' }))).status).toBe(403);
    expect((await send(host, '/api/vault.status', api(cookie, { 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
    expect((await send(host, '/api/vault.status', api(cookie, { 'sec-fetch-site': 'same-origin' }))).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the cookie', async () => {
    const reply = await send(host, '/api/vault.status', api(cookie, { host: `evil.example:${new URL(host.origin).port}` }));
    expect(reply.status).toBe(403);
    expect((await send(host, '/', { headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await send(host, launchPath(host), { headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('accepts its own origin', async () => {
    const reply = await send(host, '/api/vault.status', api(cookie, { origin: host.origin }));
    expect(reply.status).toBe(200);
  });

  it('only takes JSON POSTs on the API', async () => {
    expect((await send(host, '/api/vault.status', { headers: { cookie } })).status).toBe(405);
    expect((await send(host, '/api/vault.status', { ...api(cookie), headers: { cookie, 'content-type': 'text/plain' } })).status).toBe(415);
    const bad = await send(host, '/api/vault.status', { ...api(cookie), body: '{kapot' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toBe('Het verzoek is geen geldige JSON.');
  });

  it('serves the renderer with a strict CSP, and nothing outside it', async () => {
    const index = await send(host, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect((await send(host, '/assets/app.js')).headers['content-type']).toContain('javascript');
    expect((await send(host, '/assets/bestaat-niet.js')).status).toBe(404);
  });

  it('serves nothing outside its folder, whatever the path it is asked for byte by byte', async () => {
    // geheim.txt lies in a sibling folder of the renderer's: one step up and across.
    const sibling = basename(data.path);
    const index = '<!doctype html><title>Zorgoverleg</title>';
    // Encoded separators survive the host's URL parser and reach its own check; the plain ones show the parser's part.
    const probes = [
      `/../${sibling}/geheim.txt`,
      `/..%2f${sibling}%2fgeheim.txt`,
      `/%2e%2e%2f${sibling}%2fgeheim.txt`,
      `/%2E%2E%2F${sibling}%2Fgeheim.txt`,
      `/assets/..%2f..%2f${sibling}%2fgeheim.txt`,
      `/assets%2f..%2f..%2f${sibling}%2fgeheim.txt`,
      `/..%5c${sibling}%5cgeheim.txt`,
      `/..\\${sibling}\\geheim.txt`,
      `/%2e%2e/%2e%2e/%2e%2e/etc/passwd`,
      `/${'..%2f'.repeat(12)}etc%2fpasswd`,
      `/assets/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd`,
      `/${encodeURIComponent(join(data.path, 'geheim.txt'))}`,
      `//${data.path.slice(1)}/geheim.txt`,
    ];
    for (const path of probes) {
      const reply = await sendRaw(host, path);
      expect(reply.body, path).not.toContain('niet serveren');
      expect(reply.body, path).not.toContain('root:');
      // Refused: not found, or (an extensionless path) the app's own page for a client-side route.
      expect(reply.status === 404 || (reply.status === 200 && reply.body === index), `${path}: ${reply.status}`).toBe(true);
    }
    // The same encodings do reach the renderer's files: the refusals above are the folder check's, not a path that went nowhere.
    for (const path of ['/assets%2fapp.js', '/assets/..%2fassets%2fapp.js', '/%61ssets/app.js']) {
      expect(await sendRaw(host, path), path).toMatchObject({ status: 200, body: 'console.log(1)' });
    }
  });

  it('writes a launch page only this user can read, and launches Chromium with nothing secret in its arguments', async () => {
    const page = host.writeLaunchPage();
    expect(statSync(page).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(page)).mode & 0o777).toBe(0o700);
    const launchUrl = readFileSync(page, 'utf8').match(/url=(http:\/\/[^"]+)"/)?.[1];
    expect(launchUrl).toMatch(new RegExp(`^${host.origin}/launch\\?code=[A-Za-z0-9_-]{43}$`));
    const code = new URL(launchUrl!).searchParams.get('code')!;

    const argv = chromiumArguments(pathToFileURL(page).href, '/tmp/zorgoverleg-chromium-profiel');
    expect(argv).toContain(`--app=${pathToFileURL(page).href}`);
    for (const arg of argv) {
      expect(arg).not.toContain(code);
      expect(arg).not.toContain('code=');
      expect(arg).not.toContain(cookie.split('=')[1]!);
      expect(arg).not.toMatch(/^https?:/);
    }

    // Opening it spends the code and removes the page: what is left on disk opens nothing.
    const { pathname, search } = new URL(launchUrl!);
    expect((await send(host, `${pathname}${search}`)).status).toBe(303);
    expect(existsSync(page)).toBe(false);
    expect((await send(host, `${pathname}${search}`)).status).toBe(403);
  });
});

describe('browser host: request bodies over the limit', () => {
  const data = tempDir();
  const renderer = tempDir();
  let host: BrowserHost;
  let cookie: string;

  beforeAll(async () => {
    writeFileSync(join(renderer.path, 'index.html'), '<!doctype html>');
    host = await startBrowserHost({ backend: makeBackend(data.path), rendererDir: renderer.path, maxBodyBytes: 4096 });
    cookie = await openHostSession(host);
  });
  afterAll(async () => {
    await host.close();
    data.cleanup();
    renderer.cleanup();
  });

  const tooLarge = {
    ok: false,
    error: { code: 'TOO_LARGE', message: 'Dit is te groot om te versturen. Kies een kleiner bestand.' },
  };
  const bigBody = JSON.stringify({ text: 'x'.repeat(64 * 1024) });

  it('answers 413 with the error envelope instead of resetting the connection', async () => {
    const reply = await send(host, '/api/vault.status', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: bigBody,
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual(tooLarge);
  });

  it('also for a body sent in chunks without a length', async () => {
    const reply = await send(host, '/api/vault.status', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'transfer-encoding': 'chunked' },
      body: bigBody,
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual(tooLarge);
  });

  it('and goes on answering after it', async () => {
    const reply = await send(host, '/api/vault.status', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: '{}',
    });
    expect(reply.status).toBe(200);
  });

  it('takes the same way with fetch, as the page does', async () => {
    const response = await fetch(`${host.origin}/api/vault.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: bigBody,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(tooLarge);
  });
});

describe('browser host: its own locks', () => {
  const renderer = tempDir();
  const hosts: { host: BrowserHost; data: { cleanup(): void } }[] = [];
  beforeAll(() => writeFileSync(join(renderer.path, 'index.html'), '<!doctype html>'));
  afterEach(async () => {
    for (const { host, data } of hosts.splice(0)) {
      await host.close();
      data.cleanup();
    }
  });
  afterAll(() => renderer.cleanup());

  /** A host with an open vault (created through its API, as the page does). */
  async function hostWithOpenVault(options: Partial<BrowserHostOptions>) {
    const data = tempDir();
    const backend = makeBackend(data.path);
    const host = await startBrowserHost({ backend, rendererDir: renderer.path, ...options });
    hosts.push({ host, data });
    const cookie = await openHostSession(host);
    const post = async (path: string, body: unknown) =>
      send(host, path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(body),
      });
    const created = await post('/api/vault.create', newSchool);
    expect(JSON.parse(created.body).ok).toBe(true);
    expect(backend.session).not.toBeNull();
    return { backend, post, host };
  }

  it('locks the vault after the idle time, whatever the page keeps polling', async () => {
    const { backend, post } = await hostWithOpenVault({ idleLockMs: 1000 });
    // The status, the running screens' polls and the pings of an open window are no user at work.
    const polling = (async () => {
      while (backend.session) {
        await post('/api/vault.status', {});
        await post('/api/minutes.get', { meetingId: 'geen' });
        await post('/session/alive', { window: 'venster-1', active: false });
        await wait(100);
      }
    })();
    await expect.poll(() => backend.session).toBeNull();
    await polling;
  });

  it('an option can shorten the idle lock, never lengthen it', async () => {
    const { host } = await hostWithOpenVault({ idleLockMs: 24 * 60 * 60 * 1000 });
    expect(host.idleLockMs).toBe(DEFAULT_IDLE_LOCK_MS);
  });

  it('stays open while the user works: API calls and a window that saw keys or the mouse', async () => {
    // Signs of work every 400 ms for 4 s, against an idle time of 3 s: room for a slow machine's gaps.
    const { backend, post } = await hostWithOpenVault({ idleLockMs: 3000 });
    for (let i = 0; i < 5; i++) {
      await post('/session/alive', { window: 'venster-1', active: true });
      await wait(400);
      await post('/api/settings.get', {});
      await wait(400);
    }
    expect(backend.session).not.toBeNull();
    await expect.poll(() => backend.session).toBeNull();
  });

  it('locks when the last window closes, not when one of two closes or a window reloads', async () => {
    // A grace time well above the gap between a reload's goodbye and hello, even on a loaded machine.
    const { backend, post } = await hostWithOpenVault({ windowClosedGraceMs: 2000 });
    await post('/session/alive', { window: 'hoofdvenster', active: true });
    await post('/session/alive', { window: 'projector-1', active: false });
    await post('/session/closed', { window: 'projector-1' });
    await wait(2500);
    expect(backend.session).not.toBeNull();

    // A reload: the page goes, the next one says hello within the grace time.
    await post('/session/closed', { window: 'hoofdvenster' });
    await post('/session/alive', { window: 'hoofdvenster-2', active: true });
    await wait(2500);
    expect(backend.session).not.toBeNull();

    await post('/session/closed', { window: 'hoofdvenster-2' });
    await expect.poll(() => backend.session).toBeNull();
  });

  it('locks when the last window has gone silent (a crashed browser says no goodbye)', async () => {
    const { backend, post } = await hostWithOpenVault({ windowSilentMs: 300 });
    await post('/session/alive', { window: 'hoofdvenster', active: true });
    await expect.poll(() => backend.session).toBeNull();
  });

  it('takes window notes only with the session cookie and a sane window name', async () => {
    const { post, host } = await hostWithOpenVault({});
    const withoutCookie = await send(host, '/session/alive', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ window: 'venster-1', active: true }),
    });
    expect(withoutCookie.status).toBe(401);
    expect((await post('/session/alive', { window: '../../x', active: true })).status).toBe(400);
    const alive = await post('/session/alive', { window: 'venster-1', active: true });
    expect(alive.status).toBe(200);
    expect(JSON.parse(alive.body)).toEqual({ unlocked: true });
  });

  it('tells an open window, in its next note, that the host locked the vault (so it closes what it shows)', async () => {
    const { backend, post } = await hostWithOpenVault({ idleLockMs: 1000 });
    expect(JSON.parse((await post('/session/alive', { window: 'venster-1', active: false })).body)).toEqual({
      unlocked: true,
    });
    await expect.poll(() => backend.session).toBeNull();
    expect(JSON.parse((await post('/session/alive', { window: 'venster-1', active: false })).body)).toEqual({
      unlocked: false,
    });
  });
});
