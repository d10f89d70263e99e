import { addDays, type Color, type ColorCounts, type ColorStatsResponse, cstDate } from '@healthcode/contracts';
import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { ColorCountsRepository } from '../color-counts/color-counts.repository';
import { suppressSmallCounts } from './suppress-small-counts.util';

type RawCounts = Record<Color, number>;
const zero = (): RawCounts => ({ green: 0, yellow: 0, red: 0 });

/**
 * Public colour statistics, read from the counters (a handful of rows), never from residents. Small yellow and
 * red counts are suppressed (STATS_SUPPRESS_BELOW) in the totals, every child region and every trend day.
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly counts: ColorCountsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async colors(region: string, days: number): Promise<ColorStatsResponse> {
    const today = cstDate(this.clock.now());
    const from = addDays(today, -(days - 1));
    const [current, snapshots] = await Promise.all([this.counts.current(region), this.counts.days(region, from)]);
    const counts = zero();
    const children = new Map<string, RawCounts>();
    for (const row of current) {
      if (row.region === region) counts[row.color] = row.count;
      else {
        const c = children.get(row.region) ?? zero();
        c[row.color] = row.count;
        children.set(row.region, c);
      }
    }
    const below = this.config.publicStats.suppressBelow;
    return {
      region,
      suppressBelow: below,
      counts: suppressSmallCounts(counts, below),
      children: [...children.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([r, c]): { region: string; counts: ColorCounts } => ({
          region: r,
          counts: suppressSmallCounts(c, below),
        })),
      trend: carryForward(snapshots, from, today).map((day) => suppressSmallCounts(day, below)),
    };
  }
}

/** One entry per day: a day without a snapshot keeps the previous day's counts. */
export function carryForward(
  snapshots: readonly { day: string; color: Color; count: number }[],
  from: string,
  to: string,
): ({ date: string } & RawCounts)[] {
  const byDay = new Map<string, RawCounts>();
  for (const s of snapshots) {
    const c = byDay.get(s.day) ?? zero();
    c[s.color] = s.count;
    byDay.set(s.day, c);
  }
  const earlier = [...byDay.keys()].filter((d) => d < from).sort();
  let last: RawCounts = earlier.length ? (byDay.get(earlier[earlier.length - 1]) as RawCounts) : zero();
  const out: ({ date: string } & RawCounts)[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    last = byDay.get(d) ?? last;
    out.push({ date: d, ...last });
  }
  return out;
}
