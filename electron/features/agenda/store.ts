import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import {
  agendaItems,
  guardians,
  meetingAttendees,
  meetingPresence,
  meetings,
  meetingSeries,
  partners,
  staff,
  students,
} from '../../../db/schema';
import { AppError } from '../../api/errors';
import { now } from '../../shared/clock';
import { standardTemplate, type TemplateItem } from './template';
import type { MeetingProgress, Presence } from './vocabulary';

/** The agenda domain's rows: a meeting's state, who was there, and its agenda items. */

export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type NewAgendaItem = Omit<typeof agendaItems.$inferInsert, 'id' | 'meetingId' | 'position' | 'createdAt' | 'updatedAt'>;

const recordColumns = {
  meeting: meetings,
  seriesName: meetingSeries.name,
  seriesKind: meetingSeries.kind,
  color: meetingSeries.color,
  caseMinutes: meetingSeries.caseMinutes,
  template: meetingSeries.agendaTemplate,
};

type RecordRow = {
  meeting: typeof meetings.$inferSelect;
  seriesName: string | null;
  seriesKind: string | null;
  color: (typeof meetingSeries.$inferSelect)['color'] | null;
  caseMinutes: number | null;
  template: unknown;
};

function toRecord(row: RecordRow) {
  return {
    ...row.meeting,
    seriesName: row.seriesName,
    seriesKind: row.seriesKind,
    color: row.color,
    caseMinutes: row.caseMinutes ?? 10,
    template: (row.template as TemplateItem[] | null) ?? standardTemplate,
  };
}

export function meetingRecord(db: VaultDb, id: string) {
  const row = db
    .select(recordColumns)
    .from(meetings)
    .leftJoin(meetingSeries, eq(meetings.seriesId, meetingSeries.id))
    .where(eq(meetings.id, id))
    .get();
  if (!row) throw new AppError('NOT_FOUND', 'Dit overleg bestaat niet (meer).');
  return toRecord(row);
}

/** Many meetings in few queries (the actions of a list come from hundreds of meetings). */
export function meetingRecords(db: VaultDb, ids: string[]): Map<string, MeetingRecord> {
  const unique = [...new Set(ids)];
  const found = new Map<string, MeetingRecord>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = db
      .select(recordColumns)
      .from(meetings)
      .leftJoin(meetingSeries, eq(meetings.seriesId, meetingSeries.id))
      .where(inArray(meetings.id, unique.slice(i, i + 500)))
      .all();
    for (const row of rows) found.set(row.meeting.id, toRecord(row));
  }
  return found;
}
export type MeetingRecord = ReturnType<typeof meetingRecord>;

/** Meetings dated in [from, to], with their series and how many cases and items they hold. */
export function meetingList(db: VaultDb, from: string, to: string, newestFirst: boolean) {
  const rows = db
    .select({
      id: meetings.id,
      title: meetings.title,
      date: meetings.date,
      startTime: meetings.startTime,
      location: meetings.location,
      seriesId: meetings.seriesId,
      color: meetingSeries.color,
      progress: meetings.progress,
      minutesFixedAt: meetings.minutesFixedAt,
    })
    .from(meetings)
    .leftJoin(meetingSeries, eq(meetings.seriesId, meetingSeries.id))
    .where(and(gte(meetings.date, from), lte(meetings.date, to)))
    .orderBy(newestFirst ? desc(meetings.date) : asc(meetings.date), asc(meetings.startTime))
    .all();
  const ids = rows.map((r) => r.id);
  const counts = new Map<string, { items: number; cases: number }>();
  if (ids.length > 0) {
    const found = db
      .select({
        meetingId: agendaItems.meetingId,
        items: count(),
        cases: sql<number>`sum(case when ${agendaItems.kind} = 'casus' and coalesce(${agendaItems.change}, '') <> 'vervallen' then 1 else 0 end)`,
      })
      .from(agendaItems)
      .where(inArray(agendaItems.meetingId, ids))
      .groupBy(agendaItems.meetingId)
      .all();
    for (const c of found) counts.set(c.meetingId, { items: c.items, cases: Number(c.cases) });
  }
  return rows.map((r) => ({ ...r, items: counts.get(r.id)?.items ?? 0, cases: counts.get(r.id)?.cases ?? 0 }));
}

