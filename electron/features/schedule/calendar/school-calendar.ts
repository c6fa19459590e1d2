/** One school's calendar: official holidays of its region, public holidays and its own entries. */
import { eachDayOfInterval, format, getISODay, parseISO } from 'date-fns';
import type { CalendarOverride, DayOff, IsoDate, Region, SchoolYear } from '../types';
import { officialHolidays, schoolYearBounds, schoolYearOf, shiftSchoolYear } from './official-holidays';
import { publicHolidays } from './public-holidays';

export interface SchoolCalendar {
  /**
   * Why no meeting can be held on this date ("herfstvakantie", "Tweede Paasdag", "studiedag"…), or null on a school
   * day. Saturdays and Sundays give "weekend".
   */
  closedReason(date: IsoDate): string | null;
  /**
   * Every day off overlapping [from, to], official + public + the school's own, sorted by start; an official holiday
   * replaced by an override (override.replaces === its name, same school year) is left out.
   */
  daysOff(from: IsoDate, to: IsoDate): DayOff[];
}

const WEEKEND = 'weekend';

const toIso = (date: Date): IsoDate => format(date, 'yyyy-MM-dd');
const overlaps = (d: DayOff, from: IsoDate, to: IsoDate): boolean => d.start <= to && d.end >= from;

/** The school's own entry as a day off. */
function fromOverride(o: CalendarOverride & { kind: DayOff['kind'] }): DayOff {
  return { start: o.start, end: o.end, kind: o.kind, name: o.name, source: 'school' };
}

const isDayOffEntry = (o: CalendarOverride): o is CalendarOverride & { kind: DayOff['kind'] } => o.kind !== 'school-day';

/**
 * Which day off gives the reason when several cover one date: the school's own words first (they
 * know best), then the holiday (a user recognises "meivakantie" sooner than "Koningsdag" inside it).
 */
const SOURCE_PRIORITY: Record<DayOff['source'], number> = { school: 0, official: 1, public: 2 };

export function schoolCalendar(region: Region, overrides: CalendarOverride[]): SchoolCalendar {
  const own = overrides.filter(isDayOffEntry).map(fromOverride);
  // Public holidays the school works on: days it marked as school days.
  const openDays = overrides.filter((o) => o.kind === 'school-day');
  const isOpened = (d: DayOff) => openDays.some((o) => o.start <= d.start && d.end <= o.end);
  // Official holidays an override replaces, as "<school year>|<name>".
  const replaced = new Set(overrides.filter((o) => o.replaces !== null).map((o) => `${schoolYearOf(o.start)}|${o.replaces}`));

  function official(year: SchoolYear): DayOff[] {
    return officialHolidays(year, region).filter((h) => !replaced.has(`${year}|${h.name}`));
  }

  function daysOff(from: IsoDate, to: IsoDate): DayOff[] {
    if (from > to) return [];
    const result: DayOff[] = own.filter((d) => overlaps(d, from, to)).map((d) => ({ ...d }));
    // A holiday of the previous school year can run into this one (summer ends in August).
    const lastYear = schoolYearOf(to);
    for (let year = shiftSchoolYear(schoolYearOf(from), -1); year <= lastYear; year = shiftSchoolYear(year, 1)) {
      result.push(...official(year).filter((d) => overlaps(d, from, to)));
    }
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
      result.push(...publicHolidays(year).filter((d) => overlaps(d, from, to) && !isOpened(d)));
    }
    return result.sort(
      (a, b) =>
        a.start.localeCompare(b.start) ||
        SOURCE_PRIORITY[a.source] - SOURCE_PRIORITY[b.source] ||
        a.end.localeCompare(b.end) ||
        a.name.localeCompare(b.name),
    );
  }

  // Closed dates per school year, built on first use so closedReason is a map lookup.
  const closedByYear = new Map<SchoolYear, Map<IsoDate, string>>();

  function closedDates(year: SchoolYear): Map<IsoDate, string> {
    const cached = closedByYear.get(year);
    if (cached) return cached;
    const { start, end } = schoolYearBounds(year);
    const dates = eachDayOfInterval({ start: parseISO(start), end: parseISO(end) }).map(toIso);
    const firstWeekday = getISODay(parseISO(start)); // 1 = Monday … 7 = Sunday
    const closed = new Map<IsoDate, string>();
    dates.forEach((day, i) => {
      if ((firstWeekday - 1 + i) % 7 >= 5) closed.set(day, WEEKEND);
    });
    const ranked = daysOff(start, end).sort((a, b) => SOURCE_PRIORITY[a.source] - SOURCE_PRIORITY[b.source]);
    for (const d of ranked) {
      for (const day of dates) {
        if (day >= d.start && day <= d.end && !closed.has(day)) closed.set(day, d.name);
      }
    }
    closedByYear.set(year, closed);
    return closed;
  }

  return {
    closedReason: (date) => closedDates(schoolYearOf(date)).get(date) ?? null,
    daysOff,
  };
}
