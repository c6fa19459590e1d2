/** The official school holidays (Rijksoverheid open data), as shipped in resources/school-holidays.json. */
import data from '../../../../resources/school-holidays.json' with { type: 'json' };
import type { DayOff, Region, SchoolYear } from '../types';
export { schoolYearBounds, schoolYearOf, shiftSchoolYear } from '../../../shared/school-year';

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
