import { format, parseISO, subYears } from 'date-fns';
import type { VaultDb } from '../../../db/open';
import { today } from '../../shared/clock';
import { agendaItemsOf, meetingRecord, meetingRecords, nextSeriesMeetingDates, type AgendaItemRow } from '../agenda/store';
import { agendaViewOf, mayKeepAgenda } from '../agenda/view';
import { intakesById, type IntakeRow } from '../intake/store';
import {
  actionOrigin,
  actionProblems,
  compareNumbers,
  fieldsOf,
  infoPrefix,
  isOverdue,
  questionFromIntake,
  type ActionDraft,
} from './rules';
import {
  actionList,
  actionsOfMeeting,
  addendaOf,
  carriedActions,
  fieldsOfItems,
  itemsWithFields,
  openSeriesActionsBefore,
  type ActionRow,
  type MinuteFieldRow,
} from './store';
import { holderKindLabels, type Audience } from './vocabulary';
import { partnerNames, requireStaff, requireStudents, staffById, studentsById } from '../people/store';
import { getSeries } from '../schedule/store';
import { staffIdOfUser, userNames } from '../settings/store';

/** How the minutes read: a meeting's items with paragraphs and actions, and actions as every screen shows them. */

/**
 * Since when a series' open actions come back under "Actiepunten": agreed in the twelve months
 * before the meeting. Older open ones are counted there and listed under Acties (years of
 * forgotten actions would otherwise bury this year's); a student's actions come back on their
 * case however old.
 */
export const seriesCarrySince = (meetingDate: string) => format(subYears(parseISO(meetingDate), 1), 'yyyy-MM-dd');

export const dutch = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** Actions as every screen shows them: numbered by origin, with holder, due date and what keeps a concept a concept. */
export function actionViews(db: VaultDb, rows: (ActionRow & { meetingTitle?: string; meetingDate?: string })[]) {
  if (rows.length === 0) return [];
  const origins = meetingRecords(
    db,
    rows.map((r) => r.meetingId),
  );
  const staff = staffById(db);
  const partners = partnerNames(db);
  const users = userNames(db);
  const students = studentsById(
    db,
    rows.flatMap((r) => (r.studentId ? [r.studentId] : [])),
  );
  const nextDates = nextSeriesMeetingDates(
    db,
    rows.flatMap((r) => {
      const m = origins.get(r.meetingId)!;
      return r.dueNextMeeting && m.seriesId ? [{ seriesId: m.seriesId, after: m.date }] : [];
    }),
  );
  const date = today();
  return rows.map((r) => {
    const meeting = origins.get(r.meetingId)!;
    const holder = r.holderKind ? { kind: r.holderKind, staffId: r.holderStaffId, partnerId: r.holderPartnerId } : null;
    const due: ActionDraft['due'] = r.dueDate ? { kind: 'datum', date: r.dueDate } : r.dueNextMeeting ? { kind: 'volgende-overleg' } : null;
    const nextMeeting = meeting.seriesId ? (nextDates.get(`${meeting.seriesId}|${meeting.date}`) ?? null) : null;
    const dueOn = r.dueDate ?? (r.dueNextMeeting ? nextMeeting : null);
    const person = r.holderStaffId ? staff.get(r.holderStaffId) : undefined;
    const holderLabel =
      r.holderKind === 'staff'
        ? person
          ? `${person.code} — ${person.name}`
          : null
        : r.holderKind === 'partner'
          ? r.holderPartnerId
            ? (partners.get(r.holderPartnerId) ?? null)
            : null
          : r.holderKind
            ? holderKindLabels[r.holderKind]
            : null;
    const student = r.studentId ? students.get(r.studentId) : undefined;
    return {
      id: r.id,
      number: r.number,
      origin: actionOrigin(r.number, meeting.title, meeting.date),
      meetingId: r.meetingId,
      itemId: r.itemId,
      studentId: r.studentId,
      caseName: student?.name ?? null,
      className: student?.className ?? null,
      what: r.what,
      holder,
      holderLabel,
      due,
      dueOn,
      status: r.status,
      statusNote: r.statusNote,
      closedBy: r.closedBy ? (users.get(r.closedBy) ?? null) : null,
      closedAt: r.closedAt,
      overdue: isOverdue(r.status, dueOn, date),
      audience: r.audience,
      revision: r.revision,
      problems:
        r.status === 'concept'
          ? actionProblems({ what: r.what, holder, due }, meeting.date, !r.dueNextMeeting || nextMeeting !== null)
          : {},
      meetingTitle: r.meetingTitle ?? meeting.title,
      meetingDate: r.meetingDate ?? meeting.date,
    };
  });
}

