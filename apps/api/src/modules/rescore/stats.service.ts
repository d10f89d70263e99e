import { addDays, type Color, type ColorCounts, type ColorStatsResponse, cstDate } from '@healthcode/contracts';
import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { ColorCountsRepository } from '../color-counts/color-counts.repository';
import { cellKey, suppressedCells } from './complementary-suppression.util';
import { suppressSmallCounts } from './suppress-small-counts.util';
import { TtlCache } from './ttl-cache';

type RawCounts = Record<Color, number>;
const zero = (): RawCounts => ({ green: 0, yellow: 0, red: 0 });

/**
 * Public colour statistics, read from the counters (a few thousand rows), never from residents. Small yellow and red
 * counts are suppressed (STATS_SUPPRESS_BELOW) in the totals, every child region and every trend day, and more
 * counts are hidden where a small one could otherwise be had by subtraction (`suppressedCells`).
 * Each answer is kept per process for STATS_CACHE_SECONDS (default 5), keyed by region, days and today's CST date:
 * a request within that window gets exactly the answer computed at its start (never a mix of older and newer
 * counters), so a burst of public requests reads the counters once per key per window.
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly counts: ColorCountsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cache = new TtlCache(config.publicStats.cacheSeconds * 1000);
  }

  private readonly cache: TtlCache<ColorStatsResponse>;

  /** The answer for `region` over `days`, from this process's cache when computed less than the TTL ago. */
  colors(region: string, days: number): Promise<ColorStatsResponse> {
    const now = this.clock.now();
    const key = `${region}|${days}|${cstDate(now)}`;
    return this.cache.get(key, now.getTime(), () => this.compute(region, days));
  }

  /** Computed from the counters now, bypassing the cache. */
  async compute(region: string, days: number): Promise<ColorStatsResponse> {
    const today = cstDate(this.clock.now());
    const from = addDays(today, -(days - 1));
    // The whole tree (a few thousand counters): which cells are hidden must not depend on the region asked for.
    const [all, snapshots] = await Promise.all([this.counts.all(), this.counts.days(region, from)]);
    const tree = new Map<string, RawCounts>();
    for (const row of all) {
      const c = tree.get(row.region) ?? zero();
      c[row.color] = row.count;
      tree.set(row.region, c);
    }
    const below = this.config.publicStats.suppressBelow;
    const hidden = suppressedCells(tree, below);
    const shown = (r: string): ColorCounts => {
      const c = tree.get(r) ?? zero();
      return {
        green: c.green,
        yellow: hidden.has(cellKey(r, 'yellow')) ? null : c.yellow,
        red: hidden.has(cellKey(r, 'red')) ? null : c.red,
      };
    };
    const children = [...tree.keys()]
      .filter((r) => r.length === region.length + 2 && r.startsWith(region))
      .sort((a, b) => (a < b ? -1 : 1));
    const top = shown(region);
    const trend = carryForward(snapshots, from, today).map((day) => suppressSmallCounts(day, below));
    // Today's point is the total above: a count hidden there to protect another is hidden here too.
    const last = trend[trend.length - 1];
    if (last && top.yellow === null) last.yellow = null;
    if (last && top.red === null) last.red = null;
    return {
      region,
      suppressBelow: below,
      counts: top,
      children: children.map((r) => ({ region: r, counts: shown(r) })),
      trend,
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
