import type { Color } from '@healthcode/contracts';

// Local until the stats endpoint's types land in @healthcode/contracts.
/** null: a yellow or red count below the suppression threshold, hidden so few people cannot be singled out. */
export type ColorCounts = Record<Color, number | null>;

export interface RegionColorCounts {
  /** GB/T 2260 code of a direct child of the requested region. */
  region: string;
  counts: ColorCounts;
}

export interface ColorTrendPoint extends ColorCounts {
  /** ISO calendar date (CST). */
  date: string;
}

/** `GET /api/v1/stats/colors?region=` */
export interface ColorStats {
  region: string;
  /** Yellow and red counts from 1 to this − 1 come back as null (STATS_SUPPRESS_BELOW). */
  suppressBelow: number;
  counts: ColorCounts;
  children: RegionColorCounts[];
  trend: ColorTrendPoint[];
}
