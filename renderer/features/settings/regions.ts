export type Region = 'noord' | 'midden' | 'zuid';

export const regionOptions: { value: Region; label: string }[] = [
  { value: 'noord', label: 'Noord' },
  { value: 'midden', label: 'Midden' },
  { value: 'zuid', label: 'Zuid' },
];
