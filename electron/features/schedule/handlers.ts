import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { calendarOverrides, meetings, meetingSeries } from '../../../db/schema';
import { readsOnly, type DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { requirePartners, requireStaff } from '../people/store';
import { buildYearScheduleDocx } from '../../export/docx/year-schedule';
import { now, today } from '../../shared/clock';
import { documentFileName } from '../../export/file-names';
import { documentSchool } from '../settings/letterhead';
import { knownSchoolYears, officialHolidays, schoolYearBounds, schoolYearOf } from './calendar/official-holidays';
import { buildIcs } from './ics';
import { icsEvents } from './ics-export';
import { meetingEditRefusal, meetingKeepReason } from './keep-reasons';
import { cancelMeeting, refuseDayOff, setMeetingAttendees, setSeriesAttendees, syncSeriesMeetings } from './meetings';
import { applyYear, collisionsOf, yearPlan, firstDateMismatch } from './apply-year-plan';
import { calendarFor, getSeries, meetingAttendeeIds, meetingRows, overrideRows, schoolRegion, seriesAttendeeIds } from './store';

function withAttendees<T extends { id: string }>(db: VaultDb, rows: T[]) {
  const attendees = meetingAttendeeIds(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, attendees: attendees.get(r.id)! }));
}

/** Chair, secretary and attendees must exist: else the foreign key fails as an internal error. */
function requirePeople(
  db: VaultDb,
  people: {
    chairId: string | null;
    secretaryId: string | null;
    attendees: { staffIds: string[]; partnerIds: string[] };
  },
): void {
  requireStaff(db, [people.chairId], 'De gekozen voorzitter', 'chairId');
  requireStaff(db, [people.secretaryId], 'De gekozen notulist', 'secretaryId');
  requireStaff(db, people.attendees.staffIds, 'Een gekozen deelnemer', 'attendees');
  requirePartners(db, people.attendees.partnerIds, 'Een gekozen externe partner', 'attendees');
}

const overrideMissing = 'Deze aanpassing van de schoolkalender bestaat niet (meer).';

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...new Set(a)].every((x) => b.includes(x));

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
  | 'meetings.save'
  | 'meetings.remove'
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
      overrides: overrideRows(db).map((o) => ({
        id: o.id,
        kind: o.kind,
        name: o.name,
        start: o.startDate,
        end: o.endDate,
        replaces: o.replaces,
      })),
      series: db
        .select({
          id: meetingSeries.id,
          name: meetingSeries.name,
          color: meetingSeries.color,
          kind: meetingSeries.kind,
          active: meetingSeries.active,
        })
        .from(meetingSeries)
        .orderBy(asc(meetingSeries.name))
        .all(),
      meetings: withAttendees(db, meetingRows(db, calendar, start, end)),
    };
  },
  'series.list': ({ db }) => {
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
  },
  'series.save': ({ db }, { id, attendees, ...input }) => {
    // Only the coordinator plans (the roles table): who sits at the table decides whose consent is needed.
    if (input.intervalWeeks !== null && input.weekday === null) throw new AppError('VALIDATION', 'Kies de weekdag van het overleg.');
    const firstDateProblem = input.intervalWeeks !== null ? firstDateMismatch(input.firstDate, input.weekday) : null;
    if (firstDateProblem) throw new AppError('VALIDATION', firstDateProblem, { firstDate: firstDateProblem });
    // A series by appointment has no rhythm to start.
    const firstDate = input.intervalWeeks === null ? null : input.firstDate;
    requirePeople(db, { ...input, attendees });
    const values = { ...input, firstDate, updatedAt: now() };
    return db.transaction((tx) => {
      let seriesId = id;
      if (seriesId) {
        const result = tx.update(meetingSeries).set(values).where(eq(meetingSeries.id, seriesId)).run();
        if (result.changes === 0) throw new AppError('NOT_FOUND', 'Deze overlegvorm bestaat niet (meer).');
      } else {
        seriesId = randomUUID();
        tx.insert(meetingSeries)
          .values({ id: seriesId, ...values })
          .run();
      }
      setSeriesAttendees(tx, seriesId, attendees);
      if (id) syncSeriesMeetings(tx, seriesId);
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
  'meetings.save': ({ db }, { id, seriesId, attendees, ...input }) => {
    // Only the coordinator plans (the roles table): who sits at the table decides whose consent is needed.
    requirePeople(db, { ...input, attendees });
    if (id) {
      const current = db.select().from(meetings).where(eq(meetings.id, id)).get();
      if (!current) throw new AppError('NOT_FOUND', 'Dit overleg bestaat niet (meer).');
      const refusal = meetingEditRefusal(db, id);
      if (refusal) throw new AppError('FORBIDDEN', refusal);
      // A meeting already on a day off (a study day added later) can still get a new place or note.
      if (current.date !== input.date) refuseDayOff(db, input.date);
      const before = meetingAttendeeIds(db, [id]).get(id)!;
      const edited =
        (Object.keys(input) as (keyof typeof input)[]).some((k) => current[k] !== input[k]) ||
        !sameSet(before.staffIds, attendees.staffIds) ||
        !sameSet(before.partnerIds, attendees.partnerIds);
      if (!edited) return { id };
      db.transaction((tx) => {
        tx.update(meetings)
          .set({
            ...input,
            // Edited by hand: regenerating the year and changes to the series leave it alone.
            movedByHand: true,
            sequence: current.sequence + 1,
            updatedAt: now(),
          })
          .where(eq(meetings.id, id))
          .run();
        setMeetingAttendees(tx, id, attendees);
      });
      return { id };
    }
    refuseDayOff(db, input.date);
    if (seriesId) getSeries(db, seriesId);
    const meetingId = randomUUID();
    db.transaction((tx) => {
      tx.insert(meetings)
        .values({ id: meetingId, seriesId, ...input, plannedDate: null, createdAt: now(), updatedAt: now() })
        .run();
      setMeetingAttendees(tx, meetingId, attendees);
    });
    return { id: meetingId };
  },
  'meetings.remove': ({ db }, { id }) => {
    const current = db.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!current) throw new AppError('NOT_FOUND', 'Dit overleg bestaat niet (meer).');
    const reason = meetingKeepReason(db, { ...current, movedByHand: false });
    if (reason) throw new AppError('VALIDATION', `Dit overleg kan niet worden verwijderd: ${reason}.`);
    db.transaction((tx) => cancelMeeting(tx, id));
    return null;
  },
  'calendar.saveOverride': ({ db }, { id, start, end, ...input }) => {
    const values = { ...input, startDate: start, endDate: end, updatedAt: now() };
    if (id) {
      const result = db.update(calendarOverrides).set(values).where(eq(calendarOverrides.id, id)).run();
      if (result.changes === 0) throw new AppError('NOT_FOUND', overrideMissing);
      return { id };
    }
    const newId = randomUUID();
    db.insert(calendarOverrides)
      .values({ id: newId, ...values })
      .run();
    return { id: newId };
  },
  'calendar.removeOverride': ({ db }, { id }) => {
    const result = db.delete(calendarOverrides).where(eq(calendarOverrides.id, id)).run();
    if (result.changes === 0) throw new AppError('NOT_FOUND', overrideMissing);
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
