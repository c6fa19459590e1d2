import { randomUUID } from 'node:crypto';
import type { Backend, Session } from '../../../api/context';
import { AppError } from '../../../api/errors';
import { now } from '../../../shared/clock';
import { recordAudit } from '../../audit/store';
import { applyImport, checkImport, type ImportReport } from './apply';
import type { ImportCheck } from './check';
import type { ColumnMapping, ImportSource } from './fields';
import { mappingProblem, planImport } from './plan';
import { rememberMapping } from './remembered-mappings';
import type { Table } from './read-table';

/**
 * Files being imported and running imports, per unlocked session: when the vault locks, the
 * session object goes and the parsed rows (student data) with it.
 */
interface PendingImport {
  table: Table;
}
interface ImportJob {
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  report: ImportReport | null;
  error: { code: string; message: string } | null;
}

const pendingBySession = new WeakMap<Session, Map<string, PendingImport>>();
const jobsBySession = new WeakMap<Session, Map<string, ImportJob>>();

function mapFor<T>(store: WeakMap<Session, Map<string, T>>, session: Session): Map<string, T> {
  let map = store.get(session);
  if (!map) store.set(session, (map = new Map()));
  return map;
}

export function rememberTable(session: Session, table: Table): string {
  const id = randomUUID();
  // One file at a time per person is plenty; older ones are dropped.
  const pending = mapFor(pendingBySession, session);
  pending.clear();
  pending.set(id, { table });
  return id;
}

export function pendingTable(session: Session, importId: string): Table {
  const pending = pendingBySession.get(session)?.get(importId);
  if (!pending) throw new AppError('IMPORT_EXPIRED');
  return pending.table;
}

/** A plan for the file as mapped, checked against the vault; dates of birth judged on `today`. */
export function checkedPlan(session: Session, importId: string, mapping: ColumnMapping, clock: { today: string; now: string }) {
  const problem = mappingProblem(mapping);
  if (problem) throw new AppError('IMPORT_MAPPING', problem);
  const plan = planImport(pendingTable(session, importId), mapping, clock.today);
  return { plan, check: checkImport(session.vault.db, plan, clock.today, clock.now) };
}

/** Which offered updates are written: all of them, or the leerlingnummers chosen one by one. */
export type UpdateChoice = 'all' | string[];

/**
 * Plans the import on the data as it is now and starts its job; `afterCommit` (the dispatcher's)
 * writes the rows once the call and its line are committed, so a call that is undone imports nothing.
 */
export function startImport(
  backend: Backend,
  session: Session,
  input: {
    importId: string;
    mapping: ColumnMapping;
    onErrors: 'skip' | 'refuse';
    updates: UpdateChoice;
    source: ImportSource;
  },
  clock: { today: string; now: string },
  afterCommit: (effect: () => void) => void,
): { jobId: string; check: ImportCheck } {
  const table = pendingTable(session, input.importId);
  const { check } = checkedPlan(session, input.importId, input.mapping, clock);
  if (input.onErrors === 'refuse' && check.errors.length > 0) throw new AppError('IMPORT_HAS_ERRORS');
  rememberMapping(session.vault.db, input.source, table.headers, input.mapping, clock.now);
  const chosen =
    input.updates === 'all'
      ? () => true
      : (
          (set: Set<string>) => (n: string) =>
            set.has(n)
        )(new Set(input.updates));

  const jobId = randomUUID();
  const job: ImportJob = { state: 'running', done: 0, total: check.writes.length, report: null, error: null };
  mapFor(jobsBySession, session).set(jobId, job);
  // Right after this call's transaction (with its audit line) is committed, before any other call
  // comes in; it awaits nothing, so nothing else runs inside it.
  afterCommit(() => {
    try {
      if (backend.session !== session || !session.vault.sqlite.open) throw new AppError('IMPORT_INTERRUPTED');
      const report = applyImport(session.vault, check, chosen, (done, total) => Object.assign(job, { done, total }));
      Object.assign(job, { state: 'done', report });
      pendingBySession.get(session)?.delete(input.importId);
    } catch (err) {
      console.error('[import] failed:', err instanceof Error ? err.message : String(err));
      const error = err instanceof AppError ? err : new AppError('INTERNAL');
      Object.assign(job, { state: 'failed', error: { code: error.code, message: error.message } });
      noteFailure(backend, session);
    }
  });
  return { jobId, check };
}

/**
 * The line of import.start went in with the start, before the rows: when they were rolled back,
 * the Logboek says so too (if the vault is still open to say it in).
 */
function noteFailure(backend: Backend, session: Session): void {
  if (backend.session !== session || !session.vault.sqlite.open) return;
  try {
    recordAudit(session.vault.db, {
      at: now(),
      userId: session.user.id,
      method: 'import.failed',
      note: { detail: 'De import is mislukt; er is niets geïmporteerd.', studentIds: [] },
    });
  } catch (err) {
    console.error('[import] failure not logged:', err instanceof Error && 'code' in err ? String(err.code) : 'unknown');
  }
}

export function importProgress(session: Session, jobId: string): ImportJob {
  const job = jobsBySession.get(session)?.get(jobId);
  if (!job) throw new AppError('NOT_FOUND', 'Deze import bestaat niet (meer). Kies het bestand opnieuw.');
  return job;
}
