import type { AppealCategoriesResponse } from '@healthcode/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ActsFor } from '../auth/acts-for.decorator';
import { ResidentOnly } from '../auth/auth.guard';
import { CurrentResident } from '../auth/current-principal.decorator';
import type { ResidentPrincipal } from '../auth/session-token.service';
import { AppealFilingService } from './appeal-filing.service';

@ApiTags('appeals')
@ApiBearerAuth()
@Controller('v1/me/appeal-categories')
export class ResidentAppealCategoryController {
  constructor(private readonly filing: AppealFilingService) {}

  @Get()
  @ResidentOnly()
  @ActsFor({ purpose: 'read the appeal categories', scope: 'appeal' })
  @ApiOperation({ summary: 'The appeal categories I can choose: those of the region responsible for my code' })
  list(@CurrentResident() me: ResidentPrincipal): Promise<AppealCategoriesResponse> {
    return this.filing.categories(me.residentId);
  }
}
