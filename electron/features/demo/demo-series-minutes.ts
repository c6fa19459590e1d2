import { asc, eq } from 'drizzle-orm';
import { meetings } from '../../../db/schema';
import {
  agendaItemsOf,
  insertAgendaItems,
  meetingRecord,
  nextSeriesMeetingDates,
  seriesNeighbour,
  setMeetingProgress,
  type NewAgendaItem,
} from '../agenda/store';
import { attendeesOf, setPresence } from '../agenda/store-presence';
import { composeAgenda, itemNumbers, type TemplateItem } from '../agenda/template';
import { carriedActions, comeBackCases, fixMinutes, insertAddendum, saveMinuteField } from '../minutes/store';
import type { DecisionType } from '../minutes/vocabulary';
import { fullName } from '../people/names';
import type { IsoDate } from '../../shared/school-year';
import { writeCaseMinutes, type AgendaCase } from './demo-case-minutes';
import type { MinutesCast } from './demo-minutes-cast';
import { dutch, followUp, shift, type CaseStory, type Role, type SeriesPlan } from './demo-minutes-story';

type Meeting = typeof meetings.$inferSelect;
type MeetingRecord = ReturnType<typeof meetingRecord>;

/** One of a series' last three meetings, and where its minutes stand. */
export interface Slot {
  meeting: Meeting;
  role: Role;
}

/** How far a meeting got with a case (a running one is part-way), and the story told there. */
interface Told {
  depth: 'complete' | 'partial' | 'none';
  story: CaseStory | null;
}

/** What the series remembers of a student: how often their case came up, and its last decision. */
interface SeriesMemory {
  times: Map<string, number>;
  lastDecision: Map<string, DecisionType>;
}

/**
 * A series' history: its older meetings closed with a note, then each of its last three meetings
 * with agenda, presence, notes and the minutes of every case; the minutes are fixed last, each at
 * the next meeting, and the addenda written on the fixed minutes. `offset` is the first slot's
 * place among the three (a series with fewer meetings starts later in the plan).
 */
export function seedSeriesMinutes(cast: MinutesCast, slots: Slot[], plan: SeriesPlan, offset: number): void {
  const { db, awo } = cast;
  // Written once the minutes they correct are fixed.
  const addenda: { meetingId: string; itemId: string; text: string }[] = [];
  const memory: SeriesMemory = { times: new Map(), lastDecision: new Map() };
  closeOlderMeetings(cast, slots[0]!.meeting);

  slots.forEach(({ meeting, role }, index) => {
    const slot = index + offset;
    const record = meetingRecord(db, meeting.id);
    const secretary = cast.userOfStaff(record.secretaryId) ?? awo.id;
    const nextSlot = slots[index + 1]?.meeting.date ?? null;
    const cases = agendaCases(cast, meeting, slots[index - 1]?.meeting ?? null, plan.byHand[slot] ?? []);
    const told = storiesTold(cast, cases, role, memory);
    const caseItemIds = putOnAgenda(cast, meeting, record, cases, told, role === 'bezig' ? plan.lateItem : null);
    const items = agendaItemsOf(db, meeting.id);
    const numbers = itemNumbers(items);
    const numberOf = (itemId: string) => numbers[items.findIndex((item) => item.id === itemId)]!;
    recordPresence(cast, meeting, record, cases, told, slot);
    noteStandardItems(cast, meeting, items, role === 'bezig', plan, slot, secretary);

    told.forEach(({ depth, story }, i) => {
      const itemId = caseItemIds[i]!;
      if (depth === 'none' || !story) return;
      const discussion = { meeting, role, nextSlot, secretary, agendaCase: cases[i]!, itemId, itemNumber: numberOf(itemId), story, depth };
      const addendum = writeCaseMinutes(cast, discussion);
      if (addendum !== null) addenda.push({ meetingId: meeting.id, itemId, text: addendum });
    });
  });

  // Progress and fixing last, as the team does: each meeting's minutes are fixed at the next.
  slots.forEach(({ meeting, role }, index) => {
    setMeetingProgress(db, meeting.id, role === 'bezig' ? 'bezig' : 'afgelopen', sentAt(meeting.date));
    if (role === 'vastgesteld') fixMinutes(db, meeting.id, awo.id, slots[index + 1]?.meeting.id ?? null, []);
  });
  for (const a of addenda) insertAddendum(db, { ...a, audience: 'ouders', authorId: awo.id, authorName: awo.name });
}

