import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { actions, agendaItems, meetings, minuteFields, minutesAddenda } from '../../../db/schema';
import { AppError } from '../../api/errors';
import { now } from '../../shared/clock';
import type { ActionStatus, Audience } from './vocabulary';

/** The minutes domain's rows: paragraphs per agenda item, addenda, the fixing of minutes, and actions. */

export type MinuteFieldRow = typeof minuteFields.$inferSelect;
export type ActionRow = typeof actions.$inferSelect;

export function fieldsOfItems(db: VaultDb, itemIds: string[]): MinuteFieldRow[] {
  if (itemIds.length === 0) return [];
  return db.select().from(minuteFields).where(inArray(minuteFields.itemId, itemIds)).all();
}

export function fieldOf(db: VaultDb, itemId: string, field: string): MinuteFieldRow | null {
  return (
    db
      .select()
      .from(minuteFields)
      .where(and(eq(minuteFields.itemId, itemId), eq(minuteFields.field, field)))
      .get() ?? null
  );
}

/**
 * Stores a paragraph when nobody saved it since `baseRevision` (0: it did not exist), in one
 * statement. Returns the new revision, or null when someone else was first: the caller shows both.
 */
export function saveMinuteField(
  db: VaultDb,
  v: { itemId: string; field: string; text: string; audience: Audience; baseRevision: number; userId: string },
): number | null {
  const at = now();
  if (v.baseRevision === 0) {
    const inserted = db
      .insert(minuteFields)
      .values({
        itemId: v.itemId,
        field: v.field,
        text: v.text,
        audience: v.audience,
        revision: 1,
        updatedBy: v.userId,
        updatedAt: at,
      })
      .onConflictDoNothing()
      .returning({ revision: minuteFields.revision })
      .get();
    return inserted?.revision ?? null;
  }
  const updated = db
    .update(minuteFields)
    .set({
      text: v.text,
      audience: v.audience,
      revision: sql`${minuteFields.revision} + 1`,
      updatedBy: v.userId,
      updatedAt: at,
    })
    .where(and(eq(minuteFields.itemId, v.itemId), eq(minuteFields.field, v.field), eq(minuteFields.revision, v.baseRevision)))
    .returning({ revision: minuteFields.revision })
    .get();
  return updated?.revision ?? null;
}

/** Any words typed for this item (paragraphs or actions): then it is not simply removed. */
export function itemHasMinutes(db: VaultDb, itemId: string): boolean {
  const field = db
    .select({ f: minuteFields.field })
    .from(minuteFields)
    .where(and(eq(minuteFields.itemId, itemId), sql`length(trim(${minuteFields.text})) > 0`))
    .limit(1)
    .get();
  const action = db.select({ id: actions.id }).from(actions).where(eq(actions.itemId, itemId)).limit(1).get();
  return field !== undefined || action !== undefined;
}

export function meetingHasMinutes(db: VaultDb, meetingId: string): boolean {
  const field = db
    .select({ f: minuteFields.field })
    .from(minuteFields)
    .innerJoin(agendaItems, eq(minuteFields.itemId, agendaItems.id))
    .where(eq(agendaItems.meetingId, meetingId))
    .limit(1)
    .get();
  return field !== undefined;
}

/**
 * Fixes the minutes, storing with them the paragraphs that were only shown (a question prefilled
 * from the intake), so fixed minutes never change when an intake does.
 */
export function fixMinutes(
  db: VaultDb,
  meetingId: string,
  userId: string,
  inMeetingId: string | null,
  shownOnly: { itemId: string; field: string; text: string; audience: Audience }[],
): void {
  db.transaction((tx) => {
    for (const f of shownOnly) {
      tx.insert(minuteFields)
        .values({ ...f, revision: 1, updatedBy: userId, updatedAt: now() })
        .onConflictDoNothing()
        .run();
    }
    tx.update(meetings)
      .set({ minutesFixedAt: now(), minutesFixedBy: userId, minutesFixedIn: inMeetingId, updatedAt: now() })
      .where(eq(meetings.id, meetingId))
      .run();
  });
}

export function addendaOf(db: VaultDb, meetingId: string) {
  return db.select().from(minutesAddenda).where(eq(minutesAddenda.meetingId, meetingId)).orderBy(asc(minutesAddenda.createdAt)).all();
}

export function insertAddendum(db: VaultDb, v: Omit<typeof minutesAddenda.$inferInsert, 'id' | 'createdAt'>): string {
  const id = randomUUID();
  db.insert(minutesAddenda)
    .values({ ...v, id, createdAt: now() })
    .run();
  return id;
}

