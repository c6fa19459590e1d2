import type { meetings } from '../../../db/schema';
import { insertAction, actionList, saveMinuteField, updateAction } from '../minutes/store';
import { updateAgendaItem } from '../agenda/store';
import type { CaseOrigin } from '../agenda/vocabulary';
import type { IntakeRow } from '../intake/store';
import { actionNumber, questionFromIntake } from '../minutes/rules';
import type { ActionHolderKind, ActionStatus, Audience } from '../minutes/vocabulary';
import type { IsoDate } from '../../shared/school-year';
import type { MinutesCast } from './demo-minutes-cast';
import { earliest, latest, shift, type ActionFate, type ActionPlan, type CaseStory, type Holder, type Role } from './demo-minutes-story';

/** A case on a meeting's agenda, in the words agenda.create uses. */
export interface AgendaCase {
  studentId: string | null;
  caseLabel: string | null;
  intakeId: string | null;
  origin: CaseOrigin;
  presenterId: string | null;
  intake: IntakeRow | null;
}

/** One case's discussion to write down: how far the meeting got with it, and where it stands. */
export interface CaseDiscussion {
  meeting: typeof meetings.$inferSelect;
  role: Role;
  /** The date of the series' next of the three meetings, if any. */
  nextSlot: IsoDate | null;
  secretary: string;
  agendaCase: AgendaCase;
  itemId: string;
  itemNumber: number;
  story: CaseStory;
  depth: 'complete' | 'partial';
}

/**
 * Writes a case's minutes as the secretary types them: the question, what each speaker brought in,
 * then (when the case is done) the discussion, decision and actions. Returns the addendum the
 * story adds once the minutes are fixed, or null.
 */
export function writeCaseMinutes(cast: MinutesCast, d: CaseDiscussion): string | null {
  const { db, person, zat } = cast;
  const { agendaCase: c, itemId, story, depth, secretary } = d;
  const question = story.question ?? (c.intake ? questionFromIntake(c.intake.answers) : '');
  const field = (key: string, text: string | undefined, audience: Audience) => {
    if (text) saveMinuteField(db, { itemId, field: key, text, audience, baseRevision: 0, userId: secretary });
  };
  field('vraag', question, 'ouders');
  const info = depth === 'complete' ? story.info : story.info.slice(0, 1);
  for (const [who, text] of info) field(`info:${person(who).kind}:${person(who).id}`, text, 'intern');
  if (depth === 'partial') {
    // The secretary is typing the first agreement: it has a holder, not yet a deadline.
    const first = story.actions[0];
    if (first) insertAction(db, { ...actionValues(cast, d, first, 1), dueDate: null, dueNextMeeting: false, status: 'concept' });
    return null;
  }
  field('bespreking', story.discussion, 'intern');
  field('besluit', story.decisionText, 'ouders');
  field('informeren', story.inform, 'intern');
  field('reactie', story.reaction, 'ouders');
  // The IOT's referrals go to the ZAT (the story says so), where the student is taken in.
  updateAgendaItem(db, itemId, {
    decision: story.decision,
    decided: true,
    referralSeriesId: story.decision === 'doorverwijzen-overleg' ? zat.id : null,
  });
  const numbered = agreeActions(cast, d);
  if (story.reportsBack && c.studentId) reportBack(cast, d.meeting, c.studentId, secretary);
  return story.addendum && d.role === 'vastgesteld' ? story.addendum(numbered) : null;
}

/** The story's actions, each with what became of it; returns their numbers. */
function agreeActions(cast: MinutesCast, d: CaseDiscussion): string[] {
  const { db, awo, userOfStaff } = cast;
  return d.story.actions.map((a, k) => {
    const values = actionValues(cast, d, a, k + 1);
    const fate = fateOf(a, d.meeting.date, d.role, d.nextSlot, cast.today);
    // A holder who uses the app closes their own action; otherwise the coordinator does.
    const closedBy = fate.closedAt ? ((values.holderStaffId ? userOfStaff(values.holderStaffId) : null) ?? awo.id) : null;
    insertAction(db, { ...values, ...fate, closedBy });
    return values.number;
  });
}

