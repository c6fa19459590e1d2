import type { Region } from '../../electron/features/schedule/types';

export type { Region };

export const regionOptions: { value: Region; label: string }[] = [
  { value: 'noord', label: 'Noord' },
  { value: 'midden', label: 'Midden' },
  { value: 'zuid', label: 'Zuid' },
];
