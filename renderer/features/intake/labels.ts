import { deadlineDate } from '../../../electron/shared/dutch-dates';
import { meetingLabel } from '../../components/meeting-label';
import type { IntakeRow, IntakeStatus, MeetingOption } from './queries';

/** Dutch wording and colours of the intake screens. */

export const statusLabels: Record<IntakeStatus, string> = {
  concept: 'Concept',
  ingediend: 'Ingediend',
  geaccepteerd: 'Geaccepteerd',
  teruggestuurd: 'Teruggestuurd',
  besproken: 'Besproken',
  afgesloten: 'Afgesloten',
};

export const statusColors: Record<IntakeStatus, string> = {
  concept: 'gray',
  ingediend: 'blue',
  geaccepteerd: 'teal',
  teruggestuurd: 'orange',
  besproken: 'violet',
  afgesloten: 'dark',
};

export const consentColors: Record<IntakeRow['consent']['state'], string> = {
  ok: 'teal',
  missing: 'orange',
  refused: 'red',
  route: 'blue',
  anoniem: 'blue',
  intern: 'gray',
  'geen-overleg': 'gray',
};

/** "ZAT di 12 januari 2027 · aanmelden t/m 05-01", with the deadline marked once it passed. */
export function meetingOptionLabel(
  meeting: Pick<MeetingOption, 'title' | 'date' | 'intakeDeadline' | 'deadlinePassed'>,
  today: string,
): string {
  const base = meetingLabel(meeting);
  if (!meeting.intakeDeadline) return base;
  const deadline = deadlineDate(meeting.intakeDeadline, today);
  return meeting.deadlinePassed ? `${base} · aanmeldtermijn verstreken (${deadline})` : `${base} · aanmelden t/m ${deadline}`;
}

/** "A, B en C" */
export function listJoin(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

/** "Er ontbreekt nog één verplicht veld." / "Er ontbreken nog 3 verplichte velden." */
export const missingSummary = (count: number) =>
  count === 1 ? 'Er ontbreekt nog één verplicht veld.' : `Er ontbreken nog ${count} verplichte velden.`;
