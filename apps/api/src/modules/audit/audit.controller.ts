import { type AuditQuery, AuditQuerySchema } from '@healthcode/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @StaffOnly('auditor', 'system-admin')
  list(@CurrentStaff() me: StaffPrincipal, @Query(new ZodValidationPipe(AuditQuerySchema)) query: AuditQuery) {
    return this.audit.list(query, me.regionScope);
  }

  @Get('verify')
  @StaffOnly('auditor', 'system-admin')
  verify() {
    return this.audit.verify();
  }
}
