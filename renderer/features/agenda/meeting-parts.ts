import type { UseQueryResult } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { registry } from '../../../electron/shared/registry';
import type { AgendaItem, MeetingMinutes } from './queries';

/**
 * The meeting page is the agenda's, but most of what it shows belongs to the domains built on it:
 * the minutes under each item, the documents menu, the presentation. They register their parts at
 * start-up (renderer/app/meeting-data.ts, meeting-parts.tsx), so the agenda screens import none of them.
 */
export interface MeetingPartProps {
  meeting: MeetingMinutes;
  /** The item on screen, when one is chosen. */
  selectedId: string | null;
  /** Stores every paragraph being typed, and fails when one cannot be stored: before an export. */
  beforeExport(): Promise<unknown>;
  /** Runs a change: a failure shows on the page, and the meeting is read again either way. */
  run(work: () => Promise<unknown>): void;
}

export interface ItemPartProps {
  meeting: MeetingMinutes;
  item: AgendaItem;
  beforeExport(): Promise<unknown>;
  /** An action just added (Alt+A): it takes the focus. */
  focusActionId: string | null;
  /** The item was chosen from the keyboard: its first paragraph takes the focus, so typing goes on. */
  focusFirstField: boolean;
  onNewAction(): void;
}

export interface MeetingPart {
  /** Buttons in the page's header, after the agenda's own. */
  Buttons?: ComponentType<MeetingPartProps>;
  /** Tools above the chosen item, shown when `when` says they apply to it. */
  ItemTools?: { when(meeting: MeetingMinutes, item: AgendaItem): boolean; Tools: ComponentType<ItemPartProps> };
  /** What the chosen item holds (the minutes). */
  ItemBody?: ComponentType<ItemPartProps>;
  /** Below the chosen item. */
  Below?: ComponentType<MeetingPartProps>;
  /** The page's keys, shown on ? or F1. */
  Shortcuts?: ComponentType<{ opened: boolean; onClose(): void }>;
}

const parts = registry<MeetingPart>();
/** Reads the meeting the page shows: one domain registers it (the minutes: the agenda with its minutes). */
const sources = registry<(meetingId: string) => UseQueryResult<MeetingMinutes>>();

export const registerMeetingPart = (domain: string, part: MeetingPart): void => parts.register(domain, part);
export const meetingParts = (): MeetingPart[] => parts.entries();

export const registerMeetingSource = (domain: string, read: (meetingId: string) => UseQueryResult<MeetingMinutes>): void =>
  sources.register(domain, read);

export function useMeetingSource(meetingId: string): UseQueryResult<MeetingMinutes> {
  const read = sources.entries()[0];
  if (!read) throw new Error('Nothing reads the meeting page: register a source in renderer/app/meeting-data.ts.');
  return read(meetingId);
}
