// Run by tests/api/import-writes.test.ts in a child process that the parent kills (SIGKILL) at a
// random moment, as a crash or a power cut would: one "window" imports a students file again and
// again (every student's class changes each time), another saves a paragraph of the minutes as
// fast as it is answered. Prints "saved <n>" for every save the dispatcher answered as stored.
//   node --import tsx import-crash-child.ts <dataDir> <environmentId> <userId> <passphrase> <meetingId> <itemId>
import { dispatch } from '../../electron/app/dispatch';
import { call, makeBackend } from '../helpers/backend';
import { studentsFile } from './import-writes-setup';

const [dataDir, environmentId, userId, passphrase, meetingId, itemId] = process.argv.slice(2);
if (!dataDir || !environmentId || !userId || !passphrase || !meetingId || !itemId)
  throw new Error('usage: <dataDir> <environmentId> <userId> <passphrase> <meetingId> <itemId>');

const backend = makeBackend(dataDir);
await call(backend, 'vault.unlock', { environmentId, userId, passphrase });

const imports = async () => {
  for (let round = 0; ; round++) {
    const analyzed = await call(backend, 'import.analyze', {
      fileName: `leerlingen-${round}.csv`,
      contentBase64: studentsFile(4000, round % 2 ? '3B' : '3A'),
    });
    console.log(`import ${round} started`);
    const { jobId } = await call(backend, 'import.start', {
      importId: analyzed.importId,
      mapping: analyzed.mapping,
      onErrors: 'skip',
      updates: 'all',
    });
    for (;;) {
      const progress = await call(backend, 'import.progress', { jobId });
      if (progress.state === 'failed') throw new Error(progress.error?.message);
      if (progress.state === 'done') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    console.log(`import ${round} done`);
  }
};

const saves = async () => {
  // On from what an earlier run stored: "save <n>" at its revision.
  const stored = (await call(backend, 'minutes.get', { meetingId })).items
    .find((i) => i.id === itemId)
    ?.fields.find((f) => f.field === 'notities');
  let revision = stored?.revision ?? 0;
  for (let n = Number(stored?.text.replace('save ', '') ?? 0) + 1; ; n++) {
    const result = await dispatch(backend, 'minutes.saveField', {
      itemId,
      field: 'notities',
      text: `save ${n}`,
      audience: 'intern',
      baseRevision: revision,
    });
    if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`);
    const value = result.value as { saved: boolean; revision?: number };
    if (!value.saved || value.revision === undefined) throw new Error('a save was refused');
    revision = value.revision;
    console.log(`saved ${n}`);
    await new Promise((r) => setImmediate(r));
  }
};

console.log('go');
await Promise.all([imports(), saves()]);
