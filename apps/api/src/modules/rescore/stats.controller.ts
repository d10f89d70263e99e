import { type ColorStatsQuery, ColorStatsQuerySchema } from '@healthcode/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { ApiZodQuery } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { Public } from '../auth/auth.guard';
import { StatsService } from './stats.service';

@ApiTags('public')
@Controller('v1/stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  /** Residents per colour in a region and each child region, with a daily trend; public and anonymous. */
  @Get('colors')
  @Public()
  @ApiZodQuery('region', ColorStatsQuerySchema.shape.region, false)
  colors(@Query(new ZodValidationPipe(ColorStatsQuerySchema)) query: ColorStatsQuery) {
    return this.stats.colors(query.region, query.days);
  }
}
