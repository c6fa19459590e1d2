import type { DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { requirePeople } from '../schedule/attendees';
import { meetingEditRefusal, meetingKeepReason } from '../schedule/keep-reasons';
import { registerMeetingWriter } from '../schedule/meeting-writer';
import { getSeries, meetingAttendeeIds, refuseDayOff } from '../schedule/store';
import { cancelMeeting, insertMeeting, meetingRow, meetingsEraser, meetingWriter, updateMeetingByHand } from './store';
import { registerStudentEraser } from '../people/erasure';

/** The schedule's year plan and series form write meetings through this domain; see meeting-writer.ts. */
export function registerMeetingsHooks(): void {
  registerStudentEraser('meetings', meetingsEraser);
  registerMeetingWriter(meetingWriter);
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...new Set(a)].every((x) => b.includes(x));

export const meetingsHandlers: DomainHandlers<'meetings.save' | 'meetings.remove'> = {
  'meetings.save': ({ db }, { id, seriesId, attendees, ...input }) => {
    // Only the coordinator plans (the roles table): who sits at the table decides whose consent is needed.
    requirePeople(db, { ...input, attendees });
    if (id) {
      const current = meetingRow(db, id);
      const refusal = meetingEditRefusal(db, id);
      if (refusal) throw new AppError('FORBIDDEN', refusal);
      // A meeting already on a day off (a study day added later) can still get a new place or note.
      if (current.date !== input.date) refuseDayOff(db, input.date);
      const before = meetingAttendeeIds(db, [id]).get(id)!;
      const edited =
        (Object.keys(input) as (keyof typeof input)[]).some((k) => current[k] !== input[k]) ||
        !sameSet(before.staffIds, attendees.staffIds) ||
        !sameSet(before.partnerIds, attendees.partnerIds);
      if (edited) updateMeetingByHand(db, id, input, attendees);
      return { id };
    }
    refuseDayOff(db, input.date);
    if (seriesId) getSeries(db, seriesId);
    return { id: insertMeeting(db, seriesId, input, attendees) };
  },
  'meetings.remove': ({ db }, { id }) => {
    const current = meetingRow(db, id);
    const reason = meetingKeepReason(db, { ...current, movedByHand: false });
    if (reason) throw new AppError('VALIDATION', `Dit overleg kan niet worden verwijderd: ${reason}.`);
    db.transaction((tx) => cancelMeeting(tx, id));
    return null;
  },
};