/** The meeting before or after this one in the same series. */
export function seriesNeighbour(
  db: VaultDb,
  meeting: { id: string; seriesId: string | null; date: string; startTime: string },
  direction: 'previous' | 'next',
) {
  if (!meeting.seriesId) return null;
  const later = sql`(${meetings.date}, ${meetings.startTime}) ${sql.raw(direction === 'next' ? '>' : '<')} (${meeting.date}, ${meeting.startTime})`;
  return (
    db
      .select()
      .from(meetings)
      .where(and(eq(meetings.seriesId, meeting.seriesId), ne(meetings.id, meeting.id), later))
      .orderBy(
        direction === 'next' ? asc(meetings.date) : desc(meetings.date),
        direction === 'next' ? asc(meetings.startTime) : desc(meetings.startTime),
      )
      .limit(1)
      .get() ?? null
  );
}

/**
 * The series' first meeting after each date (an action "tot het volgende overleg" is due then):
 * one query for all the series asked about, then a search per date.
 */
export function nextSeriesMeetingDates(db: VaultDb, pairs: { seriesId: string; after: string }[]): Map<string, string | null> {
  const result = new Map<string, string | null>();
  const seriesIds = [...new Set(pairs.map((p) => p.seriesId))];
  if (seriesIds.length === 0) return result;
  const dates = new Map<string, string[]>();
  for (const row of db
    .select({ seriesId: meetings.seriesId, date: meetings.date })
    .from(meetings)
    .where(inArray(meetings.seriesId, seriesIds))
    .orderBy(asc(meetings.date))
    .all()) {
    if (!row.seriesId) continue;
    const list = dates.get(row.seriesId) ?? [];
    list.push(row.date);
    dates.set(row.seriesId, list);
  }
  for (const { seriesId, after } of pairs) {
    const list = dates.get(seriesId) ?? [];
    // The first date greater than `after` (binary search: the list is sorted).
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid]! > after) high = mid;
      else low = mid + 1;
    }
    result.set(`${seriesId}|${after}`, list[low] ?? null);
  }
  return result;
}

export function agendaItemsOf(db: VaultDb, meetingId: string): AgendaItemRow[] {
  return db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position)).all();
}

export function getAgendaItem(db: VaultDb, id: string): AgendaItemRow {
  const row = db.select().from(agendaItems).where(eq(agendaItems.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Dit agendapunt bestaat niet (meer).');
  return row;
}

export function agendaItemsById(db: VaultDb, ids: string[]): Map<string, AgendaItemRow> {
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select()
      .from(agendaItems)
      .where(inArray(agendaItems.id, [...new Set(ids)]))
      .all()
      .map((r) => [r.id, r]),
  );
}

export function hasAgenda(db: VaultDb, meetingId: string): boolean {
  return db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).limit(1).get() !== undefined;
}

/** Adds items at the end (or before `beforePosition`, shifting the rest down). */
export function insertAgendaItems(db: VaultDb, meetingId: string, items: NewAgendaItem[], beforePosition?: number): string[] {
  const at = now();
  const ids = items.map(() => randomUUID());
  db.transaction((tx) => {
    let position: number;
    if (beforePosition === undefined) {
      const last = tx
        .select({ max: sql<number | null>`max(${agendaItems.position})` })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meetingId))
        .get();
      position = (last?.max ?? -1) + 1;
    } else {
      tx.update(agendaItems)
        .set({ position: sql`${agendaItems.position} + ${items.length}` })
        .where(and(eq(agendaItems.meetingId, meetingId), gte(agendaItems.position, beforePosition)))
        .run();
      position = beforePosition;
    }
    items.forEach((item, i) => {
      tx.insert(agendaItems)
        .values({ ...item, id: ids[i]!, meetingId, position: position + i, createdAt: at, updatedAt: at })
        .run();
    });
  });
  return ids;
}

