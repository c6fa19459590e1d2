import type { IsoDate, SchoolYear } from './types';

/** The fixed words of the schedule domain, shared by the contract, the database and the screens. */

/** Series colours in the year view (Mantine palette names; shown at shade 9 for contrast with white text). */
export const seriesColors = ['teal', 'grape', 'orange', 'blue', 'pink', 'indigo', 'red', 'cyan', 'violet', 'green'] as const;
export type SeriesColor = (typeof seriesColors)[number];

export const seriesKinds = ['IOT', 'ZAT', 'FlexZAT', 'OT', 'MDO', 'LCO'] as const;

/** The official holidays a school may move (their names in the holiday data). */
export const officialHolidayNames = ['herfstvakantie', 'kerstvakantie', 'voorjaarsvakantie', 'meivakantie', 'zomervakantie'] as const;

/** The school year a date belongs to; the year turns on 1 August. Pure string work: no time zone can shift it. */
export function schoolYearOf(date: IsoDate): SchoolYear {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const first = month >= 8 ? year : year - 1;
  return `${first}-${first + 1}`;
}
