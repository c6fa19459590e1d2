import { randomUUID } from 'node:crypto';
import { addMinutes, addDays, format, parse, parseISO } from 'date-fns';
import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import {
  calendarOverrides,
  cancelledMeetings,
  meetingAttendees,
  meetings,
  meetingSeries,
  partners,
  schoolSettings,
  seriesAttendees,
  staff,
} from '../../../db/schema';
import { AppError } from '../../api/errors';
import { now } from '../../shared/clock';
import { weekdayLongDate } from '../../shared/dutch-dates';
import { officialHolidays, schoolYearBounds } from './calendar/official-holidays';
import { schoolCalendar, type SchoolCalendar } from './calendar/school-calendar';
import { intakeDeadline } from './intake-deadline';
import type { ClockTime, IsoDate, Region, SchoolYear } from './types';

/**
 * The schedule domain's rows (series, their attendees, the calendar's overrides) and the planner's
 * reading of the meetings it planned; handlers stay short and the queries live in one place.
 * Meetings themselves are written by the meetings domain (meeting-writer.ts).
 */

export function schoolRegion(db: VaultDb): Region {
  const row = db.select({ region: schoolSettings.region }).from(schoolSettings).where(eq(schoolSettings.id, 1)).get();
  if (!row) throw new AppError('INTERNAL');
  return row.region;
}

function overrideRows(db: VaultDb) {
  return db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.startDate)).all();
}

/** The school's own days off and school days, as the calendar and the screens read them. */
export function calendarOverridesOf(db: VaultDb) {
  return overrideRows(db).map((o) => ({
    id: o.id,
    kind: o.kind,
    name: o.name,
    start: o.startDate,
    end: o.endDate,
    replaces: o.replaces,
  }));
}

export function calendarFor(db: VaultDb): SchoolCalendar {
  return schoolCalendar(schoolRegion(db), calendarOverridesOf(db));
}

/** The days a school year's meetings may use: from 1 August up to the start of its summer holiday. */
export function planningWindow(schoolYear: SchoolYear, region: Region): { start: IsoDate; end: IsoDate } {
  const { start, end } = schoolYearBounds(schoolYear);
  const summer = officialHolidays(schoolYear, region).find((h) => h.name === 'zomervakantie' && h.start > start);
  return { start, end: summer ? format(addDays(parseISO(summer.start), -1), 'yyyy-MM-dd') : end };
}

export function endTime(startTime: ClockTime, durationMinutes: number): ClockTime {
  return format(addMinutes(parse(startTime, 'HH:mm', new Date(2000, 0, 1)), durationMinutes), 'HH:mm');
}

/** Refuses a date the school is closed on (DAY_OFF), naming the reason. */
export function refuseDayOff(db: VaultDb, date: IsoDate) {
  const reason = calendarFor(db).closedReason(date);
  if (reason) {
    throw new AppError('DAY_OFF', `Op ${weekdayLongDate(date)} kan geen overleg plaatsvinden: ${reason}. Kies een andere datum.`);
  }
}

const overrideMissing = 'Deze aanpassing van de schoolkalender bestaat niet (meer).';

type OverrideValues = Omit<typeof calendarOverrides.$inferInsert, 'id' | 'updatedAt'>;

/** Adds (no id) or changes a day off or holiday of the school's own; returns its id. */
export function saveOverride(db: VaultDb, id: string | null | undefined, values: OverrideValues): string {
  const row = { ...values, updatedAt: now() };
  if (id) {
    const result = db.update(calendarOverrides).set(row).where(eq(calendarOverrides.id, id)).run();
    if (result.changes === 0) throw new AppError('NOT_FOUND', overrideMissing);
    return id;
  }
  const newId = randomUUID();
  db.insert(calendarOverrides)
    .values({ id: newId, ...row })
    .run();
  return newId;
}

export function removeOverride(db: VaultDb, id: string): void {
  const result = db.delete(calendarOverrides).where(eq(calendarOverrides.id, id)).run();
  if (result.changes === 0) throw new AppError('NOT_FOUND', overrideMissing);
}

/** Every series, for the planner's legend. */
export function seriesSummaries(db: VaultDb) {
  return db
    .select({
      id: meetingSeries.id,
      name: meetingSeries.name,
      color: meetingSeries.color,
      kind: meetingSeries.kind,
      active: meetingSeries.active,
    })
    .from(meetingSeries)
    .orderBy(asc(meetingSeries.name))
    .all();
}

