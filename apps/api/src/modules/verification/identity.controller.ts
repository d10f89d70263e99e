import {
  type DevHostCertification,
  DevHostCertificationSchema,
  type ProfileResponse,
  type VerificationRequest,
  VerificationRequestSchema,
  type WechatVerifyStartRequest,
  WechatVerifyStartRequestSchema,
  type WechatVerifyStartResponse,
} from '@healthcode/contracts';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { Public, ResidentOnly } from '../auth/auth.guard';
import { CurrentResident } from '../auth/current-principal.decorator';
import type { ResidentPrincipal } from '../auth/session-token.service';
import { RateLimit } from '../security/rate-limit.decorator';
import { DevHostService } from '../identity/dev-host.service';
import { IdentityVerificationService } from './identity-verification.service';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('v1')
export class IdentityController {
  constructor(
    private readonly verification: IdentityVerificationService,
    private readonly devHost: DevHostService,
  ) {}

  @Post('me/verification')
  @HttpCode(200)
  @ResidentOnly()
  @RateLimit('sign-up')
  @ApiZodBody(VerificationRequestSchema)
  verify(
    @CurrentResident() me: ResidentPrincipal,
    @Body(new ZodValidationPipe(VerificationRequestSchema)) body: VerificationRequest,
  ): Promise<ProfileResponse> {
    return this.verification.verify(me.residentId, body);
  }

  @Post('me/verification/wechat')
  @HttpCode(200)
  @ResidentOnly()
  @RateLimit('sign-up')
  @ApiZodBody(WechatVerifyStartRequestSchema)
  startWechat(
    @CurrentResident() me: ResidentPrincipal,
    @Body(new ZodValidationPipe(WechatVerifyStartRequestSchema)) body: WechatVerifyStartRequest,
  ): Promise<WechatVerifyStartResponse> {
    return this.verification.startWechat(me.residentId, body.code);
  }

  @Post('dev-host/certifications')
  @HttpCode(204)
  @Public()
  @ApiZodBody(DevHostCertificationSchema)
  certify(@Body(new ZodValidationPipe(DevHostCertificationSchema)) body: DevHostCertification): Promise<void> {
    return this.devHost.certify(body);
  }
}
