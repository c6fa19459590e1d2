import { localDate } from '../../shared/clock';
import { registerCaseDestinations } from '../consent/partner-offer';
import { registerAttachmentGuard } from '../files/store';
import { meetingsForCases } from '../meetings/store';
import { staffById } from '../people/store';
import { registerTimelineSource } from '../people/timeline';
import { registerMeetingKeepReason } from '../schedule/keep-reasons';
import { rolesOf } from '../settings/roles';
import { userNames } from '../settings/store';
import { getIntake, intakeCountOfMeeting, intakeEraser, intakeRows } from './store';
import { editable, statusActor, statusWords } from './view';
import { registerStudentEraser } from '../people/erasure';

/**
 * What intakes tell earlier domains: a meeting with intakes keeps its date when the year is
 * planned again and cannot be removed; an intake's files change while it is being written (or,
 * for the coordinator, until it is closed).
 */
export function registerIntakeHooks(): void {
  registerStudentEraser('intake', intakeEraser);
  // Where the student's cases were handed in for: an open case first, then the newest (intakeRows orders by last change).
  registerCaseDestinations('intake', (db, studentId) =>
    intakeRows(db, { status: null, meetingId: null, studentId, createdBy: null })
      .filter((r) => r.meetingId !== null || r.seriesId !== null)
      .sort((a, b) => Number(a.status === 'afgesloten') - Number(b.status === 'afgesloten'))
      .map((r) => ({ meetingId: r.meetingId, seriesId: r.seriesId })),
  );
  registerAttachmentGuard('intake', (db, userId, intakeId) => {
    const intake = getIntake(db, intakeId);
    if (editable.includes(intake.status)) return null;
    if (rolesOf(db, userId).includes('coordinator') && intake.status !== 'afgesloten') return null;
    const onlyCoordinator = 'alleen de coördinator wijzigt de bijlagen nog, tot de aanmelding is afgesloten';
    return `Deze aanmelding is ${statusWords[intake.status]}: ${onlyCoordinator}.`;
  });
  registerMeetingKeepReason('intake', (db, meetingId) => {
    const count = intakeCountOfMeeting(db, meetingId);
    if (count === 0) return null;
    return count === 1 ? 'er is een aanmelding voor' : `er zijn ${count} aanmeldingen voor`;
  });
  registerTimelineSource('intake', (db, studentId) => {
    const rows = intakeRows(db, { status: null, meetingId: null, studentId, createdBy: null });
    const meetings = meetingsForCases(
      db,
      rows.flatMap((r) => (r.meetingId ? [r.meetingId] : [])),
    );
    const staff = staffById(db);
    const users = userNames(db);
    return rows.map((r) => {
      const meeting = r.meetingId ? meetings.get(r.meetingId) : undefined;
      const referrer = r.referrerId ? staff.get(r.referrerId) : undefined;
      const status = statusActor(r);
      const actor = status.by ? users.get(status.by) : undefined;
      const word = `${statusWords[r.status][0]!.toUpperCase()}${statusWords[r.status].slice(1)}`;
      return {
        date: status.at ? localDate(status.at) : r.submittedAt ? localDate(r.submittedAt) : r.referredOn,
        kind: 'aanmelding' as const,
        title: `Aanmelding${meeting ? ` voor ${meeting.title}` : ''}`,
        // Who brought it to this status (the coordinator who accepted it, not the aanmelder), then who brought the case in.
        detail: [actor ? `${word} door ${actor}` : word, referrer ? `aanmelder: ${referrer.name}` : ''].filter(Boolean).join(' · '),
        ref: { type: 'aanmelding' as const, id: r.id },
      };
    });
  });
}
