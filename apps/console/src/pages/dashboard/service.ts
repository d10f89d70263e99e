import { request } from '../../services/request';
import type { ColorStats } from './types';

export const colorStatsQueryKey = (region: string) => ['stats', 'colors', region] as const;

/** An empty region scope (the whole country) sends no `region` parameter. */
export function fetchColorStats(region: string, signal?: AbortSignal): Promise<ColorStats> {
  return request<ColorStats>('/v1/stats/colors', { query: { region }, signal });
}