/**
 * The story each case gets at this meeting: the student's next one, or a follow-up when their
 * storyline is told. In a running meeting the first case is done, the second under way.
 */
function storiesTold({ storylines, studentRow }: MinutesCast, cases: AgendaCase[], role: Role, memory: SeriesMemory): Told[] {
  const { times, lastDecision } = memory;
  return cases.map((c, i): Told => {
    const depth = role !== 'bezig' || i === 0 ? 'complete' : i === 1 ? 'partial' : 'none';
    if (!c.studentId) return { depth, story: null };
    const nth = times.get(c.studentId) ?? 0;
    times.set(c.studentId, nth + 1);
    const story =
      storylines.get(c.studentId)?.stories[nth] ??
      followUp(studentRow(c.studentId).givenName, lastDecision.get(c.studentId) ?? 'basisondersteuning');
    if (depth === 'complete') lastDecision.set(c.studentId, story.decision);
    return { depth, story };
  });
}

/** Meetings before the three: taken before the school used the app, closed with a note. */
function closeOlderMeetings({ db, awo }: MinutesCast, firstOfThree: Meeting): void {
  const older = db
    .select()
    .from(meetings)
    .where(eq(meetings.seriesId, firstOfThree.seriesId!))
    .orderBy(asc(meetings.date))
    .all()
    .filter((m) => m.date < firstOfThree.date);
  older.forEach((m, i) => {
    insertAgendaItems(db, m.id, meetingRecord(db, m.id).template.map(fromTemplate));
    const opening = agendaItemsOf(db, m.id).find((item) => item.kind === 'opening');
    if (opening)
      note(
        db,
        opening.id,
        'Dit overleg is genotuleerd vóór de overstap naar Zorgoverleg; de notulen staan in het archief van het zorgteam.',
        awo.id,
      );
    setMeetingProgress(db, m.id, 'afgelopen', sentAt(m.date));
    fixMinutes(db, m.id, awo.id, (older[i + 1] ?? firstOfThree).id, []);
  });
}

/** The cases in the order agenda.create offers them, then those added by hand. */
function agendaCases(cast: MinutesCast, meeting: Meeting, previous: Meeting | null, byHand: string[]): AgendaCase[] {
  const { db, storylines, staffId } = cast;
  const cases: AgendaCase[] = [];
  const add = (c: AgendaCase) => {
    if (c.studentId && cases.some((o) => o.studentId === c.studentId)) return;
    cases.push(c);
  };
  const presenterOf = (studentId: string) => {
    const line = storylines.get(studentId);
    return line ? staffId(line.presenter) : null;
  };
  const named = (studentId: string, origin: AgendaCase['origin']): AgendaCase => ({
    studentId,
    caseLabel: null,
    intakeId: null,
    origin,
    presenterId: presenterOf(studentId),
    intake: null,
  });
  // Only intakes demo-intakes.ts marks as discussed: an accepted one dated on a past meeting is
  // its fallback when the year has no next meeting left, not a case of this meeting.
  const discussed = cast.allIntakes.filter((i) => i.meetingId === meeting.id && (i.status === 'besproken' || i.status === 'afgesloten'));
  for (const i of discussed) {
    add({
      studentId: i.studentId,
      caseLabel: i.anonymousLabel,
      intakeId: i.id,
      origin: 'aanmelding',
      presenterId: i.referrerId,
      intake: i,
    });
  }
  if (previous) for (const id of comeBackCases(db, previous.id)) add(named(id, 'terugkomen'));
  for (const id of studentsWithActionsDue(cast, meeting)) add(named(id, 'actie'));
  for (const id of byHand) add(named(id, 'handmatig'));
  return cases;
}

/** Students whose open actions of this series fall due by this meeting: agenda.create offers them. */
function studentsWithActionsDue({ db }: MinutesCast, meeting: Meeting): string[] {
  const carried = carriedActions(db, meeting, []);
  const nextDates = nextSeriesMeetingDates(
    db,
    carried.filter((a) => a.dueNextMeeting).map((a) => ({ seriesId: meeting.seriesId!, after: a.meetingDate })),
  );
  const due = carried.filter((a) => {
    const dueOn = a.dueDate ?? (a.dueNextMeeting ? (nextDates.get(`${meeting.seriesId}|${a.meetingDate}`) ?? null) : null);
    return a.studentId && dueOn !== null && dueOn <= meeting.date;
  });
  return [...new Set(due.map((a) => a.studentId!))];
}

