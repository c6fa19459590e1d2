import { shortWeekdayDateYear } from '../../electron/shared/dutch-dates';

/** "ZAT di 12 januari 2027": how a meeting is named on every screen. */
export const meetingLabel = (meeting: { title: string; date: string }) => `${meeting.title} ${shortWeekdayDateYear(meeting.date)}`;
