// `npm run demo -- --out <file> [--documents <dir>]`: writes the demo school's vault (and its
// keyring, <file>.keys) without the UI, for tests and for newcomers who want to look at a vault
// file. With --documents it also writes one of each Word document the app makes for the demo
// school into <dir>, through the app's own handlers, so names, contents and audit lines are the app's.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';
import { closeVaultDatabase } from '../db/open';
import { Backend } from '../electron/api/context';
import type { MethodInput, MethodName, MethodOutput } from '../electron/app/contract';
import { dispatch } from '../electron/app/dispatch';
import { AppError } from '../electron/api/errors';
import { DEMO_PASSPHRASE, demoEnvironment, seedDemoSchool } from '../electron/features/demo/demo-school';
import { schoolYearOf } from '../electron/features/schedule/vocabulary';
import { VAULT_EXTENSION } from '../electron/features/vault/environments';
import { createVaultFiles, type CreatedVault } from '../electron/features/vault/vault-files';

const usage =
  'Gebruik: npm run demo -- --out <bestand> [--documents <map>]   (bijvoorbeeld --out demo.zorgoverleg --documents demo-documenten)';
const { values } = parseArgs({ options: { out: { type: 'string' }, documents: { type: 'string' } } });
if (!values.out) {
  console.error(usage);
  process.exit(2);
}
const vaultPath = resolve(values.out);
const migrationsFolder = resolve(import.meta.dirname, '..', 'db', 'migrations');

