import type { Color } from '@healthcode/contracts';

// Local until the stats endpoint's types land in @healthcode/contracts.
export type ColorCounts = Record<Color, number>;

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
  counts: ColorCounts;
  children: RegionColorCounts[];
  trend: ColorTrendPoint[];
}
