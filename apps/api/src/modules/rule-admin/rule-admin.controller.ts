import {
  type PreviewRequest,
  PreviewRequestSchema,
  type RegionOverrideRequest,
  RegionOverrideRequestSchema,
  regionCode,
  type RuleSetDraftRequest,
  RuleSetDraftRequestSchema,
} from '@healthcode/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { PreviewService } from './preview.service';
import { RuleAdminService } from './rule-admin.service';

const ADMINS = ['region-admin', 'system-admin'] as const;

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin')
export class RuleAdminController {
  constructor(
    private readonly service: RuleAdminService,
    private readonly previews: PreviewService,
  ) {}

  @Get('rule-sets')
  @StaffOnly(...ADMINS)
  list() {
    return this.service.list();
  }

  @Post('rule-sets')
  @StaffOnly(...ADMINS)
  @ApiZodBody(RuleSetDraftRequestSchema)
  create(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new ZodValidationPipe(RuleSetDraftRequestSchema)) body: RuleSetDraftRequest,
  ) {
    return this.service.createDraft(staff, body);
  }

  @Get('rule-sets/:id')
  @StaffOnly(...ADMINS)
  get(@Param('id') id: string) {
    return this.service.get(id);
  }

  @Put('rule-sets/:id')
  @StaffOnly(...ADMINS)
  @ApiZodBody(RuleSetDraftRequestSchema)
  update(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(RuleSetDraftRequestSchema)) body: RuleSetDraftRequest,
  ) {
    return this.service.updateDraft(id, staff, body);
  }

  /** Sets one GB/T 2260 prefix's override; a regional admin only inside their own prefix. */
  @Put('rule-sets/:id/overrides/:prefix')
  @StaffOnly(...ADMINS)
  @ApiZodBody(RegionOverrideRequestSchema)
  override(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Param('prefix', new ZodValidationPipe(regionCode())) prefix: string,
    @Body(new ZodValidationPipe(RegionOverrideRequestSchema)) body: RegionOverrideRequest,
  ) {
    return this.service.setOverride(id, prefix, staff, body);
  }

  @Post('rule-sets/:id/preview')
  @HttpCode(202)
  @StaffOnly(...ADMINS)
  preview(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.service.preview(id, staff);
  }

  @Post('rule-sets/:id/publish')
  @HttpCode(202)
  @StaffOnly(...ADMINS)
  publish(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.service.publish(id, staff);
  }

  /** What-if for risk changes (optionally with a draft): counts, top regions and samples, nothing written. */
  @Post('previews')
  @HttpCode(202)
  @StaffOnly(...ADMINS)
  @ApiZodBody(PreviewRequestSchema)
  whatIf(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new ZodValidationPipe(PreviewRequestSchema)) body: PreviewRequest,
  ) {
    return this.previews.start(staff, body);
  }
}
