import type { VaultDb } from '../../../db/open';
import type { DomainHandlers } from '../../api/handler-types';
import { activeSeries } from '../schedule/store';
import { AppError } from '../../api/errors';
import { agendaItemsOf, getAgendaItem, meetingRecord, seriesNeighbour, updateAgendaItem, type AgendaItemRow } from '../agenda/store';
import { itemNumbers } from '../agenda/template';
import { refuseFixed, requireKeeper } from '../agenda/view';
import {
  actionNumber,
  actionProblems,
  audienceAfterHolderChange,
  defaultActionAudience,
  defaultAudience,
  fieldsOf,
  infoPrefix,
  nextSequence,
  type ActionDraft,
} from './rules';
import {
  actionNumbersOfMeeting,
  actionsOfMeeting,
  deleteAction,
  fieldOf,
  fieldsOfItems,
  fixMinutes,
  getAction,
  insertAction,
  insertAddendum,
  saveActionText,
  saveMinuteField,
  updateAction,
} from './store';
import type { ActionStatus } from './vocabulary';
import { now } from '../../shared/clock';
import { actionViews, caseSources, fieldViews, listActions, minutesView } from './view';
import { partnerNames, staffById } from '../people/store';
import { staffIdOfUser, userNames } from '../settings/store';

export { registerMinutesHooks } from './register-hooks';

type Minutes =
  | 'minutes.get'
  | 'minutes.saveField'
  | 'minutes.setDecision'
  | 'minutes.fix'
  | 'minutes.addAddendum'
  | 'actions.save'
  | 'actions.setStatus'
  | 'actions.remove'
  | 'actions.list';

/** The meeting kinds "Doorverwijzen naar FlexZAT, ZAT of MDO" names. */
const referralKinds = ['flexzat', 'zat', 'mdo'];

/**
 * Where a referral goes: the series chosen, else the school's only FlexZAT, ZAT or MDO. With more
 * than one (a FlexZAT and a ZAT, or a ZAT per location) the secretary names it: the decision is
 * kept meanwhile (nothing typed is lost), the screen asks for the series and the minutes are not
 * fixed until it is chosen, since a referral that arrives nowhere is a referral lost.
 */
function referralTarget(db: VaultDb, ownSeriesId: string | null, chosen: string | null): string | null {
  const field = 'referralSeriesId';
  if (chosen) {
    const series = activeSeries(db).find((s) => s.id === chosen);
    if (!series)
      throw new AppError('NOT_FOUND', 'Dit overleg bestaat niet (meer).', {
        [field]: 'Dit overleg bestaat niet (meer); kies een ander.',
      });
    if (chosen === ownSeriesId)
      throw new AppError('VALIDATION', 'Doorverwijzen gaat naar een ander overleg.', {
        [field]: 'Kies een ander overleg dan dit; voor hetzelfde overleg is het besluit "Terugkomen".',
      });
    return chosen;
  }
  const candidates = referralCandidates(db, ownSeriesId);
  return candidates.length === 1 ? candidates[0]!.id : null;
}

const referralCandidates = (db: VaultDb, ownSeriesId: string | null) =>
  activeSeries(db).filter((s) => s.id !== ownSeriesId && referralKinds.includes(s.kind.toLowerCase()));