export function updateAgendaItem(db: VaultDb, id: string, values: Partial<NewAgendaItem>): void {
  db.update(agendaItems)
    .set({ ...values, updatedAt: now() })
    .where(eq(agendaItems.id, id))
    .run();
}

/** Rewrites the positions in the given order (every item of the meeting, once). */
export function reorderAgenda(db: VaultDb, orderedIds: string[]): void {
  db.transaction((tx) => {
    orderedIds.forEach((id, position) => tx.update(agendaItems).set({ position }).where(eq(agendaItems.id, id)).run());
  });
}

export function deleteAgendaItem(db: VaultDb, id: string): void {
  db.delete(agendaItems).where(eq(agendaItems.id, id)).run();
}

export function setMeetingProgress(db: VaultDb, id: string, progress: MeetingProgress, agendaSentAt?: string): void {
  db.update(meetings)
    .set({ progress, ...(agendaSentAt ? { agendaSentAt } : {}), updatedAt: now() })
    .where(eq(meetings.id, id))
    .run();
}

/** The invited staff and partners with their presence ("staff:<id>" / "partner:<id>"). */
export function attendeesOf(db: VaultDb, meetingId: string) {
  const invited = db
    .select({
      staffId: meetingAttendees.staffId,
      partnerId: meetingAttendees.partnerId,
      staffName: staff.name,
      code: staff.code,
      organisation: partners.organisation,
      contactName: partners.contactName,
    })
    .from(meetingAttendees)
    .leftJoin(staff, eq(meetingAttendees.staffId, staff.id))
    .leftJoin(partners, eq(meetingAttendees.partnerId, partners.id))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .all();
  const presence = new Map(
    db
      .select()
      .from(meetingPresence)
      .where(eq(meetingPresence.meetingId, meetingId))
      .all()
      .map((p) => [p.person, p.presence] as const),
  );
  return invited.map((a) => {
    const person = a.staffId ? `staff:${a.staffId}` : `partner:${a.partnerId}`;
    return {
      person,
      kind: a.staffId ? ('staff' as const) : ('partner' as const),
      name: a.staffId ? (a.staffName ?? '') : a.contactName ? `${a.contactName} (${a.organisation})` : (a.organisation ?? ''),
      code: a.code ?? null,
      presence: presence.get(person) ?? null,
    };
  });
}

/** The invited and their e-mail address ('' when none is known): whom the agenda is mailed to. */
export function attendeeAddresses(db: VaultDb, meetingId: string) {
  return db
    .select({
      staffId: meetingAttendees.staffId,
      staffName: staff.name,
      staffEmail: staff.email,
      organisation: partners.organisation,
      contactName: partners.contactName,
      partnerEmail: partners.email,
    })
    .from(meetingAttendees)
    .leftJoin(staff, eq(meetingAttendees.staffId, staff.id))
    .leftJoin(partners, eq(meetingAttendees.partnerId, partners.id))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .all()
    .map((a) =>
      a.staffId
        ? { kind: 'staff' as const, name: a.staffName ?? '', organisation: null, email: (a.staffEmail ?? '').trim() }
        : {
            kind: 'partner' as const,
            name: a.contactName || (a.organisation ?? ''),
            organisation: a.organisation ?? '',
            email: (a.partnerEmail ?? '').trim(),
          },
    );
}

/** A family member at their child's item: "guardian:<id>" or "student:<id>" in the presence list. */
export interface FamilyMember {
  person: string;
  kind: 'guardian' | 'student';
  studentId: string;
  name: string;
  /** "moeder", "vader", "voogd"; "leerling" for the student. */
  relation: string;
  presence: Presence | null;
}

const fullName = (p: { givenName: string; infix: string; familyName: string }) =>
  [p.givenName, p.infix, p.familyName].filter(Boolean).join(' ');

/**
 * The parents (guardians) and the student of each case, with their presence: parents come for
 * their own child's item only, so they are listed per student, not among the meeting's attendees.
 */
