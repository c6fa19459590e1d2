import type { VaultDb } from '../../../db/open';
import { readsOnly, type DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { buildYearScheduleDocx } from '../../export/docx/year-schedule';
import { today } from '../../shared/clock';
import { documentFileName } from '../../export/file-names';
import { documentSchool } from '../settings/letterhead';
import { requirePeople } from './attendees';
import { knownSchoolYears, officialHolidays, schoolYearBounds, schoolYearOf } from './calendar/official-holidays';
import { buildIcs } from './ics';
import { icsEvents } from './ics-export';
import { meetingWriter } from './meeting-writer';
import { applyYear, collisionsOf, yearPlan, firstDateMismatch } from './apply-year-plan';
import {
  calendarFor,
  getSeries,
  meetingAttendeeIds,
  meetingRows,
  calendarOverridesOf,
  removeOverride,
  saveOverride,
  schoolRegion,
  seriesSummaries,
  seriesWithCounts,
  setSeriesAttendees,
  writeSeries,
} from './store';

function withAttendees<T extends { id: string }>(db: VaultDb, rows: T[]) {
  const attendees = meetingAttendeeIds(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, attendees: attendees.get(r.id)! }));
}

function currentSchoolYears(): string[] {
  const thisYear = schoolYearOf(today());
  const start = Number(thisYear.slice(0, 4));
  const years = new Set([...knownSchoolYears(), thisYear, `${start + 1}-${start + 2}`]);
  return [...years].sort();
}

export const scheduleHandlers: DomainHandlers<
  | 'schedule.overview'
  | 'series.list'
  | 'series.save'
  | 'schedule.previewYear'
  | 'schedule.applyYear'
  | 'calendar.saveOverride'
  | 'calendar.removeOverride'
  | 'schedule.exportIcs'
  | 'schedule.exportDocx'
> = {
  'schedule.overview': ({ db }, { schoolYear }) => {
    const region = schoolRegion(db);
    const { start, end } = schoolYearBounds(schoolYear);
    const calendar = calendarFor(db);
    return {
      schoolYear,
      start,
      end,
      region,
      hasOfficialHolidays: officialHolidays(schoolYear, region).length > 0,
      schoolYears: currentSchoolYears(),
      daysOff: calendar.daysOff(start, end),
      overrides: calendarOverridesOf(db),
      series: seriesSummaries(db),
      meetings: withAttendees(db, meetingRows(db, calendar, start, end)),
    };
  },
  'series.list': ({ db }) => seriesWithCounts(db),
  'series.save': ({ db }, { id, attendees, ...input }) => {
    // Only the coordinator plans (the roles table): who sits at the table decides whose consent is needed.
    if (input.intervalWeeks !== null && input.weekday === null) throw new AppError('VALIDATION', 'Kies de weekdag van het overleg.');
    const firstDateProblem = input.intervalWeeks !== null ? firstDateMismatch(input.firstDate, input.weekday) : null;
    if (firstDateProblem) throw new AppError('VALIDATION', firstDateProblem, { firstDate: firstDateProblem });
    // A series by appointment has no rhythm to start.
    const firstDate = input.intervalWeeks === null ? null : input.firstDate;
    requirePeople(db, { ...input, attendees });
    return db.transaction((tx) => {
      const seriesId = writeSeries(tx, id, { ...input, firstDate });
      setSeriesAttendees(tx, seriesId, attendees);
      if (id) meetingWriter().followSeries(tx, seriesId);
      return { id: seriesId };
    });
  },
  'schedule.previewYear': ({ db }, input) => {
    const plan = yearPlan(db, input);
    return { ...plan.changes, dropped: plan.generated.dropped, collisions: collisionsOf(db, plan) };
  },
  'schedule.applyYear': ({ db }, input) => {
    return applyYear(db, input);
  },
  'calendar.saveOverride': ({ db }, { id, start, end, ...input }) => ({
    id: saveOverride(db, id, { ...input, startDate: start, endDate: end }),
  }),
  'calendar.removeOverride': ({ db }, { id }) => {
    removeOverride(db, id);
    return null;
  },
  'schedule.exportIcs': ({ db }, { schoolYear, seriesId }) => {
    const calendarName = `${seriesId ? getSeries(db, seriesId).name : 'Zorgoverleggen'} ${schoolYear}`;
    return { fileName: `${calendarName}.ics`, content: buildIcs(calendarName, icsEvents(db, schoolYear, seriesId)) };
  },
  'schedule.exportDocx': readsOnly(async ({ db }, { schoolYear }) => {
    const school = documentSchool(db);
    const { start, end } = schoolYearBounds(schoolYear);
    const calendar = calendarFor(db);
    const buffer = await buildYearScheduleDocx({
      schoolYear,
      letterhead: school.letterhead,
      logo: school.logo,
      generatedOn: today(),
      meetings: meetingRows(db, calendar, start, end).map((m) => ({ ...m, seriesName: m.title })),
      daysOff: calendar.daysOff(start, end).map((d) => ({ start: d.start, end: d.end, name: d.name })),
    });
    return {
      fileName: documentFileName('jaarrooster', { date: schoolYear }),
      contentBase64: buffer.toString('base64'),
    };
  }),
};