/** The student's actions "tot het volgende overleg" from earlier meetings are reported back. */
function reportBack(cast: MinutesCast, meeting: typeof meetings.$inferSelect, studentId: string, secretary: string): void {
  const { db } = cast;
  for (const r of actionList(db, { statuses: ['open'], holderStaffId: null, seriesId: meeting.seriesId!, studentId })) {
    if (r.action.dueNextMeeting && r.meetingDate < meeting.date) {
      updateAction(db, r.action.id, {
        status: 'teruggekoppeld',
        closedBy: secretary,
        closedAt: `${meeting.date}T15:00:00.000Z`,
      });
    }
  }
}

function actionValues(cast: MinutesCast, d: CaseDiscussion, a: ActionPlan, sequence: number) {
  return {
    meetingId: d.meeting.id,
    itemId: d.itemId,
    studentId: d.agendaCase.studentId,
    number: actionNumber(d.itemNumber, sequence),
    what: a.what,
    ...holderOf(cast, d.agendaCase, a.holder),
    audience: a.audience ?? ('ouders' as const),
    createdBy: d.secretary,
  };
}

/** Who holds an action: the mentor is the student's, else the one who brought the case in. */
function holderOf(
  { person, studentRow }: MinutesCast,
  c: AgendaCase,
  holder: Holder,
): { holderKind: ActionHolderKind; holderStaffId: string | null; holderPartnerId: string | null } {
  if (holder === 'ouders' || holder === 'leerling') return { holderKind: holder, holderStaffId: null, holderPartnerId: null };
  if (holder === 'mentor') {
    const student = c.studentId ? studentRow(c.studentId) : null;
    return { holderKind: 'staff', holderStaffId: student?.mentorId ?? c.presenterId, holderPartnerId: null };
  }
  const p = person(holder);
  return p.kind === 'staff'
    ? { holderKind: 'staff', holderStaffId: p.id, holderPartnerId: null }
    : { holderKind: 'partner', holderStaffId: null, holderPartnerId: p.id };
}

/**
 * The due date and status of an action from its fate. Done actions were closed before the next
 * meeting could ask for them; an overdue one fell due before today and by the next meeting (so
 * that meeting took the student's case up again); nothing is due before its own meeting.
 */
function fateOf(
  a: ActionPlan,
  meetingDate: IsoDate,
  role: Role,
  nextSlot: IsoDate | null,
  today: IsoDate,
): {
  dueDate: IsoDate | null;
  dueNextMeeting: boolean;
  status: ActionStatus;
  statusNote: string | null;
  closedAt: string | null;
} {
  const planned = shift(meetingDate, Math.max(a.days ?? 14, 3));
  // In a meeting still under way nothing is done yet, and nothing is late.
  const fate: ActionFate = role === 'bezig' && a.fate !== 'volgende-overleg' ? 'open' : a.fate;
  const open = { dueNextMeeting: false, status: 'open' as const, statusNote: null, closedAt: null };
  switch (fate) {
    case 'volgende-overleg':
      return { ...open, dueDate: null, dueNextMeeting: true };
    case 'open':
      return { ...open, dueDate: latest(planned, shift(today, 7 + ((a.days ?? 14) % 7))) };
    case 'overdue':
      return { ...open, dueDate: latest(meetingDate, earliest(planned, shift(today, -1), nextSlot ?? planned)) };
    case 'vervallen':
      return {
        dueDate: planned,
        dueNextMeeting: false,
        status: 'vervallen',
        statusNote: a.note ?? null,
        closedAt: `${earliest(shift(meetingDate, 5), today)}T10:00:00.000Z`,
      };
    default:
      return {
        dueDate: planned,
        dueNextMeeting: false,
        status: fate,
        statusNote: null,
        closedAt: `${earliest(shift(planned, -2), today)}T15:30:00.000Z`,
      };
  }
}
