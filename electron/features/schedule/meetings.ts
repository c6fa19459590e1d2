import { and, eq } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { cancelledMeetings, meetingAttendees, meetings, seriesAttendees } from '../../../db/schema';
import { AppError } from '../../api/errors';
import { weekdayLongDate } from '../../shared/dutch-dates';
import { meetingKeepReason } from './keep-reasons';
import { calendarFor, getSeries, seriesAttendeeIds } from './store';
import type { IsoDate } from './types';
import { now } from '../../shared/clock';

/** Writing meetings and their attendees: shared by the handlers, year planning and the demo. */

type People = { staffIds: string[]; partnerIds: string[] };

export function setSeriesAttendees(db: VaultDb, seriesId: string, people: People) {
  db.delete(seriesAttendees).where(eq(seriesAttendees.seriesId, seriesId)).run();
  for (const staffId of new Set(people.staffIds)) db.insert(seriesAttendees).values({ seriesId, staffId }).run();
  for (const partnerId of new Set(people.partnerIds)) db.insert(seriesAttendees).values({ seriesId, partnerId }).run();
}

export function copyAttendees(db: VaultDb, meetingId: string, people: People) {
  for (const staffId of people.staffIds) db.insert(meetingAttendees).values({ meetingId, staffId }).run();
  for (const partnerId of people.partnerIds) db.insert(meetingAttendees).values({ meetingId, partnerId }).run();
}

export function refuseDayOff(db: VaultDb, date: IsoDate) {
  const reason = calendarFor(db).closedReason(date);
  if (reason) throw new AppError('DAY_OFF', `Op ${weekdayLongDate(date)} kan geen overleg plaatsvinden: ${reason}. Kies een andere datum.`);
}

export function setMeetingAttendees(db: VaultDb, meetingId: string, people: People) {
  db.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId)).run();
  copyAttendees(db, meetingId, {
    staffIds: [...new Set(people.staffIds)],
    partnerIds: [...new Set(people.partnerIds)],
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

/**
 * After a series changes (name, duration, place, chair, secretary, attendees), its meetings
 * follow, except those edited by hand or that already have content.
 */
export function syncSeriesMeetings(db: VaultDb, seriesId: string): number {
  const series = getSeries(db, seriesId);
  const people = seriesAttendeeIds(db, seriesId);
  let changed = 0;
  for (const m of db
    .select()
    .from(meetings)
    .where(and(eq(meetings.seriesId, seriesId), eq(meetings.movedByHand, false)))
    .all()) {
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
    db.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, m.id)).run();
    copyAttendees(db, m.id, people);
    if (visible) changed++;
  }
  return changed;
}
