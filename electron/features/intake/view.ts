import type { VaultDb } from '../../../db/open';
import { today } from '../../shared/clock';
import { meetingsForCases, type MeetingForCases } from '../meetings/store';
import { staffById, studentsById } from '../people/store';
import { maySeeMeldcode } from '../settings/roles';
import { caseConsents, withExternals } from './case-consent';
import type { IntakeRow } from './store';

/** How intakes are shown: in the list, on the form, on the student's timeline. */

export const editable: IntakeRow['status'][] = ['concept', 'teruggestuurd'];

export const statusWords: Record<IntakeRow['status'], string> = {
  concept: 'een concept',
  ingediend: 'ingediend',
  geaccepteerd: 'geaccepteerd',
  teruggestuurd: 'teruggestuurd',
  besproken: 'besproken',
  afgesloten: 'afgesloten',
};

/**
 * Who brought an intake to its status, and when. Intakes from before that was kept know only who
 * decided (accepted or returned it); a concept is nobody's act yet.
 */
export function statusActor(r: IntakeRow): { by: string | null; at: string | null } {
  if (r.status === 'concept') return { by: null, at: null };
  if (r.statusChangedBy) return { by: r.statusChangedBy, at: r.statusChangedAt };
  if (r.status === 'geaccepteerd' || r.status === 'teruggestuurd') return { by: r.decidedBy, at: r.decidedAt };
  return { by: null, at: null };
}

export function meetingRef(m: MeetingForCases) {
  return {
    id: m.id,
    title: m.title,
    date: m.date,
    startTime: m.startTime,
    intakeDeadline: m.intakeDeadline,
    intakeDeadlineNote: m.intakeDeadlineNote,
    withPartners: withExternals(m),
  };
}

/** Late: handed in after the meeting's deadline, or still not handed in once it passed. */
function isLate(intake: IntakeRow, meeting: MeetingForCases | null, onDate: string): boolean {
  if (!meeting?.intakeDeadline || intake.status === 'afgesloten') return false;
  const handedIn = intake.submittedAt ? intake.submittedAt.slice(0, 10) : onDate;
  return handedIn > meeting.intakeDeadline;
}

export function rowsView(db: VaultDb, rows: IntakeRow[], userId: string) {
  const meetings = meetingsForCases(db, [...new Set(rows.flatMap((r) => (r.meetingId ? [r.meetingId] : [])))]);
  const students = studentsById(
    db,
    rows.flatMap((r) => (r.studentId ? [r.studentId] : [])),
  );
  const staff = staffById(db);
  const consents = caseConsents(db, rows, meetings, maySeeMeldcode(db, userId));
  const date = today();
  return rows.map((r) => {
    const meeting = r.meetingId ? (meetings.get(r.meetingId) ?? null) : null;
    const student = r.studentId ? students.get(r.studentId) : undefined;
    const referrer = r.referrerId ? staff.get(r.referrerId) : undefined;
    return {
      row: r,
      meeting,
      student,
      consent: consents.get(r.id)!,
      view: {
        id: r.id,
        status: r.status,
        studentId: r.studentId,
        caseName: student?.name ?? r.anonymousLabel ?? 'onbekende leerling',
        className: student?.className ?? '',
        referrer: referrer ? { name: referrer.name, code: referrer.code } : null,
        meeting: meeting ? meetingRef(meeting) : null,
        submittedAt: r.submittedAt,
        late: isLate(r, meeting, date),
        consent: consents.get(r.id)!.summary,
        updatedAt: r.updatedAt,
      },
    };
  });
}
