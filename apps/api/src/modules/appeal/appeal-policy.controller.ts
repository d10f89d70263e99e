import { type AppealPolicyRequest, AppealPolicyRequestSchema, type AppealPolicyView } from '@healthcode/contracts';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { AppealPolicyService } from './appeal-policy.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/appeal-policies')
export class AppealPolicyController {
  constructor(private readonly policies: AppealPolicyService) {}

  @Get()
  @StaffOnly('region-admin', 'system-admin', 'supervisor')
  @ApiOperation({
    summary: 'Appeal deadlines and the two-person rule: configured defaults and per-region rows in scope',
  })
  list(@CurrentStaff() staff: StaffPrincipal): Promise<{ defaults: AppealPolicyView; items: AppealPolicyView[] }> {
    return this.policies.list(staff);
  }

  @Put(':regionPrefix')
  @StaffOnly('region-admin', 'system-admin')
  @ApiZodBody(AppealPolicyRequestSchema)
  set(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('regionPrefix') regionPrefix: string,
    @Body(new ZodValidationPipe(AppealPolicyRequestSchema)) body: AppealPolicyRequest,
  ): Promise<AppealPolicyView> {
    return this.policies.set(staff, regionPrefix, body);
  }
}
