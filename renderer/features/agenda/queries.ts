import { useQuery, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { MethodInput, MethodOutput } from '../../../electron/app/contract';
import { registry } from '../../../electron/shared/registry';
import { invoke } from '../../api/client';

/**
 * Query keys of a meeting's page: the meeting list and one meeting's agenda with its minutes
 * (read by the minutes, which own minutes.get: useMeetingMinutes in minutes/queries.ts).
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

/** Queries of the domains built on agenda that show what a meeting's change touches (the minutes' actions). */
const followers = registry<QueryKey>();
export const registerMeetingFollower = (domain: string, queryKey: QueryKey): void => followers.register(domain, queryKey);

/** After a change to a meeting: its page, the lists, and what follows it (the Acties screen and timelines). */
export function refreshMeeting(queryClient: QueryClient, meetingId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: meetingKey(meetingId) }),
    queryClient.invalidateQueries({ queryKey: [...meetingsKey, 'list'] }),
    queryClient.invalidateQueries({ queryKey: [...meetingsKey, 'suggestions', meetingId] }),
    ...followers.entries().map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    queryClient.invalidateQueries({ queryKey: ['intakes'] }),
  ]).then(() => undefined);
}
