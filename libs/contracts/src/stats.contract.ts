import { z } from 'zod';

import { regionScopeCode } from './region-code.contract';

/** `GET /api/v1/stats/colors?region=PREFIX` ('' or absent: the whole country). */
export const ColorStatsQuerySchema = z.strictObject({
  region: regionScopeCode().default(''),
  days: z.coerce.number().int().min(1).max(90).default(14),
});
export type ColorStatsQuery = z.infer<typeof ColorStatsQuerySchema>;

/**
 * Residents per colour. A yellow or red count from 1 to `suppressBelow` − 1 is `null` (suppressed): so few people
 * could be singled out in a small region. So is a larger count where a small one could otherwise be had by
 * subtraction (a parent minus its visible children). Green and zero counts are always shown.
 */
export interface ColorCounts {
  green: number;
  yellow: number | null;
  red: number | null;
}

export interface ColorStatsResponse {
  region: string;
  /** STATS_SUPPRESS_BELOW: yellow and red counts below this (and above 0) are `null`. */
  suppressBelow: number;
  counts: ColorCounts;
  children: { region: string; counts: ColorCounts }[];
  /** One entry per CST day, oldest first, as counts stood at the end of that day. */
  trend: ({ date: string } & ColorCounts)[];
}
