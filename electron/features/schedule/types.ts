/** The words of the schedule domain, shared by the calendar, the generator, exports and handlers. */

export type Region = 'noord' | 'midden' | 'zuid';
import type { IsoDate, ClockTime, SchoolYear } from '../../shared/school-year';

/** The calendar words are shared by every layer (electron/shared/school-year.ts). */
export type { IsoDate, ClockTime, SchoolYear };

export type DayOffKind = 'holiday' | 'public-holiday' | 'study-day' | 'no-meetings';

/** A stretch of days (inclusive) without meetings, with the Dutch name shown to users. */
export interface DayOff {
  start: IsoDate;
  end: IsoDate;
  kind: DayOffKind;
  /** "herfstvakantie", "Tweede Paasdag", "studiedag", or the school's own words. */
  name: string;
  /**
   * Where it comes from: the official data, the public-holiday rules, or the school itself (its own
   * entry, or the vrijdag na Hemelvaart that schools give off by custom).
   */
  source: 'official' | 'public' | 'school';
}

/**
 * The school's own entry. A holiday entry with `replaces` set (e.g. "meivakantie") moves that
 * official holiday of the same school year: the official dates no longer count, these do. A
 * 'school-day' entry opens public holidays the school works on (Goede Vrijdag, Bevrijdingsdag).
 */
export interface CalendarOverride {
  id: string;
  kind: 'holiday' | 'study-day' | 'no-meetings' | 'school-day';
  name: string;
  start: IsoDate;
  end: IsoDate;
  replaces: string | null;
}

export type MoveRule = 'week-after' | 'week-before';
export type ContinueFrom = 'grid' | 'moved';

export interface SeriesRhythm {
  /** Every N weeks (1–12). */
  intervalWeeks: number;
  /** The first meeting; its weekday is the series' weekday. */
  firstDate: IsoDate;
  /** The last date that may hold a meeting (usually the end of the school year). */
  until: IsoDate;
  startTime: ClockTime;
  durationMinutes: number;
  /** Where a date that falls on a day off goes: the same weekday a week later, or earlier. */
  moveRule: MoveRule;
  /** After a move, the next date counts from the original grid or from the moved date. */
  continueFrom: ContinueFrom;
}

export interface PlannedMeeting {
  date: IsoDate;
  startTime: ClockTime;
  /** The grid date it came from; equal to `date` when it did not move. */
  plannedDate: IsoDate;
  /** "verschoven: herfstvakantie" when it moved; null otherwise. */
  note: string | null;
}

export interface DroppedDate {
  plannedDate: IsoDate;
  /** Why no school day could be found, in Dutch: "vervalt: zomervakantie". */
  note: string;
}

export interface GeneratedYear {
  meetings: PlannedMeeting[];
  dropped: DroppedDate[];
}
