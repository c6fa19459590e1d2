import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronDownloadAnswers } from '../../scripts/lib/setup.mjs';

/** `npm start` says within seconds that Electron's download does not answer, instead of hanging for minutes. */
describe("whether Electron's download answers", () => {
  let server: Server | null = null;
  // npm passes an .npmrc's electron_mirror on as npm_config_…, which comes first: set aside here.
  const settings = ['ELECTRON_MIRROR', 'npm_config_electron_mirror', 'npm_package_config_electron_mirror', 'ELECTRON_GET_USE_PROXY'];
  const saved = Object.fromEntries(settings.map((name) => [name, process.env[name]]));
  beforeEach(() => {
    for (const name of settings) delete process.env[name];
  });
  afterEach(async () => {
    for (const name of settings) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    server?.closeAllConnections();
    await new Promise((done) => server?.close(done) ?? done(undefined));
    server = null;
  });

  async function mirror(answer: (path: string) => number | null): Promise<string[]> {
    const asked: string[] = [];
    server = createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      const status = answer(req.url ?? '');
      if (status === null) return; // hangs, as a download behind a silent firewall does
      res.writeHead(status).end();
    });
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    process.env.ELECTRON_MIRROR = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
    return asked;
  }

  it('gives up on a download that hangs, within the time given', async () => {
    await mirror(() => null);
    const started = Date.now();
    expect(await electronDownloadAnswers('45.4.1', 300)).toBe(false);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('says yes when the artifact is there, asking for the file install.js would fetch', async () => {
    const asked = await mirror(() => 200);
    expect(await electronDownloadAnswers('45.4.1', 2000)).toBe(true);
    expect(asked).toEqual([`HEAD /v45.4.1/electron-v45.4.1-${process.platform}-${process.arch}.zip`]);
  });

  it('says no when the mirror has no such file', async () => {
    await mirror(() => 404);
    expect(await electronDownloadAnswers('45.4.1', 2000)).toBe(false);
  });
});
