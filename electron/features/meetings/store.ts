import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { meetingAttendees, meetings, meetingSeries, partners, seriesAttendees } from '../../../db/schema';
import { AppError } from '../../api/errors';
import type { PartnerKind } from '../people/vocabulary';
import { intakeDeadline } from '../schedule/intake-deadline';
import { calendarFor } from '../schedule/store';
import type { IsoDate } from '../schedule/types';

/**
 * A meeting as the domains built on it see it (intakes, consent, later agenda and minutes): when,
 * which series, the intake deadline, and the external partners at the table. The schedule plans
 * the dates; this domain reads them.
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
