import type { AppealStatsResponse } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { appealStats } from './appeal-stats.util';
import { AppealRepository } from './appeal.repository';

/** The public numbers people can hold the hotline to. */
@Injectable()
export class AppealStatsService {
  constructor(private readonly repo: AppealRepository) {}

  async stats(): Promise<AppealStatsResponse> {
    return appealStats(await this.repo.decidedForStats());
  }
}
