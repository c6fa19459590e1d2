import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { agendaItems, meetings, meetingSeries } from '../../../db/schema';
import { AppError } from '../../api/errors';
import { now } from '../../shared/clock';
import { standardTemplate, type TemplateItem } from './template';
import type { MeetingProgress } from './vocabulary';

/** The agenda domain's rows: a meeting's state and its agenda items; who was there is in store-presence.ts. */

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
        cases: sql<number>`sum(case when ${agendaItems.kind} = 'casus'
          and coalesce(${agendaItems.change}, '') <> 'vervallen' then 1 else 0 end)`,
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
  const than = sql.raw(direction === 'next' ? '>' : '<');
  const later = sql`(${meetings.date}, ${meetings.startTime}) ${than} (${meeting.date}, ${meeting.startTime})`;
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
