import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodOutput } from '../../../electron/api/contract';
import { invoke } from '../../api/client';
import { minutesKey } from '../minutes/queries';

/**
 * Query keys of a meeting's page: the meeting list and one meeting's agenda with its minutes.
 * The page re-reads the meeting every few seconds while it is open, so colleagues' changes show
 * up; a paragraph being typed is never replaced by that (see useMinuteField).
 */
export const meetingsKey = ['meetings'] as const;

export type MeetingSummary = MethodOutput<'agenda.meetings'>[number];
export type MeetingMinutes = MethodOutput<'minutes.get'>;
export type AgendaItem = MeetingMinutes['items'][number];
export type MinuteFieldView = AgendaItem['fields'][number];
export type ActionView = AgendaItem['actions'][number];

export function useMeetingList(scope: MethodInput<'agenda.meetings'>['scope']) {
  return useQuery({
    queryKey: [...meetingsKey, 'list', scope],
    queryFn: () => invoke('agenda.meetings', { scope }),
    staleTime: 0,
  });
}

export const meetingKey = (meetingId: string) => [...meetingsKey, 'detail', meetingId] as const;

export function useMeetingMinutes(meetingId: string) {
  return useQuery({
    queryKey: meetingKey(meetingId),
    queryFn: () => invoke('minutes.get', { meetingId }),
    staleTime: 0,
    refetchInterval: 5000,
    refetchIntervalInBackground: false,
  });
}

export function useSuggestions(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...meetingsKey, 'suggestions', meetingId],
    queryFn: () => invoke('agenda.suggestions', { meetingId }),
    staleTime: 0,
    enabled,
  });
}

/** Changes one item in the cached meeting (after a save), so returning to it shows what is stored. */
export function patchItem(queryClient: QueryClient, meetingId: string, itemId: string, patch: (item: AgendaItem) => AgendaItem): void {
  queryClient.setQueryData<MeetingMinutes>(meetingKey(meetingId), (old) =>
    old ? { ...old, items: old.items.map((i) => (i.id === itemId ? patch(i) : i)) } : old,
  );
}

/** After a change to a meeting: its page, the lists, and the actions (the Acties screen and timelines). */
export function refreshMeeting(queryClient: QueryClient, meetingId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: meetingKey(meetingId) }),
    queryClient.invalidateQueries({ queryKey: [...meetingsKey, 'list'] }),
    queryClient.invalidateQueries({ queryKey: [...meetingsKey, 'suggestions', meetingId] }),
    queryClient.invalidateQueries({ queryKey: minutesKey }),
    queryClient.invalidateQueries({ queryKey: ['intakes'] }),
  ]).then(() => undefined);
}
