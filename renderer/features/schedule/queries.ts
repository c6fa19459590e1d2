import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { invoke } from '../../api/client';

/** Query keys of the schedule domain: every mutation invalidates ['schedule']. */
export const scheduleKey = ['schedule'] as const;

export function useScheduleOverview(schoolYear: string) {
  return useQuery({
    queryKey: [...scheduleKey, 'overview', schoolYear],
    queryFn: () => invoke('schedule.overview', { schoolYear }),
    placeholderData: keepPreviousData,
  });
}

export function useSeries() {
  return useQuery({ queryKey: [...scheduleKey, 'series'], queryFn: () => invoke('series.list', {}) });
}
