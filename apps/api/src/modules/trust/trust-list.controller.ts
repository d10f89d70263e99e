import {
  type TrustedIssuerAddRequest,
  TrustedIssuerAddRequestSchema,
  type TrustedIssuerKeyUpdateRequest,
  TrustedIssuerKeyUpdateRequestSchema,
  type TrustedIssuerListResponse,
  type TrustedIssuerReason,
  TrustedIssuerReasonSchema,
  type TrustedIssuerView,
} from '@healthcode/contracts';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { RequestBaseUrl } from './request-base-url.decorator';
import { TrustListService } from './trust-list.service';

/** The trust list of peer issuers: system administrators; adding and reinstating need a second one to approve. */
@ApiTags('trust')
@ApiBearerAuth()
@Controller('v1/admin/trusted-issuers')
@StaffOnly('system-admin')
export class TrustListController {
  constructor(private readonly trust: TrustListService) {}

  @Get()
  list(@RequestBaseUrl() baseUrl: string): Promise<TrustedIssuerListResponse> {
    return this.trust.list(baseUrl);
  }

  @Post()
  @ApiZodBody(TrustedIssuerAddRequestSchema)
  add(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new ZodValidationPipe(TrustedIssuerAddRequestSchema)) body: TrustedIssuerAddRequest,
  ): Promise<TrustedIssuerView> {
    return this.trust.add(staff, body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<TrustedIssuerView> {
    return this.trust.approve(staff, id);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @ApiZodBody(TrustedIssuerReasonSchema)
  suspend(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(TrustedIssuerReasonSchema)) body: TrustedIssuerReason,
  ): Promise<TrustedIssuerView> {
    return this.trust.suspend(staff, id, body.reason);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @ApiZodBody(TrustedIssuerReasonSchema)
  reinstate(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(TrustedIssuerReasonSchema)) body: TrustedIssuerReason,
  ): Promise<TrustedIssuerView> {
    return this.trust.reinstate(staff, id, body.reason);
  }

  @Post(':id/keys')
  @HttpCode(200)
  @ApiZodBody(TrustedIssuerKeyUpdateRequestSchema)
  requestKeys(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(TrustedIssuerKeyUpdateRequestSchema)) body: TrustedIssuerKeyUpdateRequest,
  ): Promise<TrustedIssuerView> {
    return this.trust.requestKeys(staff, id, body);
  }

  @Post(':id/keys/approve')
  @HttpCode(200)
  approveKeys(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<TrustedIssuerView> {
    return this.trust.approveKeys(staff, id);
  }

  @Post(':id/keys/discard')
  @HttpCode(200)
  @ApiZodBody(TrustedIssuerReasonSchema)
  discardKeys(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(TrustedIssuerReasonSchema)) body: TrustedIssuerReason,
  ): Promise<TrustedIssuerView> {
    return this.trust.discardKeys(staff, id, body.reason);
  }

  @Post(':id/remove')
  @HttpCode(200)
  @ApiZodBody(TrustedIssuerReasonSchema)
  remove(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(TrustedIssuerReasonSchema)) body: TrustedIssuerReason,
  ): Promise<{ removed: true }> {
    return this.trust.remove(staff, id, body.reason);
  }
}
