import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { cancelledMeetings, meetingAttendees, meetings, meetingSeries, partners, seriesAttendees } from '../../../db/schema';
import { AppError } from '../../api/errors';
import { now } from '../../shared/clock';
import { mayName, rewrite, type StudentEraser } from '../people/erasure';
import type { PartnerKind } from '../people/vocabulary';
import { intakeDeadline } from '../schedule/intake-deadline';
import { meetingKeepReason } from '../schedule/keep-reasons';
import type { MeetingWriter } from '../schedule/meeting-writer';
import { calendarFor, getSeries, seriesAttendeeIds, type People } from '../schedule/store';
import type { IsoDate } from '../schedule/types';

/**
 * The meetings domain's rows: a meeting and its attendees, read as the domains built on it see
 * them and written by hand (meetings.save) or by the schedule's year plan through the writer this
 * domain registers with it (meeting-writer.ts).
 */

/**
 * A meeting as the domains built on it see it (intakes, consent, later agenda and minutes): when,
 * which series, the intake deadline, and the external partners at the table.
 */
export interface MeetingForCases {
  id: string;
  title: string;
  date: IsoDate;
  startTime: string;
  seriesId: string | null;
  seriesKind: string | null;
  intakeDeadline: IsoDate | null;
  intakeDeadlineNote: string | null;
  /** The series says external partners take part (even before anyone chose which). */
  withExternalPartners: boolean;
  /** External partners expected at the meeting: the consent gate checks each of them. */
  partners: { id: string; name: string; kind: PartnerKind }[];
}

type MeetingRow = {
  id: string;
  title: string;
  date: string;
  startTime: string;
  seriesId: string | null;
  kind: string | null;
  intakeDays: number | null;
  withPartners: boolean | null;
};

function withDetails(db: VaultDb, rows: MeetingRow[]): MeetingForCases[] {
  if (rows.length === 0) return [];
  const calendar = calendarFor(db);
  const partnerRows = db
    .select({
      meetingId: meetingAttendees.meetingId,
      id: partners.id,
      name: partners.organisation,
      kind: partners.kind,
    })
    .from(meetingAttendees)
    .innerJoin(partners, eq(meetingAttendees.partnerId, partners.id))
    .where(
      inArray(
        meetingAttendees.meetingId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(partners.organisation))
    .all();
  return rows.map((m) => {
    const deadline = m.intakeDays === null ? null : intakeDeadline(m.date, m.intakeDays, calendar);
    return {
      id: m.id,
      title: m.title,
      date: m.date,
      startTime: m.startTime,
      seriesId: m.seriesId,
      seriesKind: m.kind,
      intakeDeadline: deadline?.date ?? null,
      intakeDeadlineNote: deadline?.note ?? null,
      withExternalPartners: m.withPartners === true,
      partners: partnerRows.filter((p) => p.meetingId === m.id).map(({ id, name, kind }) => ({ id, name, kind })),
    };
  });
}

const meetingColumns = {
  id: meetings.id,
  title: meetings.title,
  date: meetings.date,
  startTime: meetings.startTime,
  seriesId: meetings.seriesId,
  kind: meetingSeries.kind,
  intakeDays: meetingSeries.intakeDeadlineSchoolDays,
  withPartners: meetingSeries.withExternalPartners,
};

export function meetingsForCases(db: VaultDb, ids: string[]): Map<string, MeetingForCases> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select(meetingColumns)
    .from(meetings)
    .leftJoin(meetingSeries, eq(meetings.seriesId, meetingSeries.id))
    .where(inArray(meetings.id, ids))
    .all();
  return new Map(withDetails(db, rows).map((m) => [m.id, m]));
}

export function meetingForCases(db: VaultDb, id: string): MeetingForCases {
  const meeting = meetingsForCases(db, [id]).get(id);
  if (!meeting) throw new AppError('NOT_FOUND', 'Dit overleg bestaat niet (meer).');
  return meeting;
}

/** NOT_FOUND unless the meeting exists (a chosen meeting, a filter), without reading its details. */
export function requireMeeting(db: VaultDb, id: string, field?: string): void {
  if (db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, id)).get()) return;
  const message = 'Dit overleg bestaat niet (meer).';
  throw new AppError('NOT_FOUND', message, field ? { [field]: message } : undefined);
}