export function getAction(db: VaultDb, id: string): ActionRow {
  const row = db.select().from(actions).where(eq(actions.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Deze actie bestaat niet (meer).');
  return row;
}

export function actionNumbersOfMeeting(db: VaultDb, meetingId: string): string[] {
  return db
    .select({ number: actions.number })
    .from(actions)
    .where(eq(actions.meetingId, meetingId))
    .all()
    .map((a) => a.number);
}

export function insertAction(db: VaultDb, v: Omit<typeof actions.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>): string {
  const id = randomUUID();
  db.insert(actions)
    .values({ ...v, id, createdAt: now(), updatedAt: now() })
    .run();
  return id;
}

/** Status changes (closing, reopening) touch nothing anyone types: they leave the revision alone. */
export function updateAction(db: VaultDb, id: string, values: Partial<typeof actions.$inferInsert>): void {
  db.update(actions)
    .set({ ...values, updatedAt: now() })
    .where(eq(actions.id, id))
    .run();
}

/** Saves what was typed when nobody saved the action since `baseRevision`; false when someone else was first. */
export function saveActionText(db: VaultDb, id: string, baseRevision: number, values: Partial<typeof actions.$inferInsert>): boolean {
  const saved = db
    .update(actions)
    .set({ ...values, revision: sql`${actions.revision} + 1`, updatedAt: now() })
    .where(and(eq(actions.id, id), eq(actions.revision, baseRevision)))
    .returning({ id: actions.id })
    .get();
  return saved !== undefined;
}

export function deleteAction(db: VaultDb, id: string): void {
  db.delete(actions).where(eq(actions.id, id)).run();
}

export function actionsOfMeeting(db: VaultDb, meetingId: string): ActionRow[] {
  return db.select().from(actions).where(eq(actions.meetingId, meetingId)).orderBy(asc(actions.createdAt)).all();
}

/**
 * Actions agreed before this meeting that are not closed yet: those of the series agreed since
 * `seriesSince` (they return on its agenda) and those of the given students, however old (they
 * return on the student's next case).
 */
export function carriedActions(
  db: VaultDb,
  meeting: { id: string; seriesId: string | null; date: string },
  studentIds: string[],
  seriesSince = '0000-01-01',
): (ActionRow & { meetingTitle: string; meetingDate: string; meetingSeriesId: string | null })[] {
  const who: SQL[] = [];
  if (meeting.seriesId) who.push(and(eq(meetings.seriesId, meeting.seriesId), gte(meetings.date, seriesSince))!);
  if (studentIds.length > 0) who.push(inArray(actions.studentId, studentIds));
  if (who.length === 0) return [];
  return (
    db
      .select({
        action: actions,
        meetingTitle: meetings.title,
        meetingDate: meetings.date,
        meetingSeriesId: meetings.seriesId,
      })
      .from(actions)
      .innerJoin(meetings, eq(actions.meetingId, meetings.id))
      .where(and(eq(actions.status, 'open'), lt(meetings.date, meeting.date), or(...who)))
      // Numbers order as numbers ("5.1" before "10.1"): by item, then by action within it.
      .orderBy(
        asc(meetings.date),
        sql`cast(${actions.number} as integer)`,
        sql`cast(substr(${actions.number}, instr(${actions.number}, '.') + 1) as integer)`,
      )
      .all()
      .map((r) => ({
        ...r.action,
        meetingTitle: r.meetingTitle,
        meetingDate: r.meetingDate,
        meetingSeriesId: r.meetingSeriesId,
      }))
  );
}

/** Open actions of a series agreed before a date: counted, for "n oudere open acties". */
export function openSeriesActionsBefore(db: VaultDb, seriesId: string, before: string): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(actions)
    .innerJoin(meetings, eq(actions.meetingId, meetings.id))
    .where(and(eq(actions.status, 'open'), eq(meetings.seriesId, seriesId), lt(meetings.date, before)))
    .get();
  return Number(row?.n ?? 0);
}

export interface ActionFilter {
  statuses: ActionStatus[];
  holderStaffId: string | null;
  seriesId: string | null;
  studentId: string | null;
}

/** Actions with the meeting they come from, oldest deadline first. */
export function actionList(db: VaultDb, filter: ActionFilter) {
  const conditions: SQL[] = [inArray(actions.status, filter.statuses)];
  if (filter.holderStaffId) conditions.push(eq(actions.holderStaffId, filter.holderStaffId));
  if (filter.seriesId) conditions.push(eq(meetings.seriesId, filter.seriesId));
  if (filter.studentId) conditions.push(eq(actions.studentId, filter.studentId));
  return db
    .select({ action: actions, meetingTitle: meetings.title, meetingDate: meetings.date, seriesId: meetings.seriesId })
    .from(actions)
    .innerJoin(meetings, eq(actions.meetingId, meetings.id))
    .where(and(...conditions))
    .orderBy(asc(sql`coalesce(${actions.dueDate}, ${meetings.date})`), desc(meetings.date))
    .all();
}

/** Students whose case was to come back: the decision "terugkomen" at the series' meeting before. */
export function comeBackCases(db: VaultDb, previousMeetingId: string) {
  return db
    .select({ studentId: agendaItems.studentId })
    .from(agendaItems)
    .where(
      and(eq(agendaItems.meetingId, previousMeetingId), eq(agendaItems.decision, 'terugkomen'), sql`${agendaItems.studentId} is not null`),
    )
    .all()
    .flatMap((r) => (r.studentId ? [r.studentId] : []));
}

/** A student's cases in meetings, with their decision: the timeline's meeting entries. */
export function casesOfStudent(db: VaultDb, studentId: string) {
  return db
    .select({
      itemId: agendaItems.id,
      decision: agendaItems.decision,
      change: agendaItems.change,
      meetingId: meetings.id,
      title: meetings.title,
      date: meetings.date,
      progress: meetings.progress,
      minutesFixedAt: meetings.minutesFixedAt,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(agendaItems.meetingId, meetings.id))
    .where(eq(agendaItems.studentId, studentId))
    .orderBy(desc(meetings.date))
    .all();
}

/**
 * The actions agreed on the items of a linked case follow it to the student (the agenda moved the
 * items first). Returns how many actions moved.
 */
export function linkIntakeActions(db: VaultDb, intakeId: string, studentId: string): number {
  const itemIds = db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(eq(agendaItems.intakeId, intakeId))
    .all()
    .map((i) => i.id);
  if (itemIds.length === 0) return 0;
  return db
    .update(actions)
    .set({ studentId, updatedAt: now() })
    .where(and(inArray(actions.itemId, itemIds), isNull(actions.studentId)))
    .returning({ id: actions.id })
    .all().length;
}

/** The series a student's cases were referred to ("Doorverwijzen naar …"), newest referral first. */
export function referralSeriesOfStudent(db: VaultDb, studentId: string): string[] {
  return db
    .select({ seriesId: agendaItems.referralSeriesId })
    .from(agendaItems)
    .innerJoin(meetings, eq(agendaItems.meetingId, meetings.id))
    .where(
      and(
        eq(agendaItems.studentId, studentId),
        eq(agendaItems.decision, 'doorverwijzen-overleg'),
        sql`${agendaItems.referralSeriesId} is not null`,
        sql`coalesce(${agendaItems.change}, '') <> 'vervallen'`,
      ),
    )
    .orderBy(desc(meetings.date))
    .all()
    .flatMap((r) => (r.seriesId ? [r.seriesId] : []));
}

/**
 * Referrals to a series not arrived yet: cases decided "doorverwijzen" to `seriesId` in a meeting
 * dated from `since` up to `until` (not `meetingId` itself), whose student has no case at a meeting
 * of that series since the referral (other than `meetingId`). Newest referral first.
 */
export function openReferrals(db: VaultDb, meeting: { id: string; seriesId: string; date: string }, since: string) {
  const referred = db
    .select({
      itemId: agendaItems.id,
      studentId: agendaItems.studentId,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingDate: meetings.date,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(agendaItems.meetingId, meetings.id))
    .where(
      and(
        eq(agendaItems.decision, 'doorverwijzen-overleg'),
        eq(agendaItems.referralSeriesId, meeting.seriesId),
        sql`${agendaItems.studentId} is not null`,
        sql`coalesce(${agendaItems.change}, '') <> 'vervallen'`,
        ne(meetings.id, meeting.id),
        gte(meetings.date, since),
        lte(meetings.date, meeting.date),
      ),
    )
    .orderBy(desc(meetings.date))
    .all();
  return referred.flatMap((r) => {
    const arrived = db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .innerJoin(meetings, eq(agendaItems.meetingId, meetings.id))
      .where(
        and(
          eq(agendaItems.studentId, r.studentId!),
          eq(agendaItems.kind, 'casus'),
          sql`coalesce(${agendaItems.change}, '') <> 'vervallen'`,
          eq(meetings.seriesId, meeting.seriesId),
          gte(meetings.date, r.meetingDate),
          ne(meetings.id, meeting.id),
          ne(meetings.id, r.meetingId),
        ),
      )
      .limit(1)
      .get();
    return arrived ? [] : [{ ...r, studentId: r.studentId! }];
  });
}

/** Agenda items by id, with their stored paragraphs: the cases referrals come from. */
export function itemsWithFields(db: VaultDb, itemIds: string[]) {
  if (itemIds.length === 0) return { items: [], fields: [] };
  const items = db
    .select()
    .from(agendaItems)
    .where(inArray(agendaItems.id, [...new Set(itemIds)]))
    .all();
  return {
    items,
    fields: fieldsOfItems(
      db,
      items.map((i) => i.id),
    ),
  };
}