/** A lapsed item (struck through after sending) takes no minutes, decisions or actions. */
function requireLiveItem(item: AgendaItemRow): void {
  if (item.change === 'vervallen')
    throw new AppError('VALIDATION', 'Dit agendapunt is vervallen: er komen geen notulen, besluiten of acties meer bij.');
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
  'minutes.get': ({ db, session }, { meetingId }) => minutesView(db, meetingId, session.user.id),

  'minutes.saveField': ({ db, session }, { itemId, field, text, audience, baseRevision }) => {
    const item = getAgendaItem(db, itemId);
    refuseFixed(meetingRecord(db, item.meetingId));
    requireLiveItem(item);
    const allowed = field.startsWith(infoPrefix) ? item.kind === 'casus' : fieldsOf(item.kind).some((f) => f.key === field);
    if (!allowed) throw new AppError('VALIDATION', 'Dit onderdeel hoort niet bij dit agendapunt.');
    const revision = saveMinuteField(db, { itemId, field, text, audience, baseRevision, userId: session.user.id });
    if (revision !== null) return { saved: true as const, revision, savedAt: now() };
    const theirs = fieldOf(db, itemId, field);
    const users = userNames(db);
    return {
      saved: false as const,
      theirs: theirs
        ? {
            field,
            text: theirs.text,
            audience: theirs.audience,
            revision: theirs.revision,
            updatedBy: users.get(theirs.updatedBy) ?? null,
            updatedAt: theirs.updatedAt,
          }
        : { field, text: '', audience: defaultAudience(field), revision: 0, updatedBy: null, updatedAt: null },
    };
  },

  'minutes.setDecision': ({ db }, input) => {
    const { itemId, referralSeriesId } = input;
    const item = getAgendaItem(db, itemId);
    const decision = input.decision === undefined ? item.decision : input.decision;
    const decided = input.decided ?? item.decided;
    const meeting = meetingRecord(db, item.meetingId);
    refuseFixed(meeting);
    requireLiveItem(item);
    if (item.kind !== 'casus') throw new AppError('VALIDATION', 'Alleen bij een leerling wordt een besluit vastgelegd.');
    // Not given: the series chosen before stays (ticking "besloten" does not send the student elsewhere).
    const target =
      decision === 'doorverwijzen-overleg'
        ? referralTarget(db, meeting.seriesId, referralSeriesId === undefined ? item.referralSeriesId : referralSeriesId)
        : null;
    updateAgendaItem(db, itemId, { decision, decided, referralSeriesId: target });
    return null;
  },

  'minutes.fix': ({ db, session }, { meetingId, atMeetingId }) => {
    const meeting = meetingRecord(db, meetingId);
    const at = atMeetingId ? meetingRecord(db, atMeetingId) : null;
    if (meeting.minutesFixedAt) return null;
    if (meeting.progress !== 'afgelopen')
      throw new AppError('VALIDATION', 'Dit overleg is nog niet afgelopen: de notulen kunnen nog niet worden vastgesteld.');
    const concepts = actionsOfMeeting(db, meetingId).filter((a) => a.status === 'concept');
    if (concepts.length > 0) {
      throw new AppError(
        'VALIDATION',
        `Actie ${concepts.map((a) => a.number).join(', ')} is nog een concept: ` +
          'vul wie en wanneer aan, of verwijder de actie, en stel dan vast.',
      );
    }
    const rowsNow = agendaItemsOf(db, meetingId);
    const unsent = rowsNow.filter((r) => r.decision === 'doorverwijzen-overleg' && r.referralSeriesId === null && r.change !== 'vervallen');
    if (unsent.length > 0 && referralCandidates(db, meeting.seriesId).length > 0) {
      const numbers = itemNumbers(rowsNow);
      const which = unsent.map((r) => numbers[rowsNow.indexOf(r)]).join(', ');
      throw new AppError(
        'VALIDATION',
        `Bij punt ${which} is doorverwijzen besloten, maar nog niet naar welk overleg: kies het overleg, en stel dan vast.`,
      );
    }
    if (at) {
      if (at.seriesId !== meeting.seriesId || at.date < meeting.date || at.id === meeting.id) {
        throw new AppError('VALIDATION', 'Notulen worden vastgesteld bij een later overleg van dezelfde reeks.');
      }
    }
    const rows = agendaItemsOf(db, meetingId);
    const stored = fieldsOfItems(
      db,
      rows.map((r) => r.id),
    );
    const { intakes, referrals } = caseSources(db, rows);
    const shownOnly = rows.flatMap((row) => {
      if (row.kind !== 'casus' || row.change === 'vervallen') return [];
      return fieldViews(
        row,
        stored.filter((f) => f.itemId === row.id),
        userNames(db),
        intakes,
        referrals,
      )
        .filter((f) => f.revision === 0 && f.text !== '')
        .map((f) => ({ itemId: row.id, field: f.field, text: f.text, audience: f.audience }));
    });
    fixMinutes(db, meetingId, session.user.id, atMeetingId, shownOnly);
    return null;
  },

  'minutes.addAddendum': ({ db, session }, { meetingId, itemId, text, audience }) => {
    const meeting = meetingRecord(db, meetingId);
    if (itemId && getAgendaItem(db, itemId).meetingId !== meetingId)
      throw new AppError('NOT_FOUND', 'Dit agendapunt hoort niet bij dit overleg.');
    if (!meeting.minutesFixedAt) throw new AppError('VALIDATION', 'Deze notulen zijn nog niet vastgesteld: pas ze gewoon aan.');
    return {
      id: insertAddendum(db, {
        meetingId,
        itemId,
        text,
        audience,
        authorId: session.user.id,
        authorName: session.user.name,
      }),
    };
  },

  'actions.save': ({ db, session }, input) => {
    const { what, holder, due, audience } = input;
    const normalized: ActionDraft['holder'] = holder
      ? {
          kind: holder.kind,
          staffId: holder.kind === 'staff' ? holder.staffId : null,
          partnerId: holder.kind === 'partner' ? holder.partnerId : null,
        }
      : null;
    if (normalized?.staffId && !staffById(db).has(normalized.staffId))
      throw new AppError('NOT_FOUND', 'Deze medewerker bestaat niet (meer).', {
        holder: 'Deze medewerker bestaat niet (meer).',
      });
    if (normalized?.partnerId && !partnerNames(db).has(normalized.partnerId))
      throw new AppError('NOT_FOUND', 'Deze partner bestaat niet (meer).', {
        holder: 'Deze partner bestaat niet (meer).',
      });
    const stored = 'id' in input ? getAction(db, input.id) : null;
    const item = getAgendaItem(db, stored ? (stored.itemId ?? '') : 'itemId' in input ? input.itemId : '');
    const meeting = meetingRecord(db, item.meetingId);
    refuseFixed(meeting);
    requireLiveItem(item);
    const problems = actionProblems(
      { what, holder: normalized, due },
      meeting.date,
      due?.kind !== 'volgende-overleg' || seriesNeighbour(db, meeting, 'next') !== null,
    );
    const columns = {
      what,
      holderKind: normalized?.kind ?? null,
      holderStaffId: normalized?.staffId ?? null,
      holderPartnerId: normalized?.partnerId ?? null,
      dueDate: due?.kind === 'datum' ? due.date : null,
      dueNextMeeting: due?.kind === 'volgende-overleg',
      audience:
        audience ??
        (stored
          ? audienceAfterHolderChange(stored.audience, stored.holderKind, normalized?.kind ?? null)
          : defaultActionAudience(normalized?.kind ?? null)),
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
    const id = insertAction(db, {
      meetingId: meeting.id,
      itemId: item.id,
      studentId: item.studentId,
      number: actionNumber(itemNumber, nextSequence(taken)),
      ...columns,
      status: statusFor(problems),
      createdBy: session.user.id,
    });
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
      closedAt: closing ? now() : null,
    });
    return null;
  },

  'actions.remove': ({ db }, { id }) => {
    const action = getAction(db, id);
    refuseFixed(meetingRecord(db, action.meetingId));
    deleteAction(db, id);
    return null;
  },

  'actions.list': ({ db, session }, input) => listActions(db, session.user.id, input),
};
