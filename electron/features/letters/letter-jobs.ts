import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import type { Backend, Session } from '../../api/context';
import { AppError } from '../../api/errors';
import type { VaultDb } from '../../../db/open';
import { buildLetterDocx, letterWords } from '../../export/docx/letter';
import type { LetterDocumentLetter } from '../../export/docx/models';
import { epochMs, now, today } from '../../shared/clock';
import { documentSchool } from '../settings/letterhead';
import { documentFileName } from '../../export/file-names';
import { fullName } from '../people/names';
import type { LetterAddressee, LetterAddresseeOptions } from '../people/letter-recipients';
import { addresseesOf, letterCases, type LetterCase } from './facts';
import { letterValues } from './letter-values';
import type { Addressee } from './placeholder-catalogue';
import { emptyContactFields, mergeTemplate, mergeText } from './template-merge';
import { templateProblems } from './template-syntax';
import { logLettersSent } from './store';
import type { lettersSent } from '../../../db/schema';
import type { DocumentSchool } from '../../export/docx/models';
import type { LetterTemplate } from './templates';

/**
 * Letters for many students at once run as a job the screen follows with a progress bar: all
 * letters together make one document to print, and on request one file per address. They stay in
 * memory for this unlocked session only, at most a quarter of an hour.
 */

export interface MadeFile {
  fileName: string;
  contentBase64: string;
}

interface LetterJob {
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  result: { print: MadeFile; letters: number } | null;
  error: { code: string; message: string } | null;
  /** Logged on the timelines when the print document is handed out, not before. */
  log: Omit<typeof lettersSent.$inferInsert, 'id'>[];
  /** What the per-address zip is made of, on request: most schools print the one document. */
  perAddress: {
    school: DocumentSchool;
    files: { fileName: string; letter: LetterDocumentLetter }[];
    fileName: string;
  } | null;
  /** Made letters are dropped after a while even if nobody fetches them. */
  expiresAt: number;
}

const KEEP_MS = 15 * 60_000;

/** Per unlocked session; emptied when the vault locks, so no letter outlives the session in memory. */
const jobsBySession = new WeakMap<Session, Map<string, LetterJob>>();

function jobsOf(backend: Backend, session: Session): Map<string, LetterJob> {
  let jobs = jobsBySession.get(session);
  if (!jobs) {
    const created = new Map<string, LetterJob>();
    jobsBySession.set(session, created);
    backend.whenLocked(() => created.clear());
    jobs = created;
  }
  const nowMs = epochMs();
  for (const [id, job] of jobs) if (job.state !== 'running' && job.expiresAt < nowMs) jobs.delete(id);
  return jobs;
}

export interface LetterRun {
  template: LetterTemplate;
  meetingId: string | null;
  meetingDate: string | null;
  studentIds: string[];
  options: LetterAddresseeOptions;
}

/** The parents read the parents' text; the student (16+) and the parents' copy of that letter the student's. */
export const addresseeOf = (kind: LetterAddressee['kind']): Addressee => (kind === 'ouders' ? 'ouders' : 'leerling');

/** The letters of one student: one per address, each merged for its own addressees. */
export function lettersFor(
  letterCase: LetterCase,
  run: Pick<LetterRun, 'template' | 'options'>,
  letterDate: string,
  signatory: { name: string; role: string },
): { letter: LetterDocumentLetter; recipients: string }[] {
  const addressees = addresseesOf(letterCase, letterDate, run.options);
  const studentName = fullName(letterCase.student);
  const copies = addressees.filter((a) => a.kind === 'afschrift');
  return addressees.map((addressee) => {
    // A student of 16 or older is spoken to ("je"); the parents' copy is that same letter.
    const to = addresseeOf(addressee.kind);
    const values = letterValues({ ...letterCase.facts, addressees: addressee.names, letterDate, addressedTo: to });
    // As the timeline names them: everyone on the envelope, and a copy as a copy.
    const recipients = `${addressee.addressNames.join(' en ')}${addressee.kind === 'afschrift' ? ' (afschrift)' : ''}`;
    const letter: LetterDocumentLetter = {
      addressLines: addressee.addressLines,
      date: letterDate,
      subject: mergeText(run.template.subject, values, to),
      salutation: addressee.salutation,
      body: mergeTemplate(run.template.body, values, to),
      closing: 'Met vriendelijke groet,',
      signatory,
      copyNote:
        addressee.kind === 'afschrift'
          ? `Afschrift van de brief aan ${studentName}`
          : addressee.kind === 'leerling' && copies.length > 0
            ? `Afschrift aan: ${copies.flatMap((c) => c.addressNames).join(', ')}`
            : null,
      reference: `${letterCase.student.studentNumber}/${letterDate.replaceAll('-', '')}`,
    };
    return { letter, recipients };
  });
}

