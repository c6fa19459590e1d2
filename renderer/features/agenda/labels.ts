import type { MeetingState } from '../../../electron/features/agenda/vocabulary';

/** Badge colours of a meeting's state: running stands out, fixed minutes are quiet. */
export const stateColors: Record<MeetingState, string> = {
  gepland: 'gray',
  'agenda-verstuurd': 'blue',
  bezig: 'red',
  afgelopen: 'orange',
  vastgesteld: 'teal',
};