/** One method through the app's dispatcher: validated, audited, and unwrapped (a refusal throws in Dutch). */
async function call<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatch(backend, method, input);
  if (!result.ok) throw new AppError('VALIDATION', `${method}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

const papersStatuses = new Set(['geaccepteerd', 'besproken', 'afgesloten']);

async function hasPapers(backend: Backend, meetingId: string): Promise<boolean> {
  const intakes = await call(backend, 'intakes.list', { status: null, meetingId, studentId: null, mine: false });
  return intakes.some((i) => papersStatuses.has(i.status));
}

/**
 * The meetings the documents are about, found by asking the app (no ids, no dates): a past meeting
 * with cases and minutes (fixed ones first), preferably one with intake forms for its papers. Early
 * in the school year the demo's past meetings are last year's and its intakes are for meetings to
 * come; the papers are then those of the first meeting that has them, as a team makes them beforehand.
 */
async function documentsMeetings(backend: Backend) {
  const past = (await call(backend, 'agenda.meetings', { scope: 'afgelopen' })).filter(
    (m) => m.cases > 0 && (m.state === 'vastgesteld' || m.state === 'afgelopen'),
  );
  const preferred = [...past.filter((m) => m.state === 'vastgesteld'), ...past.filter((m) => m.state === 'afgelopen')];
  for (const meeting of preferred) if (await hasPapers(backend, meeting.id)) return { meeting, papers: meeting };
  const meeting = preferred[0];
  if (!meeting) throw new AppError('VALIDATION', 'De demoschool heeft geen afgelopen overleg met leerlingen.');
  const coming = await call(backend, 'agenda.meetings', { scope: 'komend' });
  for (const papers of coming) if (await hasPapers(backend, papers.id)) return { meeting, papers };
  throw new AppError('VALIDATION', 'De demoschool heeft geen overleg met geaccepteerde aanmeldingen voor de stukken.');
}

/** The letters for a meeting's cases run as a job: started, then followed until the files are there. */
async function letterRun(backend: Backend, meetingId: string) {
  const templateId = 'terugkoppeling';
  const options = { includeWithoutAuthority: [], copyToParents: true };
  const { cases } = await call(backend, 'letters.cases', { meetingId, templateId, ...options });
  const ready = cases.filter((c) => c.letters.length > 0);
  const complete = ready.filter((c) => c.warnings.length === 0);
  const studentIds = (complete.length > 0 ? complete : ready).map((c) => c.studentId);
  if (studentIds.length === 0) throw new AppError('VALIDATION', 'Geen leerling van dit overleg heeft een adres voor een brief.');
  const { jobId } = await call(backend, 'letters.start', { templateId, meetingId, studentIds, ...options });
  for (;;) {
    const progress = await call(backend, 'letters.progress', { jobId });
    if (progress.state === 'failed')
      throw new AppError('VALIDATION', `De brieven konden niet worden gemaakt: ${progress.error?.message ?? 'onbekende fout'}`);
    if (progress.state === 'done' && progress.result)
      return { print: progress.result.print, perAddress: await call(backend, 'letters.perAddress', { jobId }) };
    await sleep(50);
  }
}

async function writeDocuments(created: CreatedVault, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const backend = new Backend({ dataDir: dirname(vaultPath), migrationsFolder });
  // As the app does right after creating an environment: its first user (the coordinator) is signed in.
  backend.startSession({
    environmentId: basename(vaultPath, VAULT_EXTENSION),
    vaultPath,
    vaultId: created.vaultId,
    demo: created.demo,
    vault: created.vault,
    dataKey: created.dataKey,
    user: created.users[0]!,
  });
  const written: string[] = [];
  const save = (fileName: string, content: Buffer) => {
    // The name is the app's own; basename keeps it inside the folder whatever it holds.
    const path = join(dir, basename(fileName));
    writeFileSync(path, content);
    written.push(path);
  };
  const saveFile = (file: { fileName: string; contentBase64: string }) => save(file.fileName, Buffer.from(file.contentBase64, 'base64'));
  try {
    const { meeting, papers } = await documentsMeetings(backend);
    const names = 'initialen';
    saveFile(await call(backend, 'documents.agenda', { meetingId: meeting.id, names }));
    saveFile(await call(backend, 'documents.papers', { meetingId: papers.id }));
    saveFile(await call(backend, 'documents.minutes', { meetingId: meeting.id, names }));

    // Extracts of two students' cases, each for the dossier and for the parents; non-confidential cases first.
    const agenda = await call(backend, 'agenda.get', { meetingId: meeting.id });
    const cases = agenda.items.filter((i) => i.kind === 'casus' && i.studentId !== null && i.change !== 'vervallen');
    for (const item of [...cases.filter((i) => !i.confidential), ...cases.filter((i) => i.confidential)].slice(0, 2)) {
      for (const version of ['dossier', 'ouders'] as const)
        saveFile(await call(backend, 'documents.extract', { itemId: item.id, version }));
    }

    // Letters after the meeting: the document to print, the letters per address, and one of those on its own.
    const letters = await letterRun(backend, meeting.id);
    saveFile(letters.print);
    saveFile(letters.perAddress);
    const zip = await JSZip.loadAsync(Buffer.from(letters.perAddress.contentBase64, 'base64'));
    const first = Object.values(zip.files).find((f) => !f.dir && f.name.endsWith('.docx'));
    if (first) save(first.name, await first.async('nodebuffer'));

    saveFile(
      await call(backend, 'documents.actionList', {
        groupBy: 'holder',
        holderStaffId: null,
        seriesId: null,
        studentId: null,
        mine: false,
        overdueOnly: false,
        names,
      }),
    );
    saveFile(await call(backend, 'schedule.exportDocx', { schoolYear: schoolYearOf(meeting.date) }));
    const about = papers === meeting ? '' : ` (de stukken van ${papers.title} ${papers.date})`;
    console.log(`Documenten van ${meeting.title} ${meeting.date}${about} geschreven in ${dir}:`);
    for (const path of written) console.log(`  ${basename(path)}`);
    return written;
  } finally {
    // Closes the vault and wipes the data key.
    backend.lock();
  }
}

try {
  const created = await createVaultFiles({ dataDir: dirname(vaultPath), migrationsFolder }, vaultPath, demoEnvironment, {
    demo: true,
    seed: (db) => seedDemoSchool(db),
  });
  console.log(`Demo-omgeving geschreven: ${vaultPath} (sleutelring: ${vaultPath}.keys)`);
  console.log(`Gebruikers: ${created.users.map((u) => `${u.name} (${u.staffCode})`).join(', ')}`);
  console.log(`Wachtwoord van elke demo-gebruiker: ${DEMO_PASSPHRASE}`);
  console.log(`Herstelsleutel: ${created.recoveryKey}`);
  if (values.documents) {
    await writeDocuments(created, resolve(values.documents));
  } else {
    closeVaultDatabase(created.vault);
    created.dataKey.fill(0);
  }
} catch (err) {
  console.error(err instanceof AppError ? err.message : err);
  process.exit(1);
}