/**
 * The agenda: the template's items around the cases, and in a running meeting an item added late
 * (before the rondvraag). Returns the ids of the case items, in the order of `cases`.
 */
function putOnAgenda(
  { db, studentRow }: MinutesCast,
  meeting: Meeting,
  record: MeetingRecord,
  cases: AgendaCase[],
  told: Told[],
  lateItem: string | null,
): string[] {
  const caseItems: NewAgendaItem[] = cases.map((c, i) => ({
    kind: 'casus',
    title: c.studentId ? fullName(studentRow(c.studentId)) : (c.caseLabel ?? 'Leerling'),
    studentId: c.studentId,
    caseLabel: c.caseLabel,
    intakeId: c.intakeId,
    origin: c.origin,
    presenterId: c.presenterId,
    durationMinutes: record.caseMinutes,
    confidential: told[i]!.story?.confidential ?? false,
  }));
  const agenda = composeAgenda<NewAgendaItem | TemplateItem>(record.template, caseItems).map((item) =>
    'minutes' in item ? fromTemplate(item) : item,
  );
  const caseItemIds = insertAgendaItems(db, meeting.id, agenda).filter((_, i) => agenda[i]!.kind === 'casus');
  if (lateItem !== null) {
    const rondvraag = agendaItemsOf(db, meeting.id).find((item) => item.kind === 'rondvraag');
    insertAgendaItems(db, meeting.id, [{ kind: 'overig', title: lateItem, durationMinutes: 5, change: 'toegevoegd' }], rondvraag?.position);
  }
  return caseItemIds;
}

/** Presence: everyone who spoke was there; one other member sent word they could not come. */
function recordPresence(
  { db, person }: MinutesCast,
  meeting: Meeting,
  record: MeetingRecord,
  cases: AgendaCase[],
  told: Told[],
  slot: number,
): void {
  const speakers = new Set<string>();
  told.forEach(({ depth, story }, i) => {
    if (depth === 'none' || !story) return;
    const presenter = cases[i]!.presenterId;
    if (presenter) speakers.add(`staff:${presenter}`);
    for (const [who] of story.info) speakers.add(`${person(who).kind}:${person(who).id}`);
  });
  const attendees = attendeesOf(db, meeting.id);
  const keepers = new Set([`staff:${record.chairId}`, `staff:${record.secretaryId}`]);
  const members = attendees.filter((a) => !keepers.has(a.person));
  const start = (slot * 3 + 1) % Math.max(members.length, 1);
  const absent = [...members.slice(start), ...members.slice(0, start)].find((a) => !speakers.has(a.person))?.person;
  for (const a of attendees) setPresence(db, meeting.id, a.person, a.person === absent ? 'afwezig-met-bericht' : 'aanwezig');
}

/** The standard items' notes; a running meeting is past its announcements only. */
function noteStandardItems(
  { db }: MinutesCast,
  meeting: Meeting,
  items: ReturnType<typeof agendaItemsOf>,
  running: boolean,
  plan: SeriesPlan,
  slot: number,
  secretary: string,
): void {
  const previous = seriesNeighbour(db, meeting, 'previous');
  const next = seriesNeighbour(db, meeting, 'next');
  for (const item of items) {
    const text =
      item.kind === 'mededelingen'
        ? plan.announcements[slot]
        : running
          ? undefined
          : item.kind === 'notulen' && previous
            ? `De notulen van ${previous.title} ${dutch(previous.date)} zijn vastgesteld.`
            : item.kind === 'actiepunten'
              ? carriedActions(db, meeting, []).length > 0
                ? 'De open acties zijn doorgelopen; de stand staat bij elke actie.'
                : 'Geen open acties.'
              : item.kind === 'rondvraag'
                ? plan.rondvraag[slot]
                : item.kind === 'volgende-overleg' && next
                  ? `Volgende ${next.title}: ${dutch(next.date)} om ${next.startTime}.`
                  : undefined;
    if (text) note(db, item.id, text, secretary);
  }
}

function note(db: MinutesCast['db'], itemId: string, text: string, userId: string): void {
  saveMinuteField(db, { itemId, field: 'notities', text, audience: 'intern', baseRevision: 0, userId });
}

const sentAt = (meetingDate: IsoDate) => `${shift(meetingDate, -3)}T15:00:00.000Z`;

function fromTemplate(t: TemplateItem): NewAgendaItem {
  return { kind: t.kind, title: t.title, durationMinutes: t.minutes };
}
