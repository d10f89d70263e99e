import type { AppealStatsResponse } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { Clock } from '../clock/clock';
import { appealStats } from './appeal-stats.util';
import { AppealRepository } from './appeal.repository';

/**
 * A public route reading every decided appeal: computed at most once a minute per process, and again at once on the
 * process that records a decision (its own staff see their decision counted; other processes within the minute).
 */
const CACHE_MS = 60_000;

/** The public numbers people can hold the hotline to. */
@Injectable()
export class AppealStatsService {
  private cached: { at: number; value: AppealStatsResponse } | null = null;

  constructor(
    private readonly repo: AppealRepository,
    private readonly clock: Clock,
  ) {}

  async stats(): Promise<AppealStatsResponse> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.at < CACHE_MS && now >= this.cached.at) return this.cached.value;
    const value = appealStats(await this.repo.decidedForStats());
    this.cached = { at: now, value };
    return value;
  }

  invalidate(): void {
    this.cached = null;
  }
}
