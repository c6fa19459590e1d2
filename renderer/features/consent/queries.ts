import { useQuery, type QueryClient } from '@tanstack/react-query';
import { invoke } from '../../api/client';
import { peopleKey, refreshTimelines } from '../people/queries';

/**
 * Query keys of the consent domain. The register is read together with the people it is about
 * (guardians and their gezag, the birth date, the partners), so it lives under ['people']: every
 * change to a guardian or a partner refreshes it too. Meetings and intakes change elsewhere, so
 * these queries also refetch whenever a screen showing them opens (staleTime 0).
 */
export const consentKey = [...peopleKey, 'consent'] as const;
/** Apart from ['people']: a change to the register or a guardian never re-reads (and re-audits) the track. */
const meldcodeKey = ['meldcode'] as const;

export function useConsentOverview(studentId: string) {
  return useQuery({
    queryKey: [...consentKey, 'overview', studentId],
    queryFn: () => invoke('consent.overview', { studentId }),
    staleTime: 0,
  });
}

/** Only ever mounted for a user who may see the track; dropped from memory as soon as it is not shown. */
export function useMeldcodeTrack(studentId: string) {
  return useQuery({
    queryKey: [...meldcodeKey, studentId],
    queryFn: () => invoke('meldcode.get', { studentId }),
    gcTime: 0,
  });
}

export const meldcodeTrackKey = (studentId: string) => [...meldcodeKey, studentId] as const;

/**
 * After a consent change: the register, the student's timeline, and the intakes whose gate and worklist read it. The
 * intake feature is built on consent, not the other way round, so its key ['intakes'] is named
 * here by value instead of imported.
 */
export async function refreshConsent(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: consentKey }),
    queryClient.invalidateQueries({ queryKey: ['intakes'] }),
    refreshTimelines(queryClient),
  ]);
}

/**
 * After a change of who may see what (roles, the school's Meldcode switch): re-ask whether the
 * track is visible, and forget any track already read.
 */
export async function refreshMeldcodeAccess(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ queryKey: meldcodeKey });
  // Reset, not just invalidate: a cached overview must not show the track for a moment before the answer comes.
  await queryClient.resetQueries({ queryKey: consentKey });
}
