import type { RescoreRunListResponse, RescoreRunResponse } from '@healthcode/contracts';

import { request } from './request';

export const rescoreRunQueryKey = (id: string) => ['rescore-runs', id] as const;

/** `GET /api/v1/rescore/runs/:id`: progress of a re-scoring or what-if run. */
export function fetchRescoreRun(id: string, signal?: AbortSignal): Promise<RescoreRunResponse> {
  return request<RescoreRunResponse>(`/v1/rescore/runs/${encodeURIComponent(id)}`, { signal });
}

export const rescoreRunsQueryKey = ['rescore-runs', 'recent'] as const;

/** `GET /api/v1/rescore/runs`: the newest runs that change codes, whoever started them. */
export function fetchRescoreRuns(signal?: AbortSignal): Promise<RescoreRunListResponse> {
  return request<RescoreRunListResponse>('/v1/rescore/runs', { signal });
}
