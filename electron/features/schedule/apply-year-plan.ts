import { format, getISODay, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';
import type { VaultDb } from '../../../db/open';
import { AppError } from '../../api/errors';
import { findCollisions } from './calendar/collisions';
import { generateMeetingDates } from './calendar/generate';
import { schoolYearBounds } from './calendar/official-holidays';
import { meetingKeepReason } from './keep-reasons';
import { meetingWriter } from './meeting-writer';
import {
  calendarFor,
  getSeries,
  meetingRows,
  peopleOfMeetings,
  personLabels,
  planningWindow,
  schoolRegion,
  seriesAttendeeIds,
  plannedSeriesMeetings,
} from './store';
import type { IsoDate } from './types';
import { planYearChanges } from './year-plan';

/** Planning a series' school year: the preview the coordinator sees and the write that follows it. */

export interface YearPlanInput {
  seriesId: string;
  schoolYear: string;
  firstDate: IsoDate;
}

/** "dinsdag" for ISO weekday 2. */
const day = (iso: number) => format(parseISO(`2024-01-0${iso}`), 'EEEE', { locale: nl });

/** A series' first meeting falls on its rhythm's weekday: the message for the series form's field when it does not. */
export function firstDateMismatch(firstDate: IsoDate | null, weekday: number | null): string | null {
  if (firstDate === null || weekday === null) return null;
  const actual = getISODay(parseISO(firstDate));
  if (actual === weekday) return null;
  const date = format(parseISO(firstDate), 'd MMMM yyyy', { locale: nl });
  return `Eerste overleg: ${date} is een ${day(actual)}; het ritme is op ${day(weekday)}.`;
}

/** Everything `schedule.previewYear` shows and `schedule.applyYear` does, computed the same way. */
export function yearPlan(db: VaultDb, input: YearPlanInput) {
  const series = getSeries(db, input.seriesId);
  if (series.intervalWeeks === null) {
    throw new AppError('VALIDATION', `${series.name} is "op afspraak": plan die overleggen één voor één.`);
  }
  const region = schoolRegion(db);
  const window = planningWindow(input.schoolYear, region);
  if (input.firstDate < window.start || input.firstDate > window.end) {
    throw new AppError('VALIDATION', `De eerste datum moet in schooljaar ${input.schoolYear} vallen, vóór de zomervakantie.`);
  }
  if (series.weekday !== null && getISODay(parseISO(input.firstDate)) !== series.weekday) {
    throw new AppError(
      'VALIDATION',
      `De eerste datum valt op een ${day(getISODay(parseISO(input.firstDate)))}; ${series.name} is op ${day(series.weekday)}.`,
    );
  }
  const calendar = calendarFor(db);
  const generated = generateMeetingDates(
    {
      intervalWeeks: series.intervalWeeks,
      firstDate: input.firstDate,
      until: window.end,
      startTime: series.startTime,
      durationMinutes: series.durationMinutes,
      moveRule: series.moveRule,
      continueFrom: series.continueFrom,
    },
    calendar,
  );
  const bounds = schoolYearBounds(input.schoolYear);
  // Meetings before the first date stay as they are: planning "from January" leaves autumn alone.
  const existing = plannedSeriesMeetings(db, series.id, input.firstDate, bounds.end).map((m) => ({
    id: m.id,
    date: m.date,
    startTime: m.startTime,
    plannedDate: m.plannedDate!,
    note: m.note,
    keepReason: meetingKeepReason(db, m),
  }));
  return { series, calendar, generated, changes: planYearChanges(existing, generated), bounds };
}

export function collisionsOf(db: VaultDb, plan: ReturnType<typeof yearPlan>) {
  const { series, generated, bounds } = plan;
  const own = seriesAttendeeIds(db, series.id);
  const seriesPeople = [...own.staffIds, ...own.partnerIds, series.chairId, series.secretaryId].filter((p): p is string => !!p);
  const others = meetingRows(db, plan.calendar, bounds.start, bounds.end).filter((m) => m.seriesId !== series.id);
  const people = peopleOfMeetings(
    db,
    others.map((m) => m.id),
  );
  const candidates = [
    ...generated.meetings.map((g, i) => ({
      id: `new-${i}`,
      seriesName: series.name,
      date: g.date,
      startTime: g.startTime,
      durationMinutes: series.durationMinutes,
      people: seriesPeople,
    })),
    ...others.map((m) => ({
      id: m.id,
      seriesName: m.title,
      date: m.date,
      startTime: m.startTime,
      durationMinutes: m.durationMinutes,
      people: people.get(m.id) ?? [],
    })),
  ];
  const titles = new Map(candidates.map((c) => [c.id, `${c.seriesName} ${c.startTime}`]));
  const labels = personLabels(db);
  return findCollisions(candidates)
    .filter((c) => c.a.startsWith('new-') !== c.b.startsWith('new-'))
    .map((c) => {
      const [mine, other] = c.a.startsWith('new-') ? [c.a, c.b] : [c.b, c.a];
      return {
        date: c.date,
        a: titles.get(mine)!,
        b: titles.get(other)!,
        sharedPeople: c.sharedPeople.map((p) => labels.get(p) ?? p),
      };
    });
}

/** Writes a year plan in one transaction; meetings that must stay are left alone. */
export function applyYear(db: VaultDb, input: YearPlanInput) {
  const { series, changes } = yearPlan(db, input);
  db.transaction((tx) => meetingWriter().applyYearChanges(tx, series, changes));
  return {
    added: changes.add.length,
    moved: changes.move.length,
    removed: changes.remove.length,
    kept: changes.kept.length,
  };
}
