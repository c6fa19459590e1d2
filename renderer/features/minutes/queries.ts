import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodOutput } from '../../../electron/app/contract';
import { invoke } from '../../api/client';
import { useMayCall, useSession } from '../../api/session';
import { meetingKey } from '../agenda/queries';
import { refreshTimelines, timelineKey, useStaff } from '../people/queries';

/**
 * Query keys of the minutes domain, all under ['minutes']: a change to an action (here, or in a
 * meeting's minutes) invalidates that one key and every list and timeline re-reads. Actions are
 * also changed by colleagues and by the passing of time (over tijd), so each screen re-reads them
 * when it opens (staleTime 0).
 */
export const minutesKey = ['minutes'] as const;
const actionsKey = [...minutesKey, 'actions'] as const;

export type ActionFilter = MethodInput<'actions.list'>;
export type ActionRow = MethodOutput<'actions.list'>[number];
export type TimelineEntry = MethodOutput<'students.timeline'>[number];

/**
 * A meeting's agenda with its minutes (the meeting page, the console). Read again every few seconds
 * while the page is open, so colleagues' changes show up; a paragraph being typed is never replaced
 * by that (useAutosave in components/autosave.tsx keeps it).
 */
export function useMeetingMinutes(meetingId: string) {
  return useQuery({
    queryKey: meetingKey(meetingId),
    queryFn: () => invoke('minutes.get', { meetingId }),
    staleTime: 0,
    refetchInterval: 5000,
    refetchIntervalInBackground: false,
  });
}

export function useActionList(filter: ActionFilter) {
  return useQuery({
    queryKey: [...actionsKey, 'list', filter],
    queryFn: () => invoke('actions.list', filter),
    staleTime: 0,
    // Changing a filter keeps the table on screen until the new rows are there, instead of a flash of "Laden".
    placeholderData: keepPreviousData,
  });
}

/** A student's history across domains (intakes, consent, meetings, actions, letters): each domain's change refreshes it. */
export function useStudentTimeline(studentId: string) {
  return useQuery({
    queryKey: [...timelineKey, studentId],
    queryFn: () => invoke('students.timeline', { id: studentId }),
    staleTime: 0,
  });
}

export async function refreshMinutes(queryClient: QueryClient): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: minutesKey }), refreshTimelines(queryClient)]);
}

/**
 * Whether the signed-in user may close, lapse or reopen an action (the rule of actions.setStatus):
 * the team's keepers any, a holder their own. Screens show those buttons only to them.
 */
export function useMayCloseAction(): (action: { holder: { staffId: string | null } | null }) => boolean {
  const keeper = useMayCall('actions.save');
  const { staffCode } = useSession().user;
  const staff = useStaff();
  const myStaffId = staff.data?.find((s) => s.code === staffCode)?.id ?? null;
  return (action) => keeper || (myStaffId !== null && action.holder?.staffId === myStaffId);
}
