import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { addDays } from 'date-fns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/api/context';
import { dispatch } from '../../electron/app/dispatch';
import { call, makeBackend, newSchool, tempDir } from '../helpers/backend';
import { meetingToMinute, studentsFile } from './import-writes-setup';

/**
 * An import and the other windows' writes: a save the secretary was told is stored stays stored,
 * whatever happens to an import running at the same time (it fails, the app is killed).
 */
describe('writes while an import runs', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  let meetingId: string;
  let itemId: string;
  beforeEach(async () => {
    dir = tempDir();
    backend = makeBackend(dir.path);
    await call(backend, 'vault.create', newSchool);
    ({ meetingId, itemId } = await meetingToMinute(backend, addDays(new Date(), 7)));
  });
  afterEach(() => {
    backend.lock();
    dir.cleanup();
  });

  /** The Rondvraag's notes as stored. */
  const notes = async () => {
    const item = (await call(backend, 'minutes.get', { meetingId })).items.find((i) => i.id === itemId)!;
    return item.fields.find((f) => f.field === 'notities')?.text ?? '';
  };

  it('keeps a minutes save answered during an import when the import fails and rolls back', async () => {
    const rows = 1200;
    const analyzed = await call(backend, 'import.analyze', {
      fileName: 'groot.csv',
      contentBase64: studentsFile(rows, '1A'),
    });
    // A failure deep in the import: the database refuses the 1001st new student.
    backend.session!.vault.sqlite.exec(
      "CREATE TEMP TRIGGER fail_late BEFORE INSERT ON students WHEN NEW.student_number = '301000' BEGIN SELECT RAISE(ABORT, 'schijf vol'); END",
    );
    const { jobId } = await call(backend, 'import.start', {
      importId: analyzed.importId,
      mapping: analyzed.mapping,
      onErrors: 'skip',
      updates: 'all',
    });
    // Another window saves a paragraph while the import is under way (or just after it).
    const saved = await call(backend, 'minutes.saveField', {
      itemId,
      field: 'notities',
      text: 'Bram vraagt naar de rapportvergaderingen.',
      audience: 'intern',
      baseRevision: 0,
    });
    expect(saved.saved).toBe(true);
    for (;;) {
      const progress = await call(backend, 'import.progress', { jobId });
      if (progress.state !== 'running') {
        expect(progress.state).toBe('failed');
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const total = (await call(backend, 'students.search', { query: '', className: null, yearLevel: null, status: 'all', limit: 1 })).total;
    expect(total).toBe(0);
    // The Logboek does not leave the import's line standing as if the rows went in.
    const lines = (
      await call(backend, 'audit.list', {
        filter: { userId: null, studentId: null, from: null, to: null },
        before: null,
        limit: 100,
      })
    ).entries;
    expect(lines.filter((e) => e.method === 'import.failed').map((e) => e.detail)).toEqual([
      'De import is mislukt; er is niets geïmporteerd.',
    ]);
    expect(await notes()).toBe('Bram vraagt naar de rapportvergaderingen.');
    // Stored, not only in this connection's view: after a lock and an unlock it is still there.
    const { environments } = await call(backend, 'vault.status', {});
    await call(backend, 'vault.lock', {});
    await call(backend, 'vault.unlock', {
      environmentId: environments[0]!.id,
      userId: environments[0]!.users[0]!.id,
      passphrase: newSchool.passphrase,
    });
    expect(await notes()).toBe('Bram vraagt naar de rapportvergaderingen.');
  });

  it('imports nothing when the line of import.start cannot be written', async () => {
    const analyzed = await call(backend, 'import.analyze', {
      fileName: 'klein.csv',
      contentBase64: studentsFile(20, '1A'),
    });
    const sqlite = backend.session!.vault.sqlite;
    sqlite.exec(
      `CREATE TEMP TRIGGER audit_fails BEFORE INSERT ON audit_log WHEN NEW.method = ` +
        `'import.start' BEGIN SELECT RAISE(ABORT, 'schijf vol'); END;`,
    );
    const start = {
      importId: analyzed.importId,
      mapping: analyzed.mapping,
      onErrors: 'skip' as const,
      updates: 'all' as const,
    };
    const refused = await dispatch(backend, 'import.start', start);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('INTERNAL');
    await new Promise((r) => setTimeout(r, 50));
    const search = { query: '', className: null, yearLevel: null, status: 'all' as const, limit: 1 };
    expect((await call(backend, 'students.search', search)).total).toBe(0);
    // Once the line can be written, the same file goes in, once.
    sqlite.exec('DROP TRIGGER audit_fails');
    const { jobId } = await call(backend, 'import.start', start);
    await expect.poll(async () => (await call(backend, 'import.progress', { jobId })).state).toBe('done');
    expect((await call(backend, 'students.search', search)).total).toBe(20);
  });

  it('writes a file once when two windows start it in the same instant: the second finds it imported', async () => {
    const analyzed = await call(backend, 'import.analyze', {
      fileName: 'klein.csv',
      contentBase64: studentsFile(20, '1A'),
    });
    const start = {
      importId: analyzed.importId,
      mapping: analyzed.mapping,
      onErrors: 'skip' as const,
      updates: 'all' as const,
    };
    // Two windows press "Importeren" in the same instant.
    const [first, second] = await Promise.all([dispatch(backend, 'import.start', start), dispatch(backend, 'import.start', start)]);
    expect(first.ok).toBe(true);
    expect(second.ok ? 'ok' : second.error.code).toBe('IMPORT_EXPIRED');
    const total = (await call(backend, 'students.search', { query: '', className: null, yearLevel: null, status: 'all', limit: 1 })).total;
    expect(total).toBe(20);
    const lines = (
      await call(backend, 'audit.list', {
        filter: { userId: null, studentId: null, from: null, to: null },
        before: null,
        limit: 100,
      })
    ).entries;
    expect(lines.filter((e) => e.method === 'import.start').map((e) => e.detail?.split(': ')[1])).toEqual([
      '20 nieuw, 0 bijgewerkt, 0 niet bijgewerkt, 0 ongewijzigd, 0 overgeslagen',
    ]);
    expect(lines.filter((e) => e.method === 'import.failed')).toEqual([]);
  });

  it('keeps every acknowledged minutes save when the app is killed during an import', async () => {
    const { environments } = await call(backend, 'vault.status', {});
    const environmentId = environments[0]!.id;
    const userId = environments[0]!.users[0]!.id;
    backend.lock();
    const outcomes: string[] = [];
    for (let round = 0; round < 3; round++) {
      const output = await runChild(
        [dir.path, environmentId, userId, newSchool.passphrase, meetingId, itemId],
        1500 + Math.random() * 2500,
      );
      const acknowledged = Math.max(0, ...[...output.matchAll(/^saved (\d+)$/gm)].map((m) => Number(m[1])));
      const started = [...output.matchAll(/^import (\d+) started$/gm)].length;
      const done = [...output.matchAll(/^import (\d+) done$/gm)].length;
      expect(output).not.toMatch(/Error/);
      await call(backend, 'vault.unlock', { environmentId, userId, passphrase: newSchool.passphrase });
      const text = await notes();
      backend.lock();
      // The paragraph holds the last save the window was told is stored, or a later one.
      expect(acknowledged).toBeGreaterThan(0);
      expect(
        Number(text.replace('save ', '')),
        `round ${round}: stored "${text}", acknowledged up to ${acknowledged}`,
      ).toBeGreaterThanOrEqual(acknowledged);
      outcomes.push(started > done ? 'killed in an import' : 'killed between imports');
    }
    // The kills landed while an import was running, not only between them.
    expect(outcomes).toContain('killed in an import');
  }, 120_000);
});

/** Runs import-crash-child.ts and kills it `afterMs` after it said "go". Resolves with what it printed. */
function runChild(args: string[], afterMs: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'import-crash-child.ts'), ...args], {
    cwd: resolve(import.meta.dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!timer && output.includes('go')) timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('exit', () => done(output));
  });
}