/** Erasure (agenda/store-erasure.ts): the titles of these meetings, or of those naming one of the terms, rewritten. */
export function rewriteMeetingTitles(db: VaultDb, which: { ids: string[] } | { naming: string[] }, replace: (t: string) => string): void {
  const where = 'ids' in which ? inArray(meetings.id, which.ids) : mayName(meetings.title, which.naming);
  const titles = db.select({ id: meetings.id, text: meetings.title }).from(meetings).where(where).all();
  rewrite(titles, replace, (m, title) => db.update(meetings).set({ title }).where(eq(meetings.id, m.id)).run());
}

/** Erasure (people/erasure.ts): a meeting's title naming an erased student loses their full names. */
export const meetingsEraser: StudentEraser = {
  elsewhere: (db, { terms, elsewhere }) => rewriteMeetingTitles(db, { naming: terms }, elsewhere),
};

/** Meetings dated in [from, to] (of one series when given), in date order. */
export function meetingsBetweenForCases(db: VaultDb, from: IsoDate, to: IsoDate, seriesId?: string | null): MeetingForCases[] {
  const conditions = [gte(meetings.date, from), lte(meetings.date, to)];
  if (seriesId) conditions.push(eq(meetings.seriesId, seriesId));
  const rows = db
    .select(meetingColumns)
    .from(meetings)
    .leftJoin(meetingSeries, eq(meetings.seriesId, meetingSeries.id))
    .where(and(...conditions))
    .orderBy(asc(meetings.date), asc(meetings.startTime))
    .all();
  return withDetails(db, rows);
}

/** The series a case can be handed in for, with a rhythm or by appointment. */
export function seriesForCases(db: VaultDb) {
  return db
    .select({
      id: meetingSeries.id,
      name: meetingSeries.name,
      kind: meetingSeries.kind,
      withExternalPartners: meetingSeries.withExternalPartners,
    })
    .from(meetingSeries)
    .where(eq(meetingSeries.active, true))
    .orderBy(asc(meetingSeries.name))
    .all();
}

/** Per series: its name and the active external partners it invites by default (the consent form offers them). */
export function seriesPartnersForCases(
  db: VaultDb,
  seriesIds: string[],
): Map<string, { name: string; partners: MeetingForCases['partners'] }> {
  if (seriesIds.length === 0) return new Map();
  const names = db
    .select({ id: meetingSeries.id, name: meetingSeries.name })
    .from(meetingSeries)
    .where(inArray(meetingSeries.id, seriesIds))
    .all();
  const rows = db
    .select({ seriesId: seriesAttendees.seriesId, id: partners.id, name: partners.organisation, kind: partners.kind })
    .from(seriesAttendees)
    .innerJoin(partners, eq(seriesAttendees.partnerId, partners.id))
    .where(and(inArray(seriesAttendees.seriesId, seriesIds), eq(partners.active, true)))
    .orderBy(asc(partners.organisation))
    .all();
  return new Map(
    names.map((n) => [
      n.id,
      {
        name: n.name,
        partners: rows.filter((r) => r.seriesId === n.id).map(({ id, name, kind }) => ({ id, name, kind })),
      },
    ]),
  );
}

/** The active series that invite external partners (a FlexZAT, a ZAT), by id. */
export function seriesWithPartners(db: VaultDb): string[] {
  const rows = db
    .select({ id: seriesAttendees.seriesId })
    .from(seriesAttendees)
    .innerJoin(meetingSeries, eq(seriesAttendees.seriesId, meetingSeries.id))
    .innerJoin(partners, eq(seriesAttendees.partnerId, partners.id))
    .where(and(eq(meetingSeries.active, true), eq(partners.active, true)))
    .all();
  return [...new Set(rows.map((r) => r.id))];
}

/** A meeting's own row, or NOT_FOUND. */
export function meetingRow(db: VaultDb, id: string) {
  const row = db.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Dit overleg bestaat niet (meer).');
  return row;
}

export function copyAttendees(db: VaultDb, meetingId: string, people: People) {
  for (const staffId of people.staffIds) db.insert(meetingAttendees).values({ meetingId, staffId }).run();
  for (const partnerId of people.partnerIds) db.insert(meetingAttendees).values({ meetingId, partnerId }).run();
}

export function setMeetingAttendees(db: VaultDb, meetingId: string, people: People) {
  db.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId)).run();
  copyAttendees(db, meetingId, {
    staffIds: [...new Set(people.staffIds)],
    partnerIds: [...new Set(people.partnerIds)],
  });
}