/** Every series with its attendees and how many meetings it has, for the series list. */
export function seriesWithCounts(db: VaultDb) {
  const counts = new Map(
    db
      .select({ seriesId: meetings.seriesId, n: sql<number>`count(*)` })
      .from(meetings)
      .groupBy(meetings.seriesId)
      .all()
      .map((r) => [r.seriesId, r.n]),
  );
  return db
    .select()
    .from(meetingSeries)
    .orderBy(asc(meetingSeries.name))
    .all()
    .map(({ updatedAt: _updatedAt, ...s }) => ({
      ...s,
      attendees: seriesAttendeeIds(db, s.id),
      meetingCount: counts.get(s.id) ?? 0,
    }));
}

type SeriesValues = Omit<typeof meetingSeries.$inferInsert, 'id' | 'updatedAt'>;

/** Adds (no id) or changes a series; returns its id. */
export function writeSeries(db: VaultDb, id: string | null | undefined, values: SeriesValues): string {
  const row = { ...values, updatedAt: now() };
  if (id) {
    const result = db.update(meetingSeries).set(row).where(eq(meetingSeries.id, id)).run();
    if (result.changes === 0) throw new AppError('NOT_FOUND', 'Deze overlegvorm bestaat niet (meer).');
    return id;
  }
  const seriesId = randomUUID();
  db.insert(meetingSeries)
    .values({ id: seriesId, ...row })
    .run();
  return seriesId;
}

export type People = { staffIds: string[]; partnerIds: string[] };

export function setSeriesAttendees(db: VaultDb, seriesId: string, people: People) {
  db.delete(seriesAttendees).where(eq(seriesAttendees.seriesId, seriesId)).run();
  for (const staffId of new Set(people.staffIds)) db.insert(seriesAttendees).values({ seriesId, staffId }).run();
  for (const partnerId of new Set(people.partnerIds)) db.insert(seriesAttendees).values({ seriesId, partnerId }).run();
}

export function getSeries(db: VaultDb, id: string) {
  const series = db.select().from(meetingSeries).where(eq(meetingSeries.id, id)).get();
  if (!series) throw new AppError('NOT_FOUND', 'Deze overlegvorm bestaat niet (meer).');
  return series;
}

/** The active series, to choose one from (where a referral goes). */
export function activeSeries(db: VaultDb) {
  return db
    .select({ id: meetingSeries.id, name: meetingSeries.name, kind: meetingSeries.kind })
    .from(meetingSeries)
    .where(eq(meetingSeries.active, true))
    .orderBy(asc(meetingSeries.name))
    .all();
}

export function seriesAttendeeIds(db: VaultDb, seriesId: string) {
  const rows = db.select().from(seriesAttendees).where(eq(seriesAttendees.seriesId, seriesId)).all();
  return {
    staffIds: rows.flatMap((r) => (r.staffId ? [r.staffId] : [])),
    partnerIds: rows.flatMap((r) => (r.partnerId ? [r.partnerId] : [])),
  };
}

/** Meetings dated in [start, end], with their series' colour and intake rule. */
export function meetingsBetween(db: VaultDb, start: IsoDate, end: IsoDate, seriesId?: string | null) {
  const where = seriesId ? and(between(meetings.date, start, end), eq(meetings.seriesId, seriesId)) : between(meetings.date, start, end);
  return db
    .select({
      meeting: meetings,
      color: meetingSeries.color,
      kind: meetingSeries.kind,
      intakeDays: meetingSeries.intakeDeadlineSchoolDays,
    })
    .from(meetings)
    .leftJoin(meetingSeries, eq(meetings.seriesId, meetingSeries.id))
    .where(where)
    .orderBy(asc(meetings.date), asc(meetings.startTime))
    .all();
}

/**
 * The meetings a series' rhythm planned with a grid date in [from, to]. Extra meetings added by
 * hand have no grid date: regenerating never matches, moves or removes them.
 */
export function plannedSeriesMeetings(db: VaultDb, seriesId: string, from: IsoDate, to: IsoDate) {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.seriesId, seriesId), between(meetings.plannedDate, from, to)))
    .orderBy(asc(meetings.date))
    .all();
}

