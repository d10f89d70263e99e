import { type CareHotlineConsent, CareHotlineConsentSchema, type HotlineVerificationView } from '@healthcode/contracts';
import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { CareHotlineConsentService } from './care-hotline-consent.service';

/** The POST body, never the URL, carries the ID number. */
@ApiTags('family')
@ApiBearerAuth()
@Controller('v1/staff/care-consents')
export class CareHotlineConsentController {
  constructor(private readonly consents: CareHotlineConsentService) {}

  @Post()
  @StaffOnly('hotline-agent', 'supervisor')
  @ApiZodBody(CareHotlineConsentSchema)
  file(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new ZodValidationPipe(CareHotlineConsentSchema)) body: CareHotlineConsent,
  ): Promise<HotlineVerificationView> {
    return this.consents.file(staff, body);
  }
}
