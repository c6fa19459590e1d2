import { addMinutes, addDays, format, parse, parseISO } from 'date-fns';
import { and, asc, between, eq, inArray } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import {
  calendarOverrides,
  meetingAttendees,
  meetings,
  meetingSeries,
  partners,
  schoolSettings,
  seriesAttendees,
  staff,
} from '../../../db/schema';
import { AppError } from '../../api/errors';
import { officialHolidays, schoolYearBounds } from './calendar/official-holidays';
import { schoolCalendar, type SchoolCalendar } from './calendar/school-calendar';
import { intakeDeadline } from './intake-deadline';
import type { ClockTime, IsoDate, Region, SchoolYear } from './types';

/** Reads the schedule domain's rows; handlers stay short and the queries live in one place. */

export function schoolRegion(db: VaultDb): Region {
  const row = db.select({ region: schoolSettings.region }).from(schoolSettings).where(eq(schoolSettings.id, 1)).get();
  if (!row) throw new AppError('INTERNAL');
  return row.region;
}

export function overrideRows(db: VaultDb) {
  return db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.startDate)).all();
}

export function calendarFor(db: VaultDb): SchoolCalendar {
  const overrides = overrideRows(db).map((o) => ({
    id: o.id,
    kind: o.kind,
    name: o.name,
    start: o.startDate,
    end: o.endDate,
    replaces: o.replaces,
  }));
  return schoolCalendar(schoolRegion(db), overrides);
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

/** Display names of staff (by code) and partners, for warnings. */
export function personLabels(db: VaultDb): Map<string, string> {
  const labels = new Map<string, string>();
  for (const s of db.select({ id: staff.id, code: staff.code }).from(staff).all()) labels.set(s.id, s.code);
  for (const p of db.select({ id: partners.id, organisation: partners.organisation }).from(partners).all()) {
    labels.set(p.id, p.organisation);
  }
  return labels;
}
