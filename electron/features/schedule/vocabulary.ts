import { officialHolidayNames, seriesColors } from '../../../db/schema/vocabulary';
import type { IsoDate, SchoolYear } from './types';

/** The fixed words of the schedule domain, shared by the contract and the screens (the stored ones come from the schema). */

export { officialHolidayNames, seriesColors };
export type SeriesColor = (typeof seriesColors)[number];

export const seriesKinds = ['IOT', 'ZAT', 'FlexZAT', 'OT', 'MDO', 'LCO'] as const;


/** The school year a date belongs to; the year turns on 1 August. Pure string work: no time zone can shift it. */
export function schoolYearOf(date: IsoDate): SchoolYear {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const first = month >= 8 ? year : year - 1;
  return `${first}-${first + 1}`;
}
