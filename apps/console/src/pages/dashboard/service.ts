import type { AppealBacklogResponse, AppealStatsResponse } from '@healthcode/contracts';

import { request } from '../../services/request';
import type { ColorStats } from './types';

export const colorStatsQueryKey = (region: string) => ['stats', 'colors', region] as const;

/** An empty region scope (the whole country) sends no `region` parameter. */
export function fetchColorStats(region: string, signal?: AbortSignal): Promise<ColorStats> {
  return request<ColorStats>('/v1/stats/colors', { query: { region }, signal });
}

export const appealStatsQueryKey = ['stats', 'appeals'] as const;

/** `GET /api/v1/stats/appeals`: public, nothing per person. */
export function fetchAppealStats(signal?: AbortSignal): Promise<AppealStatsResponse> {
  return request<AppealStatsResponse>('/v1/stats/appeals', { signal });
}

export const appealBacklogQueryKey = ['appeals', 'backlog'] as const;

/** `GET /api/v1/appeals/backlog`: all undecided appeals in the staff member's scope, counted by the server. */
export function fetchAppealBacklog(signal?: AbortSignal): Promise<AppealBacklogResponse> {
  return request<AppealBacklogResponse>('/v1/appeals/backlog', { signal });
}
