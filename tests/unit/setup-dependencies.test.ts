import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dependenciesInstalled as installed, recordInstalledLock as record } from '../../scripts/lib/setup.mjs';

/** `npm start` and `npm test` decide whether to run `npm ci` by the lockfile's content, not by file times. */
describe('whether the dependencies are installed', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zorgoverleg-setup-'));
    writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion":3,"packages":{"":{"name":"x"}}}');
    mkdirSync(join(dir, 'node_modules'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('installs when node_modules never recorded a lockfile', () => {
    expect(installed(dir)).toBe(false);
  });

  it('does not install again when the lockfile is newer on disk but the same (a fresh checkout)', () => {
    record(dir);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'package-lock.json'), later, later);
    expect(installed(dir)).toBe(true);
  });

  it('installs again when the lockfile changed', () => {
    record(dir);
    writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion":3,"packages":{"":{"name":"y"}}}');
    expect(installed(dir)).toBe(false);
  });
});
