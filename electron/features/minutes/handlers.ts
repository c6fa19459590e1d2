import { format, parseISO, subYears } from 'date-fns';
import type { VaultDb } from '../../../db/open';
import type { DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { today } from '../../shared/clock';
import { registerCaseSource, registerItemRemovalGuard } from '../agenda/hooks';
import { agendaItemsOf, getAgendaItem, meetingRecord, meetingRecords, nextSeriesMeetingDates, seriesNeighbour, updateAgendaItem, type AgendaItemRow } from '../agenda/store';
import { itemNumbers } from '../agenda/template';
import { agendaViewOf, mayKeepAgenda, refuseFixed, requireKeeper } from '../agenda/view';
import { partnerNames, userNames } from '../consent/store';
import { intakesById, staffById, staffIdOfUser, studentsById, type IntakeRow } from '../intake/store';
import { registerTimelineSource } from '../people/timeline';
import { actionNumber, actionOrigin, actionProblems, compareNumbers, defaultAudience, fieldsOf, infoPrefix, isOverdue, nextSequence, questionFromIntake, type ActionDraft } from './rules';
import {
  actionList,
  actionNumbersOfMeeting,
  actionsOfMeeting,
  addendaOf,
  carriedActions,
  casesOfStudent,
  openSeriesActionsBefore,
  comeBackCases,
  deleteAction,
  fieldOf,
  fieldsOfItems,
  fixMinutes,
  getAction,
  insertAction,
  insertAddendum,
  itemHasMinutes,
  saveActionText,
  saveMinuteField,
  updateAction,
  type ActionRow,
  type MinuteFieldRow,
} from './store';
import { actionStatusLabels, decisionLabels, holderKindLabels, type ActionStatus } from './vocabulary';

type Minutes = 'minutes.get' | 'minutes.saveField' | 'minutes.setDecision' | 'minutes.fix' | 'minutes.addAddendum' | 'actions.save' | 'actions.setStatus' | 'actions.remove' | 'actions.list';

/**
 * What the minutes tell the agenda: a student to "come back" and a student with actions due are
 * offered as cases for the series' next meeting; an item with minutes is not simply removed.
 */
export function registerMinutesHooks(): void {
  registerCaseSource('minutes', (db, meeting) => {
    const suggestions = [];
    const previous = seriesNeighbour(db, { ...meeting, startTime: '00:00' }, 'previous');
    if (previous) {
      for (const studentId of comeBackCases(db, previous.id)) {
        suggestions.push({ studentId, origin: 'terugkomen' as const, reason: `Terugkomen (besluit ${previous.title} ${dutch(previous.date)})` });
      }
    }
    const due = new Map<string, number>();
    const views = actionViews(db, carriedActions(db, meeting, [], seriesCarrySince(meeting.date)));
    for (const action of views) {
      if (action.studentId && action.dueOn !== null && action.dueOn <= meeting.date) due.set(action.studentId, (due.get(action.studentId) ?? 0) + 1);
    }
    for (const [studentId, n] of due) suggestions.push({ studentId, origin: 'actie' as const, reason: n === 1 ? '1 open actie' : `${n} open acties` });
    return suggestions;
  });
  registerTimelineSource('minutes', (db, studentId) => {
    const meetings = casesOfStudent(db, studentId)
      .filter((c) => c.change !== 'vervallen')
      .map((c) => ({
        date: c.date,
        kind: 'overleg' as const,
        title: `Besproken in ${c.title}`,
        detail: c.decision ? `Besluit: ${decisionLabels[c.decision]}` : 'Nog geen besluit vastgelegd',
        ref: { type: 'overleg' as const, id: c.meetingId },
      }));
    const actions = actionViews(db, actionList(db, { statuses: ['open', 'gedaan', 'teruggekoppeld', 'vervallen'], holderStaffId: null, seriesId: null, studentId }).map((r) => ({ ...r.action, meetingTitle: r.meetingTitle, meetingDate: r.meetingDate }))).map((a) => ({
      date: a.closedAt ? localDate(a.closedAt) : a.meetingDate,
      kind: 'actie' as const,
      title: `Actie ${a.origin}`,
      detail: `${a.what} — ${a.holderLabel ?? 'geen actiehouder'} — ${actionStatusLabels[a.status].toLowerCase()}${a.overdue ? ', over tijd' : ''}`,
      ref: { type: 'overleg' as const, id: a.meetingId },
    }));
    return [...meetings, ...actions];
  });
  registerItemRemovalGuard('minutes', (db, itemId) =>
    itemHasMinutes(db, itemId) ? 'Bij dit punt staan al notulen of acties. Het blijft op de agenda; zet de tijd desnoods op 1 minuut.' : null,
  );
}

/**
 * Since when a series' open actions come back under "Actiepunten": agreed in the twelve months
 * before the meeting. Older open ones are counted there and listed under Acties (years of
 * forgotten actions would otherwise bury this year's); a student's actions come back on their
 * case however old.
 */
const seriesCarrySince = (meetingDate: string) => format(subYears(parseISO(meetingDate), 1), 'yyyy-MM-dd');

/** The school's calendar day of a moment (closing just after midnight belongs to that day, not UTC's). */
const localDate = (instant: string) => format(parseISO(instant), 'yyyy-MM-dd');

const dutch = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** A lapsed item (struck through after sending) takes no minutes, decisions or actions. */
function requireLiveItem(item: AgendaItemRow): void {
  if (item.change === 'vervallen') throw new AppError('VALIDATION', 'Dit agendapunt is vervallen: er komen geen notulen, besluiten of acties meer bij.');
}

/** Actions as every screen shows them: numbered by origin, with holder, due date and what keeps a concept a concept. */
function actionViews(db: VaultDb, rows: (ActionRow & { meetingTitle?: string; meetingDate?: string })[]) {
  if (rows.length === 0) return [];
  const origins = meetingRecords(db, rows.map((r) => r.meetingId));
  const staff = staffById(db);
  const partners = partnerNames(db);
  const users = userNames(db);
  const students = studentsById(db, rows.flatMap((r) => (r.studentId ? [r.studentId] : [])));
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
      r.holderKind === 'staff' ? (person ? `${person.code} — ${person.name}` : null) : r.holderKind === 'partner' ? (r.holderPartnerId ? (partners.get(r.holderPartnerId) ?? null) : null) : r.holderKind ? holderKindLabels[r.holderKind] : null;
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
      problems: r.status === 'concept' ? actionProblems({ what: r.what, holder, due }, meeting.date, !r.dueNextMeeting || nextMeeting !== null) : {},
      meetingTitle: r.meetingTitle ?? meeting.title,
      meetingDate: r.meetingDate ?? meeting.date,
    };
  });
}