/** A question a case arrives with, and who may read it. */
export interface CarriedQuestion {
  text: string;
  audience: Audience;
}

/**
 * The question a referred case arrives with, by the id of the case that referred it: that case's
 * question and the decision that sent it. It stays internal unless both were marked for the
 * parents. A chain (IOT → ZAT → MDO) carries the first question along.
 */
export function referralQuestions(db: VaultDb, fromItemIds: string[], depth = 0): Map<string, CarriedQuestion> {
  const { items, fields } = itemsWithFields(db, fromItemIds);
  const result = new Map<string, CarriedQuestion>();
  if (items.length === 0) return result;
  const origins = meetingRecords(
    db,
    items.map((i) => i.meetingId),
  );
  const users = userNames(db);
  const intakes = intakesById(
    db,
    items.flatMap((i) => (i.intakeId ? [i.intakeId] : [])),
  );
  const earlier =
    depth < 3
      ? referralQuestions(
          db,
          items.flatMap((i) => (i.referredFromItemId ? [i.referredFromItemId] : [])),
          depth + 1,
        )
      : new Map<string, CarriedQuestion>();
  for (const item of items) {
    const views = fieldViews(
      item,
      fields.filter((f) => f.itemId === item.id),
      users,
      intakes,
      earlier,
    );
    const question = views.find((f) => f.field === 'vraag' && f.text.trim() !== '');
    const decision = views.find((f) => f.field === 'besluit' && f.text.trim() !== '');
    if (!question && !decision) continue;
    const meeting = origins.get(item.meetingId)!;
    const text = [question?.text.trim(), decision && `Besluit ${meeting.title} ${dutch(meeting.date)}: ${decision.text.trim()}`]
      .filter(Boolean)
      .join('\n\n');
    result.set(item.id, {
      text,
      audience: [question, decision].every((f) => !f || f.audience === 'ouders') ? 'ouders' : 'intern',
    });
  }
  return result;
}

/**
 * Each item's paragraphs in their order: stored ones, else empty (the question prefilled from the
 * intake, or carried from the case that referred it).
 */
export function fieldViews(
  item: AgendaItemRow,
  stored: MinuteFieldRow[],
  users: Map<string, string>,
  intakes: Map<string, IntakeRow>,
  referrals: Map<string, CarriedQuestion> = new Map(),
) {
  const byKey = new Map(stored.map((f) => [f.field, f]));
  const view = (f: MinuteFieldRow) => ({
    field: f.field,
    text: f.text,
    audience: f.audience,
    revision: f.revision,
    updatedBy: users.get(f.updatedBy) ?? null,
    updatedAt: f.updatedAt,
  });
  const standard = fieldsOf(item.kind).map((spec) => {
    const found = byKey.get(spec.key);
    if (found) return view(found);
    const intake = spec.key === 'vraag' && item.intakeId ? intakes.get(item.intakeId) : undefined;
    // The intake was written for the team: its words stay internal until the secretary says otherwise.
    if (intake)
      return {
        field: spec.key,
        text: questionFromIntake(intake.answers),
        audience: 'intern' as const,
        revision: 0,
        updatedBy: null,
        updatedAt: null,
      };
    const carried = spec.key === 'vraag' && item.referredFromItemId ? referrals.get(item.referredFromItemId) : undefined;
    if (carried)
      return {
        field: spec.key,
        text: carried.text,
        audience: carried.audience,
        revision: 0,
        updatedBy: null,
        updatedAt: null,
      };
    return { field: spec.key, text: '', audience: spec.audience, revision: 0, updatedBy: null, updatedAt: null };
  });
  const info = stored
    .filter((f) => f.field.startsWith(infoPrefix))
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.field.localeCompare(b.field))
    .map(view);
  // "Nieuwe informatie" follows the question, as it is discussed.
  return [standard[0]!, ...info, ...standard.slice(1)];
}

/** The whole minutes of a meeting as the screens (and the Word documents) read them. */
/** What a case's fields read beside their own text: the intake it came by, and the question it was referred with. */
export function caseSources(db: VaultDb, rows: readonly { intakeId: string | null; referredFromItemId: string | null }[]) {
  return {
    intakes: intakesById(
      db,
      rows.flatMap((r) => (r.intakeId ? [r.intakeId] : [])),
    ),
    referrals: referralQuestions(
      db,
      rows.flatMap((r) => (r.referredFromItemId ? [r.referredFromItemId] : [])),
    ),
  };
}

