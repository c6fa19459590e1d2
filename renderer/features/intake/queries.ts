import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodOutput } from '../../../electron/app/contract';
import { invoke } from '../../api/client';
import { refreshTimelines } from '../people/queries';

/**
 * Query keys of the intake domain, all under ['intakes'] (consent changes invalidate that key as
 * well, since the gate reads the register). Intakes change in many places (other users, the
 * schedule, consent), so every screen re-reads them when it opens (staleTime 0).
 */
export const intakesKey = ['intakes'] as const;

export type IntakeRow = MethodOutput<'intakes.list'>[number];
export type IntakeDetail = MethodOutput<'intakes.get'>;
export type IntakeStatus = IntakeRow['status'];
export type MeetingOption = MethodOutput<'intakes.meetingOptions'>['meetings'][number];
export type GateEntry = IntakeDetail['gate'][number];

export function useIntakeList(filter: MethodInput<'intakes.list'>) {
  return useQuery({
    queryKey: [...intakesKey, 'list', filter],
    queryFn: () => invoke('intakes.list', filter),
    staleTime: 0,
  });
}

export function useIntake(id: string) {
  return useQuery({
    queryKey: [...intakesKey, 'detail', id],
    queryFn: () => invoke('intakes.get', { id }),
    staleTime: 0,
  });
}

/** The series a case can be handed in for and their coming meetings (all series when null). */
export function useMeetingOptions(seriesId: string | null) {
  return useQuery({
    queryKey: [...intakesKey, 'meetingOptions', seriesId],
    queryFn: () => invoke('intakes.meetingOptions', { seriesId }),
    staleTime: 0,
  });
}

/** "Toestemming nodig": under ['intakes'], so consent changes refresh it too. */
export function useConsentWorklist() {
  return useQuery({
    queryKey: [...intakesKey, 'consentWorklist'],
    queryFn: () => invoke('intakes.consentWorklist', {}),
    staleTime: 0,
  });
}

export async function refreshIntakes(queryClient: QueryClient): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: intakesKey }), refreshTimelines(queryClient)]);
}
