import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Backend } from './api/context';
import { dispatch } from './api/dispatch';
import { contentSecurityPolicy } from './security/csp';

/**
 * The browser shell: a loopback-only HTTP host that serves the built renderer and answers
 * `POST /api/<method>` through the same dispatcher as Electron's IPC. Requests need the per-launch
 * token; foreign Host headers (DNS rebinding) and foreign Origins (other sites) are refused.
 */
export const TOKEN_HEADER = 'x-zorgoverleg-token';
// A 64 MB import file travels as base64 inside JSON: a third larger.
const MAX_BODY_BYTES = 96 * 1024 * 1024;

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
}

export interface BrowserHost {
  server: Server;
  origin: string;
  /** The address to open: carries the token once; the page moves it out of the address bar. */
  url: string;
  token: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(32).toString('base64url');
  let allowedHosts: Set<string> = new Set();
  let allowedOrigins: Set<string> = new Set();

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

  const server = createServer(async (req, res) => {
    try {
      if (!req.headers.host || !allowedHosts.has(req.headers.host)) return send(res, 403, 'Onbekende host');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins.has(origin)) return send(res, 403, 'Onbekende herkomst');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'Alleen POST');
        if (!tokenMatches(req.headers[TOKEN_HEADER], token)) return send(res, 401, 'Geen geldige sleutel');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Alleen JSON');
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'Het verzoek is geen geldige JSON.' } });
        }
        return sendJson(res, 200, await dispatch(options.backend, url.pathname.slice('/api/'.length), input));
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
  const origin = `http://127.0.0.1:${port}`;
  return {
    server,
    origin,
    token,
    url: `${origin}/#/?token=${token}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
