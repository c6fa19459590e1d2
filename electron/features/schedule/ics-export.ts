import type { VaultDb } from '../../../db/open';
import { deadlineDate } from '../../shared/dutch-dates';
import { schoolYearBounds } from './calendar/official-holidays';
import type { IcsEvent } from './ics';
import { calendarFor, cancelledMeetingsBetween, meetingRows, seriesNames as seriesNamesOf } from './store';
import type { IsoDate } from './types';

/**
 * The events of a school year's calendar file. A calendar file leaves the vault (it ends up in
 * Outlook or Google), so it carries planning facts only: a series meeting is named after its
 * series, and a note typed by hand, which might name a student, stays out.
 */
export function icsEvents(db: VaultDb, schoolYear: string, seriesId: string | null): IcsEvent[] {
  const { start, end } = schoolYearBounds(schoolYear);
  const seriesNames = seriesNamesOf(db);
  const planned = meetingRows(db, calendarFor(db), start, end, seriesId).map((m) => ({
    uid: `${m.id}@zorgoverleg`,
    // A meeting without a series has a hand-typed name ("MDO Sanne"?): the calendar says "Overleg".
    title: (m.seriesId && seriesNames.get(m.seriesId)) || 'Overleg',
    date: m.date,
    startTime: m.startTime,
    durationMinutes: m.durationMinutes,
    location: m.location,
    description: [
      m.intakeDeadline ? intakeLine(m.intakeDeadline, m.intakeDeadlineNote, start) : '',
      m.movedByHand ? 'Verplaatst of gewijzigd' : (m.note ?? ''),
    ]
      .filter(Boolean)
      .join('\n'),
    sequence: m.sequence,
    updatedAt: m.updatedAt,
  }));
  const cancelled = cancelledMeetingsBetween(db, start, end, seriesId).map((c) => ({
    uid: `${c.id}@zorgoverleg`,
    title: (c.seriesId && seriesNames.get(c.seriesId)) || 'Overleg',
    date: c.date,
    startTime: c.startTime,
    durationMinutes: c.durationMinutes,
    location: '',
    description: 'Vervallen',
    sequence: c.sequence,
    updatedAt: c.cancelledAt,
    cancelled: true,
  }));
  return [...planned, ...cancelled];
}

/** "Aanmelden t/m 31-08 (eerste schooldag na de zomervakantie)"; the year shows when the date lies outside the file's school year. */
function intakeLine(deadline: IsoDate, note: string | null, schoolYearStart: IsoDate): string {
  const line = `Aanmelden t/m ${deadlineDate(deadline, schoolYearStart)}`;
  return note ? `${line} (${note})` : line;
}
