import type { SeriesColor } from '../../../electron/features/schedule/vocabulary';

/** Dutch wording of the schedule screens; date wording comes from electron/shared/dutch-dates. */

export const weekdayOptions = [
  { value: '1', label: 'maandag' },
  { value: '2', label: 'dinsdag' },
  { value: '3', label: 'woensdag' },
  { value: '4', label: 'donderdag' },
  { value: '5', label: 'vrijdag' },
];

export const colorLabels: Record<SeriesColor, string> = {
  teal: 'groenblauw',
  grape: 'paars',
  orange: 'oranje',
  blue: 'blauw',
  pink: 'roze',
  indigo: 'indigo',
  red: 'rood',
  cyan: 'cyaan',
  violet: 'violet',
  green: 'groen',
};

/** Meeting colours at shade 9: white bold text on them stays readable (WCAG AA). */
export const seriesColor = (color: string) => `var(--mantine-color-${color}-9)`;

export const overrideKindLabels = {
  holiday: 'Vakantie',
  'study-day': 'Studiedag',
  'no-meetings': 'Geen overleggen',
  'school-day': 'Toch schooldag (feestdag waarop de school open is)',
} as const;