export function minutesView(db: VaultDb, meetingId: string, userId: string) {
  const meeting = meetingRecord(db, meetingId);
  const rows = agendaItemsOf(db, meetingId);
  const agenda = agendaViewOf(db, meeting, rows, userId);
  const users = userNames(db);
  const stored = fieldsOfItems(
    db,
    rows.map((r) => r.id),
  );
  const own = actionViews(db, actionsOfMeeting(db, meetingId));
  const caseStudents = rows.flatMap((r) => (r.kind === 'casus' && r.studentId ? [r.studentId] : []));
  const since = seriesCarrySince(meeting.date);
  const carriedRows = carriedActions(db, meeting, caseStudents, since);
  const ofSeries = new Set(
    carriedRows
      .filter((a) => meeting.seriesId !== null && a.meetingSeriesId === meeting.seriesId && a.meetingDate >= since)
      .map((a) => a.id),
  );
  const carried = actionViews(db, carriedRows);
  const rowsById = new Map(rows.map((r) => [r.id, r]));
  const { intakes, referrals } = caseSources(db, rows);
  const items = agenda.items.map((view) => {
    const row = rowsById.get(view.id)!;
    return {
      ...view,
      decision: row.decision,
      decided: row.decided,
      referralSeriesId: row.referralSeriesId,
      fields: fieldViews(
        row,
        stored.filter((f) => f.itemId === row.id),
        users,
        intakes,
        referrals,
      ),
      actions: own.filter((a) => a.itemId === row.id),
      carried:
        row.kind === 'actiepunten'
          ? carried.filter((a) => ofSeries.has(a.id))
          : row.kind === 'casus' && row.studentId
            ? carried.filter((a) => a.studentId === row.studentId)
            : [],
    };
  });
  const previous = agenda.previous;
  const toFix =
    previous && !previous.minutesFixedAt && previous.progress === 'afgelopen'
      ? { id: previous.id, title: previous.title, date: previous.date }
      : null;
  const keeper = mayKeepAgenda(db, userId);
  return {
    ...agenda,
    items,
    olderSeriesActions: meeting.seriesId ? openSeriesActionsBefore(db, meeting.seriesId, since) : 0,
    addenda: addendaOf(db, meetingId).map((a) => ({
      id: a.id,
      itemId: a.itemId,
      text: a.text,
      audience: a.audience,
      authorName: a.authorName,
      createdAt: a.createdAt,
    })),
    toFix,
    canEditMinutes: keeper && !meeting.minutesFixedAt,
    canFix: keeper,
  };
}

export interface ActionListQuery {
  status: 'open' | 'alle';
  holderStaffId: string | null;
  seriesId: string | null;
  studentId: string | null;
  /** The user's own actions (as the staff member they are). */
  mine: boolean;
  overdueOnly: boolean;
}

/** The actions list as Acties shows it and the action list document prints it: by when they are due. */
export function listActions(db: VaultDb, userId: string, query: ActionListQuery) {
  // A filter on someone or something that is gone is an error, not an empty list that looks like "all done".
  requireStaff(db, [query.holderStaffId], 'Deze actiehouder');
  if (query.seriesId) getSeries(db, query.seriesId);
  requireStudents(db, [query.studentId]);
  const holderStaffId = query.mine ? (staffIdOfUser(db, userId) ?? '-') : query.holderStaffId;
  const rows = actionList(db, {
    statuses: query.status === 'open' ? ['open', 'concept'] : ['concept', 'open', 'gedaan', 'teruggekoppeld', 'vervallen'],
    holderStaffId,
    seriesId: query.seriesId,
    studentId: query.studentId,
  });
  const views = actionViews(
    db,
    rows.map((r) => ({ ...r.action, meetingTitle: r.meetingTitle, meetingDate: r.meetingDate })),
  );
  // By when they are due ("volgende overleg" by that meeting's date), then by number.
  const byDue = (v: (typeof views)[number]) => v.dueOn ?? v.meetingDate;
  views.sort(
    (a, b) => byDue(a).localeCompare(byDue(b)) || a.meetingDate.localeCompare(b.meetingDate) || compareNumbers(a.number, b.number),
  );
  return query.overdueOnly ? views.filter((v) => v.overdue) : views;
}
