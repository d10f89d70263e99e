import { type StaffLookupRequest, StaffLookupRequestSchema, type StaffLookupResponse } from '@healthcode/contracts';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { LookupService } from './lookup.service';

/** POST, not GET: the ID or phone number travels in the body, never in a URL that proxies may log. */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('v1/staff/lookup')
export class LookupController {
  constructor(private readonly lookups: LookupService) {}

  @Post()
  @HttpCode(200)
  @StaffOnly('hotline-agent', 'supervisor')
  @ApiZodBody(StaffLookupRequestSchema)
  lookup(
    @CurrentStaff() me: StaffPrincipal,
    @Body(new ZodValidationPipe(StaffLookupRequestSchema)) body: StaffLookupRequest,
  ): Promise<StaffLookupResponse> {
    return this.lookups.lookup(me, body);
  }
}
