import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ResidentOnly } from '../auth/auth.guard';
import { CurrentResident } from '../auth/current-principal.decorator';
import type { ResidentPrincipal } from '../auth/session-token.service';
import { type RetentionSummary, RetentionService } from './retention.service';

@ApiTags('resident')
@ApiBearerAuth()
@Controller('v1/me/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  /** Each of the resident's records with the date it will be deleted, and the periods in force. */
  @Get()
  @ResidentOnly()
  summary(@CurrentResident() me: ResidentPrincipal): Promise<RetentionSummary> {
    return this.retention.summaryFor(me.residentId);
  }
}
