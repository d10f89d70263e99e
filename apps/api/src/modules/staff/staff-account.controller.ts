import { type ChangeStaffRoleRequest, ChangeStaffRoleRequestSchema } from '@healthcode/contracts';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import {
  type CreateStaffAccountRequest,
  CreateStaffAccountRequestSchema,
  type ResetPasswordRequest,
  ResetPasswordRequestSchema,
  StaffIdSchema,
} from './staff-account.dto';
import { StaffAccountService } from './staff-account.service';

const StaffId = () => Param('id', new ZodValidationPipe(StaffIdSchema));

@ApiTags('staff')
@ApiBearerAuth()
@Controller('v1/staff/accounts')
export class StaffAccountController {
  constructor(private readonly accounts: StaffAccountService) {}

  @Get()
  @StaffOnly('system-admin')
  list(@CurrentStaff() me: StaffPrincipal) {
    return this.accounts.list(me);
  }

  @Post()
  @StaffOnly('system-admin')
  @ApiZodBody(CreateStaffAccountRequestSchema)
  create(
    @CurrentStaff() me: StaffPrincipal,
    @Body(new ZodValidationPipe(CreateStaffAccountRequestSchema)) body: CreateStaffAccountRequest,
  ) {
    return this.accounts.create(me, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @StaffOnly('system-admin')
  disable(@CurrentStaff() me: StaffPrincipal, @StaffId() id: string) {
    return this.accounts.disable(me, id);
  }

  /** A privileged role is only asked for: the answer carries the pending grant a second system-admin decides. */
  @Post(':id/role')
  @HttpCode(200)
  @StaffOnly('system-admin')
  @ApiZodBody(ChangeStaffRoleRequestSchema)
  changeRole(
    @CurrentStaff() me: StaffPrincipal,
    @StaffId() id: string,
    @Body(new ZodValidationPipe(ChangeStaffRoleRequestSchema)) body: ChangeStaffRoleRequest,
  ) {
    return this.accounts.changeRole(me, id, body);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @StaffOnly('system-admin')
  unlock(@CurrentStaff() me: StaffPrincipal, @StaffId() id: string) {
    return this.accounts.unlock(me, id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @StaffOnly('system-admin')
  enable(@CurrentStaff() me: StaffPrincipal, @StaffId() id: string) {
    return this.accounts.enable(me, id);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @StaffOnly('system-admin')
  @ApiZodBody(ResetPasswordRequestSchema)
  resetPassword(
    @CurrentStaff() me: StaffPrincipal,
    @StaffId() id: string,
    @Body(new ZodValidationPipe(ResetPasswordRequestSchema)) body: ResetPasswordRequest,
  ) {
    return this.accounts.resetPassword(me, id, body.password);
  }

  @Post(':id/reset-totp')
  @HttpCode(200)
  @StaffOnly('system-admin')
  resetTotp(@CurrentStaff() me: StaffPrincipal, @StaffId() id: string) {
    return this.accounts.resetTotp(me, id);
  }
}
