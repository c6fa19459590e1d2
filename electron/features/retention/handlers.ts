import type { VaultDb } from '../../../db/open';
import type { DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { today } from '../../shared/clock';
import { longDate } from '../../shared/dutch-dates';
import { fullName } from '../people/names';
import { registerImportHold } from '../people/import/apply';
import { registerRestoreCarrier } from '../backup/restore-hooks';
import { carryLedger } from './ledger';
import { purgeDeletedFromSearchIndex, studentRow } from '../people/store';
import { noErasure } from '../people/erasure';
import { eraseStudent, erasureDetail } from './erase';
import { nextReviewOn, retentionOutcome, retentionReason, retentionState, reviewDue, type RetentionDue } from './rules';
import {
  destinationOf,
  erasedFiles,
  insertReview,
  lastReview,
  leftStudents,
  readPeriods,
  recordsAbout,
  writeDestination,
  writeKeep,
  writePeriods,
} from './store';

type Retention =
  | 'retention.worklist'
  | 'retention.savePeriods'
  | 'retention.erase'
  | 'retention.keep'
  | 'retention.markReviewed'
  | 'retention.destination'
  | 'retention.setDestination';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the vault holds about one student, by category, for the coordinator to see before confirming. */
function holdings(db: VaultDb, studentId: string): string[] {
  const c = recordsAbout(db, studentId);
  return [
    count(c.guardians, 'ouder/verzorger', 'ouders/verzorgers'),
    count(c.intakes, 'aanmelding', 'aanmeldingen'),
    count(c.consents, 'toestemming', 'toestemmingen'),
    count(c.letters, 'brief', 'brieven'),
    count(c.agendaItems, 'besproken agendapunt', 'besproken agendapunten'),
    count(c.actions, 'actie', 'acties'),
    count(c.absence, 'bewaarde verzuimregistratie', 'bewaarde verzuimregistraties'),
  ].filter((line) => !line.startsWith('0 '));
}

/** Every left student whose period passed on `on`: proposed, or kept by an earlier decision. */
function passedStudents(db: VaultDb, on: string) {
  const periods = readPeriods(db);
  return leftStudents(db).flatMap(({ student, retention, keptByName, hasAbsenceData }) => {
    const state = retentionState(
      {
        leftOn: student.leftOn!,
        destination: retention?.destination ?? null,
        hasAbsenceData,
        fileErasedOn: retention?.fileErasedOn ?? null,
        keptUntil: retention?.keptUntil ?? null,
      },
      periods,
      on,
    );
    if (state.state === 'loopt') return [];
    const due: RetentionDue = state;
    return [{ student, retention, keptByName, state: state.state, due }];
  });
}

function listed(db: VaultDb, p: ReturnType<typeof passedStudents>[number]) {
  const { student, retention, due } = p;
  return {
    studentId: student.id,
    name: fullName(student),
    studentNumber: student.studentNumber,
    className: student.className,
    leftOn: student.leftOn!,
    destination: retention?.destination ?? null,
    step: due.step,
    passedOn: due.passedOn,
    why: retentionReason(student.leftOn!, due),
    outcome: retentionOutcome(due),
    holds: holdings(db, student.id),
    kept:
      retention?.keptUntil && retention.keepReason ? { until: retention.keptUntil, reason: retention.keepReason, by: p.keptByName } : null,
  };
}

/** The chosen students, each one whose period passed on `on`; any other is refused by name. */
function passedOnes(db: VaultDb, studentIds: string[], on: string) {
  const passed = new Map(passedStudents(db, on).map((p) => [p.student.id, p]));
  return [...new Set(studentIds)].map((id) => {
    const found = passed.get(id);
    if (found) return found;
    const student = studentRow(db, id);
    throw new AppError('VALIDATION', `De bewaartermijn van ${fullName(student)} is (nog) niet verstreken: er wordt niets verwijderd.`);
  });
}

/** An import never fills an erased file again (its rows are skipped, and the wizard says why), nor does a restore. */
export function registerRetentionHooks(): void {
  registerImportHold('retention', (db, studentIds) => {
    const message = 'Het dossier van deze leerling is na de bewaartermijn verwijderd; deze rij wordt niet geïmporteerd.';
    return new Map(erasedFiles(db, studentIds).map((id) => [id, message]));
  });
  // A backup from before an erasure does not bring the student back: the ledger is applied again.
  registerRestoreCarrier('retention', carryLedger);
}

export const retentionHandlers: DomainHandlers<Retention> = {
  // Who may call these is in the contract's roles table (the coordinator), applied by the dispatcher.
  'retention.worklist': ({ db }) => {
    const on = today();
    const passed = passedStudents(db, on);
    const last = lastReview(db);
    const byLeaving = (a: { leftOn: string; name: string }, b: { leftOn: string; name: string }) =>
      a.leftOn.localeCompare(b.leftOn) || a.name.localeCompare(b.name, 'nl');
    return {
      on,
      periods: readPeriods(db),
      lastReview: last,
      reviewDue: reviewDue(last?.on ?? null, on),
      nextReviewOn: nextReviewOn(on),
      proposals: passed
        .filter((p) => p.state === 'voorgesteld')
        .map((p) => listed(db, p))
        .sort(byLeaving),
      kept: passed
        .filter((p) => p.state === 'bewaard')
        .map((p) => listed(db, p))
        .sort(byLeaving),
    };
  },
  'retention.savePeriods': ({ db, session }, periods) => {
    writePeriods(db, periods, session.user.id);
    return null;
  },
  'retention.erase': ({ db, noteForAudit }, { studentIds }) => {
    const on = today();
    const chosen = passedOnes(db, studentIds, on);
    // A decision to keep holds until its date, also against a call that skips the worklist.
    const kept = chosen.find((p) => p.state === 'bewaard');
    if (kept)
      throw new AppError(
        'VALIDATION',
        `Er is besloten de gegevens van ${fullName(kept.student)} te bewaren ` +
          `tot ${longDate(kept.retention!.keptUntil!)}: er wordt niets verwijderd.`,
      );
    const counts = noErasure();
    for (const p of chosen) eraseStudent(db, p.student.id, p.due.step, on, counts);
    // The search index only marks deleted names; merging its segments removes them.
    purgeDeletedFromSearchIndex(db);
    const detail = erasureDetail(chosen.length, counts);
    // No student linked: the line outlives them, and must not name them.
    noteForAudit({ detail, studentIds: [] });
    return { erased: chosen.length, detail };
  },
  'retention.keep': ({ db, session, noteForAudit }, { studentIds, reason, until }) => {
    const on = today();
    if (until <= on)
      throw new AppError('VALIDATION', 'Kies een datum na vandaag bij "Bewaren tot".', {
        until: 'Kies een datum na vandaag.',
      });
    const chosen = passedOnes(db, studentIds, on);
    writeKeep(
      db,
      chosen.map((p) => p.student.id),
      { until, reason, userId: session.user.id },
    );
    noteForAudit({
      detail: `bewaard tot ${longDate(until)}: ${count(chosen.length, 'leerling', 'leerlingen')}`,
      studentIds: chosen.map((p) => p.student.id),
    });
    return null;
  },
  'retention.markReviewed': ({ db, session }) => {
    const on = today();
    const open = passedStudents(db, on).filter((p) => p.state === 'voorgesteld').length;
    // Nothing kept forgotten: every proposal is decided (removed or kept with a reason) first.
    if (open > 0)
      throw new AppError(
        'VALIDATION',
        `Nog ${count(open, 'leerling', 'leerlingen')} zonder besluit. Verwijder of bewaar eerst elke voorgestelde leerling.`,
      );
    insertReview(db, on, session.user.id);
    return null;
  },
  'retention.destination': ({ db }, { studentId }) => {
    studentRow(db, studentId);
    return { destination: destinationOf(db, studentId) };
  },
  'retention.setDestination': ({ db }, { studentId, destination }) => {
    studentRow(db, studentId);
    writeDestination(db, studentId, destination);
    return null;
  },
};
