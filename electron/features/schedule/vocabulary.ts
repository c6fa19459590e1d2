import { officialHolidayNames, seriesColors } from '../../../db/schema/vocabulary';

/** The fixed words of the schedule domain, shared by the contract and the screens (the stored ones come from the schema). */

export { officialHolidayNames, seriesColors };
export { schoolYearOf } from '../../shared/school-year';
export type SeriesColor = (typeof seriesColors)[number];

export const seriesKinds = ['IOT', 'ZAT', 'FlexZAT', 'OT', 'MDO', 'LCO'] as const;
