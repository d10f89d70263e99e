import type { AppealStatsResponse, AppealView } from '@healthcode/contracts';

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

/** The first page (up to 100) of appeals in the staff member's scope (hotline roles only), to count the backlog and breaches. */
export function fetchOpenAppeals(signal?: AbortSignal): Promise<{ items: AppealView[]; total: number }> {
  return request('/v1/appeals', { query: { pageSize: 100 }, signal });
}
