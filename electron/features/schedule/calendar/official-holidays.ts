/** The official school holidays (Rijksoverheid open data), as shipped in resources/school-holidays.json. */
import data from '../../../../resources/school-holidays.json' with { type: 'json' };
import type { DayOff, IsoDate, Region, SchoolYear } from '../types';
export { schoolYearOf } from '../vocabulary';

/** "heel Nederland" entries apply to every region. */
const NATIONAL = 'heel Nederland';

/** The file's shape, loosened: JSON imports type arrays as string[], not tuples. */
type HolidayFile = { schoolYears: Record<SchoolYear, Record<string, Record<string, string[]>>> };

const schoolYears = (data as HolidayFile).schoolYears;

/** The official holidays of one school year in one region; [] for a year the data does not cover. */
export function officialHolidays(schoolYear: SchoolYear, region: Region): DayOff[] {
  const holidays = schoolYears[schoolYear];
  if (!holidays) return [];
  const result: DayOff[] = [];
  for (const [name, byRegion] of Object.entries(holidays)) {
    const range = byRegion[region] ?? byRegion[NATIONAL];
    const [start, end] = range ?? [];
    if (start === undefined || end === undefined) continue;
    result.push({ start, end, kind: 'holiday', name, source: 'official' });
  }
  return result.sort((a, b) => a.start.localeCompare(b.start));
}

export function knownSchoolYears(): SchoolYear[] {
  return Object.keys(schoolYears).sort();
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
