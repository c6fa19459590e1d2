import { registerMeetingFollower } from '../features/agenda/queries';
import { registerMeetingSource } from '../features/agenda/meeting-parts';
import { minutesKey, useMeetingMinutes } from '../features/minutes/queries';

/**
 * How the agenda reads and refreshes what the minutes add to a meeting. Registered at start-up, not
 * with the meeting page's chunk: any screen that changes a meeting must refresh the Acties list too.
 */
export function registerMeetingData(): void {
  registerMeetingSource('minutes', useMeetingMinutes);
  registerMeetingFollower('minutes', minutesKey);
}
