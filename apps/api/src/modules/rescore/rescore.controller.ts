import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { StaffOnly } from '../auth/auth.guard';
import { RescoreRunService } from './rescore-run.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('v1/rescore')
export class RescoreController {
  constructor(private readonly runs: RescoreRunService) {}

  /** The newest runs that change codes (publishing, risk levels, imports), newest first, with their progress. */
  @Get('runs')
  @StaffOnly()
  list() {
    return this.runs.recent();
  }

  /** Progress of a re-scoring or preview run: done, total, rate, ETA (and, for a finished preview, its result). */
  @Get('runs/:id')
  @StaffOnly()
  run(@Param('id') id: string) {
    return this.runs.view(id);
  }
}
