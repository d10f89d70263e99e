import { z } from 'zod';

import { regionScopeCode } from './region-code.contract';

/** `GET /api/v1/stats/colors?region=PREFIX` ('' or absent: the whole country). */
export const ColorStatsQuerySchema = z.strictObject({
  region: regionScopeCode().default(''),
  days: z.coerce.number().int().min(1).max(90).default(14),
});
export type ColorStatsQuery = z.infer<typeof ColorStatsQuerySchema>;

export interface ColorCounts {
  green: number;
  yellow: number;
  red: number;
}

export interface ColorStatsResponse {
  region: string;
  counts: ColorCounts;
  children: { region: string; counts: ColorCounts }[];
  /** One entry per CST day, oldest first, as counts stood at the end of that day. */
  trend: ({ date: string } & ColorCounts)[];
}