export function meetingRows(db: VaultDb, calendar: SchoolCalendar, start: IsoDate, end: IsoDate, seriesId?: string | null) {
  return meetingsBetween(db, start, end, seriesId).map(({ meeting: m, color, intakeDays }) => {
    const deadline = intakeDays === null ? null : intakeDeadline(m.date, intakeDays, calendar);
    return {
      id: m.id,
      seriesId: m.seriesId,
      title: m.title,
      color: color ?? 'gray',
      date: m.date,
      startTime: m.startTime,
      endTime: endTime(m.startTime, m.durationMinutes),
      durationMinutes: m.durationMinutes,
      location: m.location,
      note: m.note,
      movedByHand: m.movedByHand,
      chairId: m.chairId,
      secretaryId: m.secretaryId,
      sequence: m.sequence,
      updatedAt: m.updatedAt,
      intakeDeadline: deadline?.date ?? null,
      /** Why the deadline is not plain counting ("eerste schooldag na de zomervakantie"), or null. */
      intakeDeadlineNote: deadline?.note ?? null,
      /** Set when a day off was added after the meeting was planned: the coordinator should move it. */
      dayOff: calendar.closedReason(m.date),
      movedFrom:
        m.plannedDate !== null && m.plannedDate !== m.date ? { date: m.plannedDate, reason: calendar.closedReason(m.plannedDate) } : null,
    };
  });
}

/** The attendees of each meeting, staff and partners apart, as the forms edit them. */
export function meetingAttendeeIds(db: VaultDb, meetingIds: string[]): Map<string, { staffIds: string[]; partnerIds: string[] }> {
  const result = new Map(meetingIds.map((id) => [id, { staffIds: [] as string[], partnerIds: [] as string[] }]));
  for (let i = 0; i < meetingIds.length; i += 500) {
    for (const a of db
      .select()
      .from(meetingAttendees)
      .where(inArray(meetingAttendees.meetingId, meetingIds.slice(i, i + 500)))
      .all()) {
      const entry = result.get(a.meetingId);
      if (a.staffId) entry?.staffIds.push(a.staffId);
      if (a.partnerId) entry?.partnerIds.push(a.partnerId);
    }
  }
  return result;
}

/** Everyone expected at each meeting (chair, secretary, attendees), for collision warnings. */
export function peopleOfMeetings(db: VaultDb, meetingIds: string[]): Map<string, string[]> {
  const people = new Map<string, Set<string>>(meetingIds.map((id) => [id, new Set()]));
  for (let i = 0; i < meetingIds.length; i += 500) {
    const ids = meetingIds.slice(i, i + 500);
    for (const a of db.select().from(meetingAttendees).where(inArray(meetingAttendees.meetingId, ids)).all()) {
      people.get(a.meetingId)?.add((a.staffId ?? a.partnerId)!);
    }
    for (const m of db
      .select({ id: meetings.id, chairId: meetings.chairId, secretaryId: meetings.secretaryId })
      .from(meetings)
      .where(inArray(meetings.id, ids))
      .all()) {
      for (const p of [m.chairId, m.secretaryId]) if (p) people.get(m.id)?.add(p);
    }
  }
  return new Map([...people].map(([id, set]) => [id, [...set]]));
}

/** Every series' name by id, inactive ones too (a calendar file names old meetings by them). */
export function seriesNames(db: VaultDb): Map<string, string> {
  const rows = db.select({ id: meetingSeries.id, name: meetingSeries.name }).from(meetingSeries).all();
  return new Map(rows.map((s) => [s.id, s.name]));
}

/** Meetings cancelled with a date in [start, end] (of one series when given): calendar files cancel their events. */
export function cancelledMeetingsBetween(db: VaultDb, start: IsoDate, end: IsoDate, seriesId: string | null) {
  const where = [between(cancelledMeetings.date, start, end)];
  if (seriesId) where.push(eq(cancelledMeetings.seriesId, seriesId));
  return db
    .select()
    .from(cancelledMeetings)
    .where(and(...where))
    .all();
}

/** Display names of staff (by code) and partners, for warnings. */
export function personLabels(db: VaultDb): Map<string, string> {
  const labels = new Map<string, string>();
  for (const s of db.select({ id: staff.id, code: staff.code }).from(staff).all()) labels.set(s.id, s.code);
  for (const p of db.select({ id: partners.id, organisation: partners.organisation }).from(partners).all()) {
    labels.set(p.id, p.organisation);
  }
  return labels;
}