/** Students without anyone to write to: the screen names them before anything is made. */
export function withoutAddressees(cases: LetterCase[], letterDate: string, options: LetterAddresseeOptions): string[] {
  return cases.filter((c) => addresseesOf(c, letterDate, options).length === 0).map((c) => fullName(c.student));
}

/**
 * Everything a run's letters say, merged and checked, before anything is made or logged: the
 * preview shows this, and making the letters lays out exactly this.
 */
function mergedLetters(db: VaultDb, userId: string, run: LetterRun) {
  const problems = [...templateProblems(run.template.subject), ...templateProblems(run.template.body)];
  if (problems.length > 0)
    throw new AppError('VALIDATION', `De sjabloon "${run.template.name}" moet eerst verbeterd worden: ${problems[0]}`);
  const letterDate = today();
  const cases = letterCases(db, userId, { meetingId: run.meetingId, studentIds: run.studentIds });
  const first = cases[0];
  const contact = first ? emptyContactFields(run.template, letterValues({ ...first.facts, addressees: [], letterDate })) : [];
  if (contact.length > 0) {
    throw new AppError(
      'VALIDATION',
      `De brief noemt gegevens die nog leeg zijn: ${contact.join('; ')}. Vul ze in bij ` +
        `Instellingen → School en briefhoofd; anders staat er "—" in de brief.`,
    );
  }
  const missing = withoutAddressees(cases, letterDate, run.options);
  if (missing.length > 0)
    throw new AppError(
      'VALIDATION',
      `Voor ${missing.join(', ')} is niemand bekend om de brief aan te sturen (geen ouder met ` +
        `gezag). Vul de gegevens aan of laat deze leerling weg.`,
    );

  const school = documentSchool(db);
  const signer = cases[0]?.facts.coordinator ?? { name: '', role: '' };
  const signatory = { name: signer.name, role: signer.role };
  // Merged up front, so a template or data problem is refused now rather than failing the job.
  const perStudent = cases.map((c) => ({ letterCase: c, letters: lettersFor(c, run, letterDate, signatory) }));
  return { school, letterDate, perStudent };
}

/**
 * The letters of a run as they would go out, word for word, for the screen to show before they are made: nothing is
 * made, kept or logged.
 */
export function previewLetters(db: VaultDb, userId: string, run: LetterRun) {
  const { school, perStudent } = mergedLetters(db, userId, run);
  return perStudent.flatMap(({ letterCase, letters }) =>
    letters.map(({ letter, recipients }) => ({
      studentId: letterCase.student.id,
      studentName: fullName(letterCase.student),
      recipients,
      ...letterWords(school, letter),
    })),
  );
}

