import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { MethodOutput } from '../../../electron/app/contract';
import { invoke } from '../../api/client';
import { openProjectorWindow } from './projector-window';

export type PresentationState = NonNullable<MethodOutput<'presentation.state'>>;

/** Query keys of the presentation: the running one's state and the chair's notes per meeting. */
export const presentationKey = ['presentation'] as const;

/**
 * Starts presenting a meeting and opens the projector window (while the click still counts as
 * the user's, so the browser allows the window). False when the browser blocked it.
 */
export async function startPresenting(queryClient: QueryClient, meetingId: string): Promise<boolean> {
  const state = await invoke('presentation.start', { meetingId });
  queryClient.setQueryData([...presentationKey, 'state'], state);
  return openProjectorWindow();
}

/** The running presentation; the console follows it closely, so keys pressed in the projector window show up there too. */
export function usePresentationState(follow: boolean) {
  return useQuery({
    queryKey: [...presentationKey, 'state'],
    queryFn: () => invoke('presentation.state', {}),
    staleTime: 0,
    refetchInterval: follow ? 700 : false,
  });
}

/** The chair's own notes on a meeting's items: nobody else changes them, so they are read once. */
export function useChairNotes(meetingId: string) {
  return useQuery({
    queryKey: [...presentationKey, 'notes', meetingId],
    queryFn: () => invoke('presentation.notes', { meetingId }),
    staleTime: Infinity,
  });
}
