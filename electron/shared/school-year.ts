/**
 * The calendar words every layer uses: a date, a time of day, a school year. Pure string work in
 * the school's own time zone (Europe/Amsterdam), so no time zone can shift a date.
 */

/** A calendar date as yyyy-MM-dd. */
export type IsoDate = string;
/** A wall-clock time as HH:mm; it stays 14:00 across summer time. */
export type ClockTime = string;
/** "2026-2027": a school year runs from 1 August to 31 July. */
export type SchoolYear = string;

/** The school year a date belongs to; the year turns on 1 August. */
export function schoolYearOf(date: IsoDate): SchoolYear {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const first = month >= 8 ? year : year - 1;
  return `${first}-${first + 1}`;
}

/** 1 August .. 31 July (inclusive) of a school year such as "2026-2027". */
export function schoolYearBounds(year: SchoolYear): { start: IsoDate; end: IsoDate } {
  const first = Number(year.slice(0, 4));
  return { start: `${first}-08-01`, end: `${first + 1}-07-31` };
}

/** The school year before or after `year` ("2026-2027", -1 → "2025-2026"). */
export function shiftSchoolYear(year: SchoolYear, by: number): SchoolYear {
  const first = Number(year.slice(0, 4)) + by;
  return `${first}-${first + 1}`;
}
