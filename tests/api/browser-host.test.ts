import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, TOKEN_HEADER, type BrowserHost } from '../../electron/browser-host';
import { makeBackend, tempDir } from '../helpers/backend';

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function send(host: BrowserHost, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('browser host', () => {
  const data = tempDir();
  const renderer = tempDir();
  let host: BrowserHost;
  const api = (token: string, extra: Record<string, string> = {}) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, ...extra },
    body: '{}',
  });

  beforeAll(async () => {
    writeFileSync(join(renderer.path, 'index.html'), '<!doctype html><title>Zorgoverleg</title>');
    mkdirSync(join(renderer.path, 'assets'));
    writeFileSync(join(renderer.path, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(data.path, 'geheim.txt'), 'niet serveren');
    host = await startBrowserHost({ backend: makeBackend(data.path), rendererDir: renderer.path });
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

  it('answers API calls that carry the token', async () => {
    const reply = await send(host, '/api/vault.status', api(host.token));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { environments: [], session: null } });
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    expect((await send(host, '/api/vault.status', { ...api(''), headers: { 'content-type': 'application/json' } })).status).toBe(401);
    expect((await send(host, '/api/vault.status', api(`${host.token.slice(1)}x`))).status).toBe(401);
  });

  it('refuses requests from a foreign Origin, even with the token', async () => {
    const reply = await send(host, '/api/vault.status', api(host.token, { origin: 'https://evil.example' }));
    expect(reply.status).toBe(403);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const reply = await send(host, '/api/vault.status', api(host.token, { host: `evil.example:${new URL(host.origin).port}` }));
    expect(reply.status).toBe(403);
    expect((await send(host, '/', { headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('accepts its own origin', async () => {
    const reply = await send(host, '/api/vault.status', api(host.token, { origin: host.origin }));
    expect(reply.status).toBe(200);
  });

  it('only takes JSON POSTs on the API', async () => {
    expect((await send(host, '/api/vault.status')).status).toBe(405);
    expect((await send(host, '/api/vault.status', { ...api(host.token), headers: { [TOKEN_HEADER]: host.token, 'content-type': 'text/plain' } })).status).toBe(415);
    const bad = await send(host, '/api/vault.status', { ...api(host.token), body: '{kapot' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toBe('Het verzoek is geen geldige JSON.');
  });

  it('serves the renderer with a strict CSP, and nothing outside it', async () => {
    const index = await send(host, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect((await send(host, '/assets/app.js')).headers['content-type']).toContain('javascript');
    expect((await send(host, '/../' + data.path.split('/').pop() + '/geheim.txt')).body).not.toContain('niet serveren');
    expect((await send(host, '/%2e%2e/%2e%2e/etc/passwd')).body).not.toContain('root:');
    expect((await send(host, '/assets/bestaat-niet.js')).status).toBe(404);
  });
});
