import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/api/context';
import { DEMO_PASSPHRASE } from '../../electron/features/demo/demo-school';
import { call, migrationsFolder, tempDir } from '../helpers/backend';

const root = resolve(import.meta.dirname, '..', '..');

describe('npm run demo -- --out <file>', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  const out = join(dir.path, 'demo.zorgoverleg');
  const runDemo = () =>
    spawnSync(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'), resolve(root, 'scripts/demo.ts'), '--out', out], {
      encoding: 'utf8',
    });

  it('writes a demo vault that opens with the demo passphrase', async () => {
    const result = runDemo();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(DEMO_PASSPHRASE);

    const backend = new Backend({ dataDir: dir.path, migrationsFolder });
    const { environments } = await call(backend, 'vault.status', {});
    const demo = environments.find((e) => e.id === 'demo')!;
    expect(demo).toMatchObject({ demo: true, problem: null });
    await call(backend, 'vault.unlock', { environmentId: 'demo', userId: demo.users[0]!.id, passphrase: DEMO_PASSPHRASE });
    expect((await call(backend, 'settings.get', {})).schoolName).toBe('Lindeboom College (demo)');
    backend.lock();
  });

  it('refuses to overwrite an existing file, in Dutch', () => {
    const result = runDemo();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('niet overschreven');
  });
});
