import { useQuery } from '@tanstack/react-query';

import { fetchRescoreRun, rescoreRunQueryKey } from '../../services/rescore-run.service';

export const RUN_POLL_MS = 1000;

/** Follows a run once a second until it is finished (then the last answer stays on screen). */
export function useRescoreRun(runId: string | null | undefined) {
  return useQuery({
    queryKey: rescoreRunQueryKey(runId ?? ''),
    queryFn: ({ signal }) => fetchRescoreRun(runId as string, signal),
    enabled: Boolean(runId),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.state === 'finished' ? false : RUN_POLL_MS),
  });
}
