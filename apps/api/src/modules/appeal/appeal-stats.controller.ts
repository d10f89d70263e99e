import type { AppealStatsResponse } from '@healthcode/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Public } from '../auth/auth.guard';
import { AppealStatsService } from './appeal-stats.service';

@ApiTags('public')
@Controller('v1/stats/appeals')
export class AppealStatsController {
  constructor(private readonly stats: AppealStatsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Median time to a decision, share decided within deadline, overturn rate per rule' })
  get(): Promise<AppealStatsResponse> {
    return this.stats.stats();
  }
}
