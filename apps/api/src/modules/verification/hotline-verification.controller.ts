import {
  type HotlineVerificationCreate,
  HotlineVerificationCreateSchema,
  type HotlineVerificationDecision,
  HotlineVerificationDecisionSchema,
  type HotlineVerificationQuery,
  HotlineVerificationQuerySchema,
  type HotlineVerificationView,
} from '@healthcode/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { HotlineVerificationService } from './hotline-verification.service';

/** POST bodies, never URLs, carry the ID number. */
@ApiTags('identity')
@ApiBearerAuth()
@Controller('v1/staff/identity-verifications')
export class HotlineVerificationController {
  constructor(private readonly hotline: HotlineVerificationService) {}

  @Post()
  @StaffOnly('hotline-agent', 'supervisor')
  @ApiZodBody(HotlineVerificationCreateSchema)
  file(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new ZodValidationPipe(HotlineVerificationCreateSchema)) body: HotlineVerificationCreate,
  ): Promise<HotlineVerificationView> {
    return this.hotline.file(staff, body);
  }

  @Get()
  @StaffOnly('hotline-agent', 'supervisor')
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new ZodValidationPipe(HotlineVerificationQuerySchema)) query: HotlineVerificationQuery,
  ): Promise<{ items: HotlineVerificationView[] }> {
    return this.hotline.list(staff, query);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @StaffOnly('supervisor')
  @ApiZodBody(HotlineVerificationDecisionSchema)
  decide(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(HotlineVerificationDecisionSchema)) body: HotlineVerificationDecision,
  ): Promise<HotlineVerificationView> {
    return this.hotline.decide(staff, id, body);
  }
}
