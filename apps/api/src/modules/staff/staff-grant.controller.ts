import {
  type RefuseStaffGrantRequest,
  RefuseStaffGrantRequestSchema,
  type StaffGrantListQuery,
  StaffGrantListQuerySchema,
} from '@healthcode/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { StaffIdSchema } from './staff-account.dto';
import { StaffGrantService } from './staff-grant.service';

const GrantId = () => Param('id', new ZodValidationPipe(StaffIdSchema));

/** Pending privileged roles, decided by a system-admin other than the one who asked. */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('v1/staff/grants')
export class StaffGrantController {
  constructor(private readonly grants: StaffGrantService) {}

  @Get()
  @StaffOnly('system-admin')
  list(
    @CurrentStaff() me: StaffPrincipal,
    @Query(new ZodValidationPipe(StaffGrantListQuerySchema)) query: StaffGrantListQuery,
  ) {
    return this.grants.list(me, query);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @StaffOnly('system-admin')
  approve(@CurrentStaff() me: StaffPrincipal, @GrantId() id: string) {
    return this.grants.approve(me, id);
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @StaffOnly('system-admin')
  @ApiZodBody(RefuseStaffGrantRequestSchema)
  refuse(
    @CurrentStaff() me: StaffPrincipal,
    @GrantId() id: string,
    @Body(new ZodValidationPipe(RefuseStaffGrantRequestSchema)) body: RefuseStaffGrantRequest,
  ) {
    return this.grants.refuse(me, id, body.reason ?? null);
  }
}
