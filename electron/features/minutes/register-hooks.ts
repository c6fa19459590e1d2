import { registerCaseSource, registerItemRemovalGuard, type CaseSuggestion } from '../agenda/hooks';
import { seriesNeighbour } from '../agenda/store';
import { registerCaseDestinations } from '../consent/partner-offer';
import { registerCaseLinkStep } from '../intake/link-hooks';
import { registerStudentEraser } from '../people/erasure';
import { registerTimelineSource } from '../people/timeline';
import { localDate, today } from '../../shared/clock';
import {
  actionList,
  carriedActions,
  casesOfStudent,
  comeBackCases,
  itemHasMinutes,
  linkIntakeActions,
  openReferrals,
  referralSeriesOfStudent,
} from './store';
import { minutesEraser } from './store-erasure';
import { actionViews, dutch, referralQuestions, seriesCarrySince } from './view';
import { actionStatusLabels, decisionLabels } from './vocabulary';

/**
 * What the minutes tell the agenda: a student to "come back" and a student with actions due are
 * offered as cases for the series' next meeting; an item with minutes is not simply removed.
 */
export function registerMinutesHooks(): void {
  registerStudentEraser('minutes', minutesEraser);
  registerCaseLinkStep('minutes', (db, { intakeId, studentId }) => {
    const moved = linkIntakeActions(db, intakeId, studentId);
    return moved === 0 ? null : moved === 1 ? '1 actie' : `${moved} acties`;
  });
  // A referral is where the case goes next: its series' partners are the ones to ask consent for.
  registerCaseDestinations('minutes', (db, studentId) =>
    referralSeriesOfStudent(db, studentId).map((seriesId) => ({ meetingId: null, seriesId })),
  );
  registerCaseSource('minutes', (db, meeting) => {
    const suggestions: CaseSuggestion[] = [];
    // A referral arrives where it was sent: at every meeting of that series until it is taken in.
    if (meeting.seriesId) {
      const referrals = openReferrals(
        db,
        { id: meeting.id, seriesId: meeting.seriesId, date: meeting.date },
        seriesCarrySince(meeting.date),
      );
      const questions = referralQuestions(
        db,
        referrals.map((r) => r.itemId),
      );
      for (const r of referrals) {
        const question = questions.get(r.itemId)?.text;
        suggestions.push({
          studentId: r.studentId,
          origin: 'verwijzing',
          reason: `Doorverwezen (besluit ${r.meetingTitle} ${dutch(r.meetingDate)})`,
          fromItemId: r.itemId,
          ...(question ? { question } : {}),
        });
      }
    }
    const previous = seriesNeighbour(db, { ...meeting, startTime: '00:00' }, 'previous');
    if (previous) {
      for (const studentId of comeBackCases(db, previous.id)) {
        suggestions.push({
          studentId,
          origin: 'terugkomen' as const,
          reason: `Terugkomen (besluit ${previous.title} ${dutch(previous.date)})`,
        });
      }
    }
    const due = new Map<string, number>();
    const views = actionViews(db, carriedActions(db, meeting, [], seriesCarrySince(meeting.date)));
    for (const action of views) {
      if (action.studentId && action.dueOn !== null && action.dueOn <= meeting.date)
        due.set(action.studentId, (due.get(action.studentId) ?? 0) + 1);
    }
    for (const [studentId, n] of due)
      suggestions.push({ studentId, origin: 'actie' as const, reason: n === 1 ? '1 open actie' : `${n} open acties` });
    return suggestions;
  });
  registerTimelineSource('minutes', (db, studentId) => {
    const day = today();
    const meetings = casesOfStudent(db, studentId)
      .filter((c) => c.change !== 'vervallen')
      .map((c) => ({
        date: c.date,
        kind: 'overleg' as const,
        // A meeting still ahead, not started, without a decision for the case has discussed nothing: the case is on its agenda.
        ...(c.date > day && c.decision === null && (c.progress === 'gepland' || c.progress === 'agenda-verstuurd')
          ? { title: `Op de agenda van ${c.title}`, detail: 'Nog niet besproken' }
          : {
              title: `Besproken in ${c.title}`,
              detail: c.decision ? `Besluit: ${decisionLabels[c.decision]}` : 'Nog geen besluit vastgelegd',
            }),
        ref: { type: 'overleg' as const, id: c.meetingId },
      }));
    const actions = actionViews(
      db,
      actionList(db, {
        statuses: ['open', 'gedaan', 'teruggekoppeld', 'vervallen'],
        holderStaffId: null,
        seriesId: null,
        studentId,
      }).map((r) => ({ ...r.action, meetingTitle: r.meetingTitle, meetingDate: r.meetingDate })),
    ).map((a) => ({
      date: a.closedAt ? localDate(a.closedAt) : a.meetingDate,
      kind: 'actie' as const,
      title: `Actie ${a.origin}`,
      detail: [
        a.what,
        a.holderLabel ?? 'geen actiehouder',
        `${actionStatusLabels[a.status].toLowerCase()}${a.overdue ? ', over tijd' : ''}`,
      ].join(' — '),
      ref: { type: 'overleg' as const, id: a.meetingId },
    }));
    return [...meetings, ...actions];
  });
  registerItemRemovalGuard('minutes', (db, itemId) =>
    itemHasMinutes(db, itemId)
      ? 'Bij dit punt staan al notulen of acties. Het blijft op de agenda; zet de tijd desnoods op 1 minuut.'
      : null,
  );
}
