import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../electron/app/contract';
import { invoke } from '../../api/client';

/** Query keys of the people domain: every mutation invalidates ['people']. */
export const peopleKey = ['people'] as const;

/**
 * A student's timeline, read from every domain built on people (intakes, consent, minutes,
 * letters). Each of them calls refreshTimelines after a change, so the student page shows it
 * without a reload; under ['people'] so a change to the student or a guardian re-reads it too.
 */
export const timelineKey = [...peopleKey, 'timeline'] as const;

export function refreshTimelines(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: timelineKey });
}

export function useStudentSearch(input: MethodInput<'students.search'>) {
  return useQuery({
    queryKey: [...peopleKey, 'search', input],
    queryFn: () => invoke('students.search', input),
    placeholderData: keepPreviousData,
  });
}

export function useStudentFilters() {
  return useQuery({ queryKey: [...peopleKey, 'filters'], queryFn: () => invoke('students.filters', {}) });
}

export function useStudent(id: string) {
  return useQuery({ queryKey: [...peopleKey, 'student', id], queryFn: () => invoke('students.get', { id }) });
}

export function useStaff() {
  return useQuery({ queryKey: [...peopleKey, 'staff'], queryFn: () => invoke('staff.list', {}) });
}

export function usePartners() {
  return useQuery({ queryKey: [...peopleKey, 'partners'], queryFn: () => invoke('partners.list', {}) });
}

/** dd-mm-jjjj, as Dutch schools write dates. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}
