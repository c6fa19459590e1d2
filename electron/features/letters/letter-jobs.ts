import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import type { Backend, Session } from '../../api/context';
import { AppError } from '../../api/errors';
import { buildLetterDocx } from '../../export/docx/letter';
import type { LetterDocumentLetter } from '../../export/docx/models';
import { today, now } from '../../shared/clock';
import { documentSchool } from '../settings/letterhead';
import { documentFileName } from '../../export/file-names';
import { fullName } from '../people/names';
import type { LetterAddresseeOptions } from '../people/letter-recipients';
import { addresseesOf, letterCases, type LetterCase } from './facts';
import { letterValues, mergeTemplate, mergeText, templateProblems } from './placeholders';
import { logLettersSent } from './store';
import type { LetterTemplate } from './templates';

/**
 * Letters for many students at once run as a job the screen follows with a progress bar: every
 * address gets its own file, and all letters together make one document to print. The files stay
 * in memory for this unlocked session only, until the screen has fetched them.
 */

export interface MadeFile {
  fileName: string;
  contentBase64: string;
}

interface LetterJob {
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  result: { print: MadeFile; perFamily: MadeFile; letters: number } | null;
  error: { code: string; message: string } | null;
}

const jobsBySession = new WeakMap<Session, Map<string, LetterJob>>();

export interface LetterRun {
  template: LetterTemplate;
  meetingId: string | null;
  meetingDate: string | null;
  studentIds: string[];
  options: LetterAddresseeOptions;
}

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
    const values = letterValues({ ...letterCase.facts, addressees: addressee.names, letterDate });
    // As the timeline names them: everyone on the envelope, and a copy as a copy.
    const recipients = `${addressee.addressNames.join(' en ')}${addressee.kind === 'afschrift' ? ' (afschrift)' : ''}`;
    const letter: LetterDocumentLetter = {
      addressLines: addressee.addressLines,
      date: letterDate,
      subject: mergeText(run.template.subject, values),
      salutation: addressee.salutation,
      body: mergeTemplate(run.template.body, values),
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

export function startLetters(backend: Backend, session: Session, run: LetterRun): string {
  const db = session.vault.db;
  const problems = [...templateProblems(run.template.subject), ...templateProblems(run.template.body)];
  if (problems.length > 0) throw new AppError('VALIDATION', `De sjabloon "${run.template.name}" moet eerst verbeterd worden: ${problems[0]}`);
  const letterDate = today();
  const cases = letterCases(db, session.user.id, { meetingId: run.meetingId, studentIds: run.studentIds });
  const missing = withoutAddressees(cases, letterDate, run.options);
  if (missing.length > 0) throw new AppError('VALIDATION', `Voor ${missing.join(', ')} is niemand bekend om de brief aan te sturen (geen ouder met gezag). Vul de gegevens aan of laat deze leerling weg.`);

  const school = documentSchool(db);
  const settings = cases[0]?.facts.coordinator ?? { name: '', role: '' };
  const signatory = { name: settings.name, role: settings.role };
  const perStudent = cases.map((c) => ({ letterCase: c, letters: lettersFor(c, run, letterDate, signatory) }));
  const total = perStudent.reduce((n, s) => n + s.letters.length, 0) + 1;
  const job: LetterJob = { state: 'running', done: 0, total, result: null, error: null };
  const jobs = jobsBySession.get(session) ?? new Map<string, LetterJob>();
  jobsBySession.set(session, jobs);
  const jobId = randomUUID();
  jobs.set(jobId, job);
  const locksAtStart = backend.lockCount;
  const date = run.meetingDate ?? letterDate;
  const kind = run.template.shippedKey ?? 'eigen';

  void (async () => {
    const zip = new JSZip();
    for (const { letterCase, letters } of perStudent) {
      for (const [index, { letter }] of letters.entries()) {
        const buffer = await buildLetterDocx({ school, title: letter.subject, letters: [letter] });
        zip.file(documentFileName('brief', { studentNumber: letterCase.student.studentNumber, date, variant: `${kind}-${index + 1}` }), buffer);
        if (backend.lockCount !== locksAtStart) return;
        job.done++;
      }
    }
    const all = perStudent.flatMap((s) => s.letters.map((l) => l.letter));
    const print = await buildLetterDocx({ school, title: `${run.template.name} (${all.length} brieven)`, letters: all });
    const perFamily = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // Locked meanwhile: the vault is closed and nothing is handed out or logged.
    if (backend.lockCount !== locksAtStart) return;
    const sentAt = now();
    logLettersSent(
      db,
      perStudent.map(({ letterCase, letters }) => ({
        studentId: letterCase.student.id,
        meetingId: run.meetingId,
        templateName: run.template.name,
        subject: letters[0]?.letter.subject ?? run.template.name,
        recipients: letters.map((l) => l.recipients),
        sentAt,
        sentBy: session.user.id,
        letterCount: letters.length,
      })),
    );
    job.done = job.total;
    job.state = 'done';
    job.result = {
      print: { fileName: documentFileName('brieven', { date, variant: kind }), contentBase64: print.toString('base64') },
      perFamily: { fileName: documentFileName('brieven', { date, variant: `${kind}-per-adres` }, 'zip'), contentBase64: perFamily.toString('base64') },
      letters: all.length,
    };
  })().catch((err: unknown) => {
    console.error('[letters] failed:', err instanceof Error ? err.message : String(err));
    const error = err instanceof AppError ? err : new AppError('INTERNAL');
    Object.assign(job, { state: 'failed', error: { code: error.code, message: error.message } });
  });
  return jobId;
}

/** The job's progress; once done, its files are handed out once and forgotten. */
export function letterProgress(session: Session, jobId: string) {
  const jobs = jobsBySession.get(session);
  const job = jobs?.get(jobId);
  if (!jobs || !job) throw new AppError('NOT_FOUND', 'Deze brieven zijn er niet meer. Maak ze opnieuw.');
  if (job.state !== 'running') jobs.delete(jobId);
  return { state: job.state, done: job.done, total: job.total, result: job.result, error: job.error };
}