/** Each item's paragraphs in their order: stored ones, else empty (the question prefilled from the intake). */
function fieldViews(item: AgendaItemRow, stored: MinuteFieldRow[], users: Map<string, string>, intakes: Map<string, IntakeRow>) {
  const byKey = new Map(stored.map((f) => [f.field, f]));
  const view = (f: MinuteFieldRow) => ({ field: f.field, text: f.text, audience: f.audience, revision: f.revision, updatedBy: users.get(f.updatedBy) ?? null, updatedAt: f.updatedAt });
  const standard = fieldsOf(item.kind).map((spec) => {
    const found = byKey.get(spec.key);
    if (found) return view(found);
    const intake = spec.key === 'vraag' && item.intakeId ? intakes.get(item.intakeId) : undefined;
    // The intake was written for the team: its words stay internal until the secretary says otherwise.
    if (intake) return { field: spec.key, text: questionFromIntake(intake.answers), audience: 'intern' as const, revision: 0, updatedBy: null, updatedAt: null };
    return { field: spec.key, text: '', audience: spec.audience, revision: 0, updatedBy: null, updatedAt: null };
  });
  const info = stored.filter((f) => f.field.startsWith(infoPrefix)).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.field.localeCompare(b.field)).map(view);
  // "Nieuwe informatie" follows the question, as it is discussed.
  return [standard[0]!, ...info, ...standard.slice(1)];
}