export function familiesOf(db: VaultDb, meetingId: string, studentIds: string[]): Map<string, FamilyMember[]> {
  const result = new Map<string, FamilyMember[]>();
  if (studentIds.length === 0) return result;
  const unique = [...new Set(studentIds)];
  const presence = new Map(
    db
      .select()
      .from(meetingPresence)
      .where(eq(meetingPresence.meetingId, meetingId))
      .all()
      .map((p) => [p.person, p.presence] as const),
  );
  for (const s of db.select().from(students).where(inArray(students.id, unique)).all()) {
    const person = `student:${s.id}`;
    result.set(s.id, [
      {
        person,
        kind: 'student',
        studentId: s.id,
        name: fullName(s),
        relation: 'leerling',
        presence: presence.get(person) ?? null,
      },
    ]);
  }
  const parents = db
    .select()
    .from(guardians)
    .where(inArray(guardians.studentId, unique))
    .orderBy(asc(guardians.familyName), asc(guardians.givenName))
    .all();
  for (const g of parents) {
    const person = `guardian:${g.id}`;
    const list = result.get(g.studentId);
    if (list)
      list.splice(list.length - 1, 0, {
        person,
        kind: 'guardian',
        studentId: g.studentId,
        name: fullName(g),
        relation: g.relation,
        presence: presence.get(person) ?? null,
      });
  }
  return result;
}

export function setPresence(db: VaultDb, meetingId: string, person: string, presence: Presence | null): void {
  if (presence === null) {
    db.delete(meetingPresence)
      .where(and(eq(meetingPresence.meetingId, meetingId), eq(meetingPresence.person, person)))
      .run();
    return;
  }
  db.insert(meetingPresence)
    .values({ meetingId, person, presence })
    .onConflictDoUpdate({ target: [meetingPresence.meetingId, meetingPresence.person], set: { presence } })
    .run();
}

/** A series' own agenda template and case slot (null template: the product's standard one). */
export function seriesTemplate(db: VaultDb, seriesId: string) {
  const row = db
    .select({
      id: meetingSeries.id,
      name: meetingSeries.name,
      caseMinutes: meetingSeries.caseMinutes,
      template: meetingSeries.agendaTemplate,
    })
    .from(meetingSeries)
    .where(eq(meetingSeries.id, seriesId))
    .get();
  if (!row) throw new AppError('NOT_FOUND', 'Deze overlegvorm bestaat niet (meer).');
  return { ...row, template: row.template as TemplateItem[] | null };
}

export function saveSeriesTemplate(db: VaultDb, seriesId: string, caseMinutes: number, template: TemplateItem[] | null): void {
  db.update(meetingSeries).set({ caseMinutes, agendaTemplate: template, updatedAt: now() }).where(eq(meetingSeries.id, seriesId)).run();
}

/**
 * An anonymous case linked to its student: every agenda item of the intake names the student from
 * now on (a title that was the anonymous label becomes the name, as a named case's title is).
 * Returns how many items moved.
 */
export function linkIntakeItems(db: VaultDb, intakeId: string, studentId: string, studentName: string): number {
  const items = db
    .select({ id: agendaItems.id, title: agendaItems.title, caseLabel: agendaItems.caseLabel })
    .from(agendaItems)
    .where(eq(agendaItems.intakeId, intakeId))
    .all();
  for (const item of items) {
    const title = item.caseLabel !== null && item.title === item.caseLabel ? studentName : item.title;
    db.update(agendaItems).set({ studentId, caseLabel: null, title, updatedAt: now() }).where(eq(agendaItems.id, item.id)).run();
  }
  return items.length;
}

/** The cases referrals came from, with the meeting each was decided in (the history a referred case links to). */
export function referringCases(
  db: VaultDb,
  itemIds: string[],
): Map<string, { itemId: string; meetingId: string; meetingTitle: string; meetingDate: string }> {
  if (itemIds.length === 0) return new Map();
  const rows = db
    .select({
      itemId: agendaItems.id,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingDate: meetings.date,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(agendaItems.meetingId, meetings.id))
    .where(inArray(agendaItems.id, [...new Set(itemIds)]))
    .all();
  return new Map(rows.map((r) => [r.itemId, r]));
}
