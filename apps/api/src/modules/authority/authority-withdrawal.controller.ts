import { type WithdrawalRequest, WithdrawalRequestSchema } from '@healthcode/contracts';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { AuthorityWithdrawalService } from './authority-withdrawal.service';

const WITHDRAWERS = ['supervisor', 'region-admin', 'system-admin'] as const;

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/withdrawals')
export class AuthorityWithdrawalController {
  constructor(private readonly withdrawals: AuthorityWithdrawalService) {}

  /** Asks to withdraw one authority fact or a whole import, with a written reason; waits for a second person. */
  @Post()
  @StaffOnly(...WITHDRAWERS)
  @ApiZodBody(WithdrawalRequestSchema)
  request(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new ZodValidationPipe(WithdrawalRequestSchema)) body: WithdrawalRequest,
  ) {
    return this.withdrawals.request(staff, body);
  }

  @Get()
  @StaffOnly(...WITHDRAWERS)
  list(@CurrentStaff() staff: StaffPrincipal) {
    return this.withdrawals.list(staff);
  }

  /** The second person approves: the facts are withdrawn and everyone they touched is re-scored. */
  @Post(':id/approve')
  @HttpCode(200)
  @StaffOnly(...WITHDRAWERS)
  approve(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.withdrawals.approve(staff, id);
  }
}