/** Whether an item with this number may still get an action (a lapsed item has no number). */
function numberOf(items: AgendaItemRow[], itemId: string): number {
  const n = itemNumbers(items)[items.findIndex((i) => i.id === itemId)];
  if (n === null || n === undefined) throw new AppError('VALIDATION', 'Dit agendapunt is vervallen: er kunnen geen acties meer bij.');
  return n;
}

function statusFor(problems: Record<string, string>): ActionStatus {
  return Object.keys(problems).length === 0 ? 'open' : 'concept';
}

export const minutesHandlers: DomainHandlers<Minutes> = {
  'minutes.get': ({ db, session }, { meetingId }) => {
    const meeting = meetingRecord(db, meetingId);
    const rows = agendaItemsOf(db, meetingId);
    const agenda = agendaViewOf(db, meeting, rows, session.user.id);
    const users = userNames(db);
    const stored = fieldsOfItems(db, rows.map((r) => r.id));
    const own = actionViews(db, actionsOfMeeting(db, meetingId));
    const caseStudents = rows.flatMap((r) => (r.kind === 'casus' && r.studentId ? [r.studentId] : []));
    const since = seriesCarrySince(meeting.date);
    const carriedRows = carriedActions(db, meeting, caseStudents, since);
    const ofSeries = new Set(carriedRows.filter((a) => meeting.seriesId !== null && a.meetingSeriesId === meeting.seriesId && a.meetingDate >= since).map((a) => a.id));
    const carried = actionViews(db, carriedRows);
    const rowsById = new Map(rows.map((r) => [r.id, r]));
    const intakes = intakesById(db, rows.flatMap((r) => (r.intakeId ? [r.intakeId] : [])));
    const items = agenda.items.map((view) => {
      const row = rowsById.get(view.id)!;
      return {
        ...view,
        decision: row.decision,
        decided: row.decided,
        fields: fieldViews(row, stored.filter((f) => f.itemId === row.id), users, intakes),
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
    const toFix = previous && !previous.minutesFixedAt && previous.progress === 'afgelopen' ? { id: previous.id, title: previous.title, date: previous.date } : null;
    const keeper = mayKeepAgenda(db, session.user.id);
    return {
      ...agenda,
      items,
      olderSeriesActions: meeting.seriesId ? openSeriesActionsBefore(db, meeting.seriesId, since) : 0,
      addenda: addendaOf(db, meetingId).map((a) => ({ id: a.id, itemId: a.itemId, text: a.text, audience: a.audience, authorName: a.authorName, createdAt: a.createdAt })),
      toFix,
      canEditMinutes: keeper && !meeting.minutesFixedAt,
      canFix: keeper,
    };
  },

  'minutes.saveField': ({ db, session }, { itemId, field, text, audience, baseRevision }) => {
    requireKeeper(db, session.user.id, 'notuleren');
    const item = getAgendaItem(db, itemId);
    refuseFixed(meetingRecord(db, item.meetingId));
    requireLiveItem(item);
    const allowed = field.startsWith(infoPrefix) ? item.kind === 'casus' : fieldsOf(item.kind).some((f) => f.key === field);
    if (!allowed) throw new AppError('VALIDATION', 'Dit onderdeel hoort niet bij dit agendapunt.');
    const revision = saveMinuteField(db, { itemId, field, text, audience, baseRevision, userId: session.user.id });
    if (revision !== null) return { saved: true as const, revision, savedAt: new Date().toISOString() };
    const theirs = fieldOf(db, itemId, field);
    const users = userNames(db);
    return {
      saved: false as const,
      theirs: theirs
        ? { field, text: theirs.text, audience: theirs.audience, revision: theirs.revision, updatedBy: users.get(theirs.updatedBy) ?? null, updatedAt: theirs.updatedAt }
        : { field, text: '', audience: defaultAudience(field), revision: 0, updatedBy: null, updatedAt: null },
    };
  },

  'minutes.setDecision': ({ db, session }, { itemId, decision, decided }) => {
    requireKeeper(db, session.user.id, 'een besluit vastleggen');
    const item = getAgendaItem(db, itemId);
    refuseFixed(meetingRecord(db, item.meetingId));
    requireLiveItem(item);
    if (item.kind !== 'casus') throw new AppError('VALIDATION', 'Alleen bij een leerling wordt een besluit vastgelegd.');
    updateAgendaItem(db, itemId, { decision, decided });
    return null;
  },

  'minutes.fix': ({ db, session }, { meetingId, atMeetingId }) => {
    requireKeeper(db, session.user.id, 'notulen vaststellen');
    const meeting = meetingRecord(db, meetingId);
    if (meeting.minutesFixedAt) return null;
    if (meeting.progress !== 'afgelopen') throw new AppError('VALIDATION', 'Dit overleg is nog niet afgelopen: de notulen kunnen nog niet worden vastgesteld.');
    const concepts = actionsOfMeeting(db, meetingId).filter((a) => a.status === 'concept');
    if (concepts.length > 0) {
      throw new AppError('VALIDATION', `Actie ${concepts.map((a) => a.number).join(', ')} is nog een concept: vul wie en wanneer aan, of verwijder de actie, en stel dan vast.`);
    }
    if (atMeetingId) {
      const at = meetingRecord(db, atMeetingId);
      if (at.seriesId !== meeting.seriesId || at.date < meeting.date || at.id === meeting.id) {
        throw new AppError('VALIDATION', 'Notulen worden vastgesteld bij een later overleg van dezelfde reeks.');
      }
    }
    const rows = agendaItemsOf(db, meetingId);
    const stored = fieldsOfItems(db, rows.map((r) => r.id));
    const intakes = intakesById(db, rows.flatMap((r) => (r.intakeId ? [r.intakeId] : [])));
    const shownOnly = rows.flatMap((row) => {
      if (row.kind !== 'casus' || row.change === 'vervallen') return [];
      return fieldViews(row, stored.filter((f) => f.itemId === row.id), userNames(db), intakes)
        .filter((f) => f.revision === 0 && f.text !== '')
        .map((f) => ({ itemId: row.id, field: f.field, text: f.text, audience: f.audience }));
    });
    fixMinutes(db, meetingId, session.user.id, atMeetingId, shownOnly);
    return null;
  },

  'minutes.addAddendum': ({ db, session }, { meetingId, itemId, text, audience }) => {
    requireKeeper(db, session.user.id, 'een aanvulling op de notulen schrijven');
    const meeting = meetingRecord(db, meetingId);
    if (!meeting.minutesFixedAt) throw new AppError('VALIDATION', 'Deze notulen zijn nog niet vastgesteld: pas ze gewoon aan.');
    if (itemId && getAgendaItem(db, itemId).meetingId !== meetingId) throw new AppError('NOT_FOUND', 'Dit agendapunt hoort niet bij dit overleg.');
    return { id: insertAddendum(db, { meetingId, itemId, text, audience, authorId: session.user.id, authorName: session.user.name }) };
  },

  'actions.save': ({ db, session }, input) => {
    requireKeeper(db, session.user.id, 'acties vastleggen');
    const { what, holder, due, audience } = input;
    const normalized: ActionDraft['holder'] = holder
      ? { kind: holder.kind, staffId: holder.kind === 'staff' ? holder.staffId : null, partnerId: holder.kind === 'partner' ? holder.partnerId : null }
      : null;
    if (normalized?.staffId && !staffById(db).has(normalized.staffId)) throw new AppError('NOT_FOUND', 'Deze medewerker bestaat niet (meer).', { holder: 'Deze medewerker bestaat niet (meer).' });
    if (normalized?.partnerId && !partnerNames(db).has(normalized.partnerId)) throw new AppError('NOT_FOUND', 'Deze partner bestaat niet (meer).', { holder: 'Deze partner bestaat niet (meer).' });
    const item = getAgendaItem(db, 'id' in input ? (getAction(db, input.id).itemId ?? '') : input.itemId);
    const meeting = meetingRecord(db, item.meetingId);
    refuseFixed(meeting);
    requireLiveItem(item);
    const problems = actionProblems({ what, holder: normalized, due }, meeting.date, due?.kind !== 'volgende-overleg' || seriesNeighbour(db, meeting, 'next') !== null);
    const columns = {
      what,
      holderKind: normalized?.kind ?? null,
      holderStaffId: normalized?.staffId ?? null,
      holderPartnerId: normalized?.partnerId ?? null,
      dueDate: due?.kind === 'datum' ? due.date : null,
      dueNextMeeting: due?.kind === 'volgende-overleg',
      audience,
    };
    if ('id' in input) {
      const action = getAction(db, input.id);
      const status = action.status === 'concept' || action.status === 'open' ? statusFor(problems) : action.status;
      if (!saveActionText(db, action.id, input.baseRevision, { ...columns, status })) {
        return { saved: false as const, theirs: actionViews(db, [getAction(db, action.id)])[0]! };
      }
      return { saved: true as const, action: actionViews(db, [getAction(db, action.id)])[0]! };
    }
    // The item's number now, and the next free sequence under it in this meeting: numbers stay unique
    // even when the agenda was reordered after earlier actions got theirs.
    const itemNumber = numberOf(agendaItemsOf(db, meeting.id), item.id);
    const taken = actionNumbersOfMeeting(db, meeting.id).filter((n) => n.startsWith(`${itemNumber}.`));
    const id = insertAction(db, { meetingId: meeting.id, itemId: item.id, studentId: item.studentId, number: actionNumber(itemNumber, nextSequence(taken)), ...columns, status: statusFor(problems), createdBy: session.user.id });
    return { saved: true as const, action: actionViews(db, [getAction(db, id)])[0]! };
  },

  'actions.setStatus': ({ db, session }, { id, status, note }) => {
    const action = getAction(db, id);
    // The holder closes their own action; the team's keepers close any.
    const holderIsMe = action.holderStaffId !== null && action.holderStaffId === staffIdOfUser(db, session.user.id);
    if (!holderIsMe) requireKeeper(db, session.user.id, 'de actie van een ander afsluiten of heropenen (dat doet de actiehouder zelf)');
    if (action.status === 'concept') throw new AppError('VALIDATION', 'Deze actie is nog een concept: vul eerst aan wie en wanneer.');
    const closing = status !== 'open';
    updateAction(db, id, {
      status,
      // Reopening keeps why it lapsed earlier, unless a new note says otherwise.
      statusNote: note || (closing ? null : action.statusNote),
      closedBy: closing ? session.user.id : null,
      closedAt: closing ? new Date().toISOString() : null,
    });
    return null;
  },

  'actions.remove': ({ db, session }, { id }) => {
    requireKeeper(db, session.user.id, 'acties verwijderen');
    const action = getAction(db, id);
    refuseFixed(meetingRecord(db, action.meetingId));
    deleteAction(db, id);
    return null;
  },

  'actions.list': ({ db, session }, input) => {
    const holderStaffId = input.mine ? (staffIdOfUser(db, session.user.id) ?? '-') : input.holderStaffId;
    const rows = actionList(db, {
      statuses: input.status === 'open' ? ['open', 'concept'] : ['concept', 'open', 'gedaan', 'teruggekoppeld', 'vervallen'],
      holderStaffId,
      seriesId: input.seriesId,
      studentId: input.studentId,
    });
    const views = actionViews(db, rows.map((r) => ({ ...r.action, meetingTitle: r.meetingTitle, meetingDate: r.meetingDate })));
    // By when they are due ("volgende overleg" by that meeting's date), then by number.
    const byDue = (v: (typeof views)[number]) => v.dueOn ?? v.meetingDate;
    views.sort((a, b) => byDue(a).localeCompare(byDue(b)) || a.meetingDate.localeCompare(b.meetingDate) || compareNumbers(a.number, b.number));
    return input.overdueOnly ? views.filter((v) => v.overdue) : views;
  },
};