type MeetingFields = Pick<
  typeof meetings.$inferInsert,
  'title' | 'date' | 'startTime' | 'durationMinutes' | 'location' | 'note' | 'chairId' | 'secretaryId'
>;

/** A meeting planned by hand (no grid date: re-planning the year never touches it), with its attendees. */
export function insertMeeting(db: VaultDb, seriesId: string | null, fields: MeetingFields, people: People): string {
  const id = randomUUID();
  db.transaction((tx) => {
    tx.insert(meetings)
      .values({ id, seriesId, ...fields, plannedDate: null, createdAt: now(), updatedAt: now() })
      .run();
    setMeetingAttendees(tx, id, people);
  });
  return id;
}

/** Edited by hand: regenerating the year and changes to the series leave it alone from now on. */
export function updateMeetingByHand(db: VaultDb, id: string, fields: MeetingFields, people: People): void {
  db.transaction((tx) => {
    tx.update(meetings)
      .set({ ...fields, movedByHand: true, sequence: sql`${meetings.sequence} + 1`, updatedAt: now() })
      .where(eq(meetings.id, id))
      .run();
    setMeetingAttendees(tx, id, people);
  });
}

/** Removes a meeting, remembering it so calendar exports can cancel the event people imported. */
export function cancelMeeting(db: VaultDb, meetingId: string): void {
  const m = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!m) return;
  db.insert(cancelledMeetings)
    .values({
      id: m.id,
      seriesId: m.seriesId,
      title: m.title,
      date: m.date,
      startTime: m.startTime,
      durationMinutes: m.durationMinutes,
      sequence: m.sequence + 1,
      cancelledAt: now(),
    })
    .onConflictDoNothing()
    .run();
  db.delete(meetings).where(eq(meetings.id, meetingId)).run();
}

/** What the schedule's year plan and series form may change of meetings; registered at start-up. */
export const meetingWriter: MeetingWriter = {
  applyYearChanges(db, series, changes) {
    const people = seriesAttendeeIds(db, series.id);
    for (const c of changes.add) {
      const meetingId = randomUUID();
      db.insert(meetings)
        .values({
          id: meetingId,
          seriesId: series.id,
          title: series.name,
          date: c.to!.date,
          startTime: c.to!.startTime,
          durationMinutes: series.durationMinutes,
          location: series.location,
          chairId: series.chairId,
          secretaryId: series.secretaryId,
          plannedDate: c.plannedDate,
          note: c.note,
          createdAt: now(),
          updatedAt: now(),
        })
        .run();
      copyAttendees(db, meetingId, people);
    }
    for (const c of changes.move) {
      db.update(meetings)
        .set({
          date: c.to!.date,
          startTime: c.to!.startTime,
          plannedDate: c.plannedDate,
          note: c.note,
          sequence: sql`${meetings.sequence} + 1`,
          updatedAt: now(),
        })
        .where(eq(meetings.id, c.meetingId!))
        .run();
    }
    for (const c of changes.refresh) {
      db.update(meetings).set({ plannedDate: c.plannedDate, note: c.note, updatedAt: now() }).where(eq(meetings.id, c.meetingId!)).run();
    }
    for (const c of changes.remove) cancelMeeting(db, c.meetingId!);
  },

  // After a series changes (name, duration, place, chair, secretary, attendees), its meetings
  // follow, except those edited by hand or that already have content.
  followSeries(db, seriesId) {
    const series = getSeries(db, seriesId);
    const people = seriesAttendeeIds(db, seriesId);
    let changed = 0;
    const free = db
      .select()
      .from(meetings)
      .where(and(eq(meetings.seriesId, seriesId), eq(meetings.movedByHand, false)))
      .all();
    for (const m of free) {
      if (meetingKeepReason(db, m)) continue;
      const visible = m.title !== series.name || m.durationMinutes !== series.durationMinutes || m.location !== series.location;
      db.update(meetings)
        .set({
          title: series.name,
          durationMinutes: series.durationMinutes,
          location: series.location,
          chairId: series.chairId,
          secretaryId: series.secretaryId,
          ...(visible ? { sequence: m.sequence + 1, updatedAt: now() } : {}),
        })
        .where(eq(meetings.id, m.id))
        .run();
      setMeetingAttendees(db, m.id, people);
      if (visible) changed++;
    }
    return changed;
  },
};
