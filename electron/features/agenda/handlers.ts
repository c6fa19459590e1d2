import { addDays, format, parseISO } from 'date-fns';
import type { VaultDb } from '../../../db/open';
import type { DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { now, today } from '../../shared/clock';
import { intakeRows, setIntakeStatus } from '../intake/store';
import { registerCaseLinkStep } from '../intake/link-hooks';
import { registerMeetingEditGuard, registerMeetingKeepReason } from '../schedule/keep-reasons';
import { itemRemovalRefusal, suggestedCases } from './hooks';
import {
  agendaItemsOf,
  linkIntakeItems,
  deleteAgendaItem,
  getAgendaItem,
  hasAgenda,
  insertAgendaItems,
  meetingList,
  meetingRecord,
  referringCases,
  reorderAgenda,
  saveSeriesTemplate,
  seriesTemplate,
  setMeetingProgress,
  updateAgendaItem,
  type AgendaItemRow,
  type MeetingRecord,
  type NewAgendaItem,
} from './store';
import { attendeesOf, familiesOf, setPresence } from './store-presence';
import { composeAgenda, moveTo, standardTemplate, type TemplateItem } from './template';
import { agendaView, meetingState, refuseFixed } from './view';
import type { AgendaChange, MeetingProgress } from './vocabulary';
import { registerStudentEraser } from '../people/erasure';
import { agendaEraser } from './store-erasure';
import { staffById, studentExists, studentsById } from '../people/store';

/**
 * A meeting with an agenda keeps its date when the year is planned again, and cannot be removed.
 * A linked anonymous case takes its agenda items (and so their minutes) to the student.
 */
export function registerAgendaHooks(): void {
  registerStudentEraser('agenda', agendaEraser);
  registerCaseLinkStep('agenda', (db, { intakeId, studentId, studentName }) => {
    const moved = linkIntakeItems(db, intakeId, studentId, studentName);
    return moved === 0 ? null : moved === 1 ? '1 agendapunt met notulen' : `${moved} agendapunten met notulen`;
  });
  registerMeetingKeepReason('agenda', (db, meetingId) => (hasAgenda(db, meetingId) ? 'er is een agenda voor gemaakt' : null));
  registerMeetingEditGuard('agenda', (db, meetingId) =>
    meetingRecord(db, meetingId).minutesFixedAt
      ? 'De notulen van dit overleg zijn vastgesteld: datum, tijd, plaats en deelnemers liggen daarmee vast.'
      : null,
  );
}

type Agenda =
  | 'agenda.template'
  | 'agenda.saveTemplate'
  | 'agenda.meetings'
  | 'agenda.get'
  | 'agenda.create'
  | 'agenda.suggestions'
  | 'agenda.addItem'
  | 'agenda.updateItem'
  | 'agenda.moveItem'
  | 'agenda.removeItem'
  | 'agenda.setProgress'
  | 'agenda.setPresence';

/** After sending, a change is marked; an item added after sending stays "toegevoegd". */
const changeAfterSend = (meeting: MeetingRecord, item: AgendaItemRow | null, change: AgendaChange): { change?: AgendaChange } =>
  meeting.agendaSentAt && item?.change !== 'toegevoegd' ? { change } : {};

/** Accepted intakes for this meeting and the cases the minutes offer, minus what is on the agenda already. */
function openSuggestions(db: VaultDb, meeting: MeetingRecord, onAgenda: AgendaItemRow[]) {
  const studentsOn = new Set(onAgenda.flatMap((i) => (i.studentId && i.change !== 'vervallen' ? [i.studentId] : [])));
  const intakesOn = new Set(onAgenda.flatMap((i) => (i.intakeId ? [i.intakeId] : [])));
  const intakes = intakeRows(db, {
    status: 'geaccepteerd',
    meetingId: meeting.id,
    studentId: null,
    createdBy: null,
  }).filter((i) => !intakesOn.has(i.id));
  const fromIntakes = intakes.map((i) => ({
    studentId: i.studentId,
    intakeId: i.id,
    caseLabel: i.anonymousLabel,
    referrerId: i.referrerId,
    origin: 'aanmelding' as const,
    reason: 'Geaccepteerde aanmelding',
    fromItemId: null,
    question: null,
  }));
  const seen = new Set([...studentsOn, ...fromIntakes.flatMap((i) => (i.studentId ? [i.studentId] : []))]);
  const others = [];
  for (const s of suggestedCases(db, meeting)) {
    if (seen.has(s.studentId)) continue;
    seen.add(s.studentId);
    others.push({
      studentId: s.studentId,
      intakeId: null,
      caseLabel: null,
      referrerId: null,
      origin: s.origin,
      reason: s.reason,
      fromItemId: s.fromItemId ?? null,
      question: s.question ?? null,
    });
  }
  return [...fromIntakes, ...others];
}

function caseItem(
  meeting: MeetingRecord,
  c: {
    studentId: string | null;
    intakeId: string | null;
    caseLabel: string | null;
    referrerId: string | null;
    origin: NewAgendaItem['origin'];
    fromItemId: string | null;
  },
  title: string,
): NewAgendaItem {
  return {
    referredFromItemId: c.fromItemId,
    kind: 'casus',
    title,
    studentId: c.studentId,
    caseLabel: c.caseLabel,
    intakeId: c.intakeId,
    origin: c.origin,
    presenterId: c.referrerId,
    durationMinutes: meeting.caseMinutes,
  };
}

const caseTitle = (name: string | undefined, label: string | null) => name ?? label ?? 'Leerling';

/** The steps a meeting may take: send, start, end, and back to running while the minutes are open. */
const allowedSteps: Record<MeetingProgress, MeetingProgress[]> = {
  gepland: ['agenda-verstuurd', 'bezig'],
  'agenda-verstuurd': ['bezig'],
  bezig: ['afgelopen'],
  afgelopen: ['bezig'],
};

const progressWords: Record<MeetingProgress, string> = {
  gepland: 'gepland',
  'agenda-verstuurd': 'verstuurd',
  bezig: 'bezig',
  afgelopen: 'afgelopen',
};

export const agendaHandlers: DomainHandlers<Agenda> = {
  'agenda.template': ({ db }, { seriesId }) => {
    const series = seriesTemplate(db, seriesId);
    return {
      seriesId,
      seriesName: series.name,
      caseMinutes: series.caseMinutes,
      items: series.template,
      standard: standardTemplate,
    };
  },

  'agenda.saveTemplate': ({ db }, { seriesId, caseMinutes, items }) => {
    seriesTemplate(db, seriesId);
    saveSeriesTemplate(db, seriesId, caseMinutes, items);
    return null;
  },

  'agenda.meetings': ({ db }, { scope }) => {
    const date = today();
    const rows =
      scope === 'komend'
        ? meetingList(db, date, format(addDays(parseISO(date), 400), 'yyyy-MM-dd'), false)
        : meetingList(db, '0000-01-01', format(addDays(parseISO(date), -1), 'yyyy-MM-dd'), true);
    return rows.map(({ progress, minutesFixedAt, ...r }) => ({
      ...r,
      state: meetingState({ progress, minutesFixedAt }),
    }));
  },

  'agenda.get': ({ db, session }, { meetingId }) => agendaView(db, meetingId, session.user.id),

  'agenda.create': ({ db }, { meetingId }) => {
    const meeting = meetingRecord(db, meetingId);
    refuseFixed(meeting);
    if (hasAgenda(db, meetingId)) return { added: 0 };
    const cases = openSuggestions(db, meeting, []);
    const names = studentsById(
      db,
      cases.flatMap((c) => (c.studentId ? [c.studentId] : [])),
    );
    const items = composeAgenda<NewAgendaItem>(
      meeting.template,
      cases.map((c) => caseItem(meeting, c, caseTitle(c.studentId ? names.get(c.studentId)?.name : undefined, c.caseLabel))),
    ).map((item): NewAgendaItem =>
      'kind' in item && item.kind === 'casus' ? (item as NewAgendaItem) : fromTemplate(item as TemplateItem),
    );
    insertAgendaItems(db, meetingId, items);
    return { added: items.length };
  },

  'agenda.suggestions': ({ db }, { meetingId }) => {
    const meeting = meetingRecord(db, meetingId);
    const suggestions = openSuggestions(db, meeting, agendaItemsOf(db, meetingId));
    const names = studentsById(
      db,
      suggestions.flatMap((s) => (s.studentId ? [s.studentId] : [])),
    );
    const referrals = referringCases(
      db,
      suggestions.flatMap((s) => (s.fromItemId ? [s.fromItemId] : [])),
    );
    return suggestions.map((s) => {
      const student = s.studentId ? names.get(s.studentId) : undefined;
      return {
        studentId: s.studentId,
        intakeId: s.intakeId,
        caseName: caseTitle(student?.name, s.caseLabel),
        className: student?.className ?? '',
        origin: s.origin,
        reason: s.reason,
        question: s.question,
        referredFrom: s.fromItemId ? (referrals.get(s.fromItemId) ?? null) : null,
      };
    });
  },

  'agenda.addItem': ({ db }, input) => {
    const meeting = meetingRecord(db, input.meetingId);
    refuseFixed(meeting);
    const items = agendaItemsOf(db, meeting.id);
    const marked = meeting.agendaSentAt ? { change: 'toegevoegd' as const } : {};
    let item: NewAgendaItem;
    if (input.kind === 'casus') {
      if (!studentExists(db, input.studentId)) throw new AppError('NOT_FOUND', 'Deze leerling bestaat niet (meer).');
      if (items.some((i) => i.studentId === input.studentId && i.change !== 'vervallen')) {
        throw new AppError('DUPLICATE', 'Deze leerling staat al op de agenda.');
      }
      const intake = input.intakeId
        ? intakeRows(db, { status: null, meetingId: null, studentId: input.studentId, createdBy: null }).find(
            (i) => i.id === input.intakeId,
          )
        : undefined;
      if (input.intakeId && !intake) throw new AppError('NOT_FOUND', 'Deze aanmelding bestaat niet (meer) voor deze leerling.');
      const name = studentsById(db, [input.studentId]).get(input.studentId)?.name;
      // A referral taken in keeps the case that sent it (its question and history), as the suggestion said.
      const referral =
        input.origin === 'verwijzing'
          ? openSuggestions(db, meeting, items).find((s) => s.studentId === input.studentId && s.fromItemId)
          : undefined;
      if (input.origin === 'verwijzing' && !referral)
        throw new AppError('NOT_FOUND', 'Er staat geen doorverwijzing van deze leerling open voor dit overleg.');
      item = caseItem(
        meeting,
        {
          studentId: input.studentId,
          intakeId: intake?.id ?? null,
          caseLabel: null,
          referrerId: intake?.referrerId ?? null,
          origin: input.origin,
          fromItemId: referral?.fromItemId ?? null,
        },
        caseTitle(name, null),
      );
    } else {
      item = { kind: 'overig', title: input.title, durationMinutes: 5 };
    }
    // New cases go after the last case (or where the template puts cases); other items before the rondvraag.
    const lastCase = items.findLastIndex((i) => i.kind === 'casus');
    const anchor = lastCase >= 0 ? lastCase : items.findIndex((i) => i.kind === 'actiepunten');
    const rondvraag = items.findIndex((i) => i.kind === 'rondvraag');
    const before = input.kind === 'casus' && anchor >= 0 ? items[anchor + 1] : rondvraag >= 0 ? items[rondvraag] : undefined;
    const [id] = insertAgendaItems(db, meeting.id, [{ ...item, ...marked }], before?.position);
    return { id: id! };
  },

  'agenda.updateItem': ({ db }, { id, ...fields }) => {
    const item = getAgendaItem(db, id);
    const meeting = meetingRecord(db, item.meetingId);
    refuseFixed(meeting);
    if (fields.presenterId && !staffById(db).has(fields.presenterId))
      throw new AppError('NOT_FOUND', 'Deze inbrenger bestaat niet (meer).', {
        presenterId: 'Deze inbrenger bestaat niet (meer).',
      });
    const changed =
      item.title !== fields.title ||
      item.presenterId !== fields.presenterId ||
      item.durationMinutes !== fields.durationMinutes ||
      item.confidential !== fields.confidential ||
      JSON.stringify(item.guests) !== JSON.stringify(fields.guests);
    if (!changed) return null;
    updateAgendaItem(db, id, { ...fields, ...changeAfterSend(meeting, item, 'gewijzigd') });
    return null;
  },

  'agenda.moveItem': ({ db }, { id, toIndex }) => {
    const item = getAgendaItem(db, id);
    const meeting = meetingRecord(db, item.meetingId);
    refuseFixed(meeting);
    const items = agendaItemsOf(db, item.meetingId);
    const from = items.findIndex((i) => i.id === id);
    if (from === toIndex) return null;
    db.transaction(() => {
      reorderAgenda(
        db,
        moveTo(items, from, toIndex).map((i) => i.id),
      );
      const mark = changeAfterSend(meeting, item, 'gewijzigd');
      if (mark.change) updateAgendaItem(db, id, mark);
    });
    return null;
  },

  'agenda.removeItem': ({ db }, { id }) => {
    const item = getAgendaItem(db, id);
    const meeting = meetingRecord(db, item.meetingId);
    refuseFixed(meeting);
    const refusal = itemRemovalRefusal(db, id);
    if (refusal) throw new AppError('FORBIDDEN', refusal);
    // A sent agenda keeps the item, struck through, so everybody sees it lapsed.
    if (meeting.agendaSentAt && item.change !== 'toegevoegd') updateAgendaItem(db, id, { change: 'vervallen' });
    else deleteAgendaItem(db, id);
    return null;
  },

  'agenda.setProgress': ({ db, session }, { meetingId, progress }) => {
    const meeting = meetingRecord(db, meetingId);
    refuseFixed(meeting);
    if (meeting.progress === progress) return null;
    if (!allowedSteps[meeting.progress].includes(progress)) {
      throw new AppError(
        'VALIDATION',
        `Dit overleg is ${progressWords[meeting.progress]}: het kan niet meer ` +
          `${progress === 'agenda-verstuurd' ? 'worden verstuurd' : `op "${progressWords[progress]}"`}.`,
      );
    }
    if (progress === 'agenda-verstuurd' && !hasAgenda(db, meetingId)) {
      throw new AppError('VALIDATION', 'Er is nog geen agenda om te versturen. Maak eerst de agenda.');
    }
    db.transaction(() => {
      setMeetingProgress(db, meetingId, progress, progress === 'agenda-verstuurd' ? now() : undefined);
      // The cases of a finished meeting were discussed: their intakes say so.
      if (progress === 'afgelopen') {
        for (const item of agendaItemsOf(db, meetingId)) {
          if (!item.intakeId || item.change === 'vervallen') continue;
          const intake = intakeRows(db, {
            status: 'geaccepteerd',
            meetingId: null,
            studentId: item.studentId,
            createdBy: null,
          }).find((i) => i.id === item.intakeId);
          if (intake) setIntakeStatus(db, intake.id, 'besproken', session.user.id);
        }
      }
    });
    return null;
  },

  'agenda.setPresence': ({ db }, { meetingId, person, presence }) => {
    const meeting = meetingRecord(db, meetingId);
    refuseFixed(meeting);
    const invited = attendeesOf(db, meetingId).some((a) => a.person === person);
    // A parent or the student is there for their own case: it must be on this agenda.
    const cases = agendaItemsOf(db, meetingId).flatMap((i) =>
      i.kind === 'casus' && i.studentId && i.change !== 'vervallen' ? [i.studentId] : [],
    );
    const family =
      !invited &&
      /^(guardian|student):/.test(person) &&
      [...familiesOf(db, meetingId, cases).values()].some((members) => members.some((m) => m.person === person));
    if (!invited && !family) {
      throw new AppError(
        'NOT_FOUND',
        /^(guardian|student):/.test(person)
          ? 'Deze ouder of leerling hoort niet bij een leerling op deze agenda.'
          : 'Deze persoon is niet uitgenodigd voor dit overleg.',
      );
    }
    setPresence(db, meetingId, person, presence);
    return null;
  },
};

function fromTemplate(t: TemplateItem): NewAgendaItem {
  return { kind: t.kind, title: t.title, durationMinutes: t.minutes };
}