export function startLetters(backend: Backend, session: Session, run: LetterRun): string {
  const { school, letterDate, perStudent } = mergedLetters(session.vault.db, session.user.id, run);
  // The letters to lay out; Word's packing is one step, so the screen shows the count and a running bar.
  const total = perStudent.reduce((n, s) => n + s.letters.length, 0);
  const job: LetterJob = {
    state: 'running',
    done: 0,
    total,
    result: null,
    error: null,
    log: [],
    perAddress: null,
    expiresAt: epochMs() + KEEP_MS,
  };
  const jobs = jobsOf(backend, session);
  const jobId = randomUUID();
  jobs.set(jobId, job);
  const locksAtStart = backend.lockCount;
  const date = run.meetingDate ?? letterDate;
  const kind = run.template.shippedKey ?? 'eigen';

  void (async () => {
    const all = perStudent.flatMap((s) => s.letters.map((l) => l.letter));
    // One document to print, a page per letter.
    const print = await buildLetterDocx({
      school,
      title: `${run.template.name} (${all.length} brieven)`,
      letters: all,
    });
    // Locked meanwhile: the vault is closed and nothing is handed out or logged.
    if (backend.lockCount !== locksAtStart) return;
    job.log = perStudent.map(({ letterCase, letters }) => ({
      studentId: letterCase.student.id,
      meetingId: run.meetingId,
      templateName: run.template.name,
      subject: letters[0]?.letter.subject ?? run.template.name,
      recipients: letters.map((l) => l.recipients),
      // Word for word as printed: an inzage shows these, whatever the template says later.
      texts: letters.map(({ letter, recipients }) => ({ recipients, ...letter })),
      sentAt: '',
      sentBy: session.user.id,
      letterCount: letters.length,
    }));
    job.perAddress = {
      school,
      fileName: documentFileName('brieven', { date, variant: `${kind}-per-adres` }, 'zip'),
      files: perStudent.flatMap(({ letterCase, letters }) =>
        letters.map(({ letter }, index) => ({
          fileName: documentFileName('brief', {
            studentNumber: letterCase.student.studentNumber,
            date,
            variant: `${kind}-${index + 1}`,
          }),
          letter,
        })),
      ),
    };
    job.done = job.total;
    job.state = 'done';
    job.result = {
      print: {
        fileName: documentFileName('brieven', { date, variant: kind }),
        contentBase64: print.toString('base64'),
      },
      letters: all.length,
    };
  })().catch((err: unknown) => {
    console.error('[letters] failed:', err instanceof Error ? err.message : String(err));
    const error = err instanceof AppError ? err : new AppError('INTERNAL');
    Object.assign(job, { state: 'failed', error: { code: error.code, message: error.message } });
  });
  return jobId;
}

/**
 * The job's progress. Once done, the print document is handed out once and the letters are
 * logged on the timelines then: letters nobody received are not "sent".
 */
export function letterProgress(backend: Backend, session: Session, jobId: string) {
  const job = jobsOf(backend, session).get(jobId);
  if (!job || (job.state === 'done' && job.result === null))
    throw new AppError('NOT_FOUND', 'Deze brieven zijn er niet meer. Maak ze opnieuw.');
  if (job.state === 'running') {
    return {
      state: 'running' as const,
      done: Math.min(job.done, job.total - 1),
      total: job.total,
      result: null,
      error: null,
    };
  }
  const result = job.result;
  if (job.state === 'done') {
    const sentAt = now();
    logLettersSent(
      session.vault.db,
      job.log.map((entry) => ({ ...entry, sentAt })),
    );
    job.result = null;
  } else {
    jobsOf(backend, session).delete(jobId);
  }
  return { state: job.state, done: job.done, total: job.total, result, error: job.error };
}

/** The same letters as one Word file per address, in a zip: made when asked for. */
export async function lettersPerAddress(backend: Backend, session: Session, jobId: string): Promise<MadeFile> {
  const job = jobsOf(backend, session).get(jobId);
  if (!job?.perAddress) throw new AppError('NOT_FOUND', 'Deze brieven zijn er niet meer. Maak ze opnieuw.');
  const { school, files, fileName } = job.perAddress;
  const zip = new JSZip();
  for (const file of files) zip.file(file.fileName, await buildLetterDocx({ school, title: file.letter.subject, letters: [file.letter] }));
  // Word files are compressed already: storing them is as small and much faster.
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  return { fileName, contentBase64: content.toString('base64') };
}
