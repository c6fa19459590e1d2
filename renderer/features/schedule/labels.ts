import { format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';

/** Dutch wording and date formats of the schedule screens. */

export const weekdayOptions = [
  { value: '1', label: 'maandag' },
  { value: '2', label: 'dinsdag' },
  { value: '3', label: 'woensdag' },
  { value: '4', label: 'donderdag' },
  { value: '5', label: 'vrijdag' },
];

export const colorLabels: Record<string, string> = {
  teal: 'groenblauw',
  grape: 'paars',
  orange: 'oranje',
  blue: 'blauw',
  pink: 'roze',
  lime: 'lichtgroen',
  indigo: 'indigo',
  red: 'rood',
  cyan: 'cyaan',
  yellow: 'geel',
};

export const officialHolidayNames = ['herfstvakantie', 'kerstvakantie', 'voorjaarsvakantie', 'meivakantie', 'zomervakantie'];

export const overrideKindLabels = {
  holiday: 'Vakantie',
  'study-day': 'Studiedag',
  'no-meetings': 'Geen overleggen',
} as const;

/** "di 3 november" */
export const shortDate = (iso: string) => format(parseISO(iso), 'EEEEEE d MMMM', { locale: nl });
/** "di 3 november 2026" */
export const mediumDate = (iso: string) => format(parseISO(iso), 'EEEEEE d MMMM yyyy', { locale: nl });
/** "03-11" */
export const dayMonth = (iso: string) => format(parseISO(iso), 'dd-MM');

export function dateRange(start: string, end: string): string {
  return start === end ? mediumDate(start) : `${shortDate(start)} t/m ${mediumDate(end)}`;
}
