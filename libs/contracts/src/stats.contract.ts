import { z } from 'zod';

/** `GET /api/v1/stats/colors?region=PREFIX` ('' or absent: the whole country). */
export const ColorStatsQuerySchema = z.strictObject({
  region: z
    .string()
    .regex(
      /^(\d{2}(\d{2}){0,2})?$/,
      'A region code has 2, 4 or 6 digits (GB/T 2260), or leave it empty for the whole country',
    )
    .default(''),
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
