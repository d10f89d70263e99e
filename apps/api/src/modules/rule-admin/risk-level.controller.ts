import {
  regionScopeCode,
  RiskLevelBatchRequestSchema,
  type RiskLevelRetractRequest,
  RiskLevelRetractRequestSchema,
} from '@healthcode/contracts';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

import { AcceptsUpload } from '../../common/accepts-upload.decorator';
import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { readCsvUpload } from '../authority/csv-upload.util';
import { RiskAdminService } from './risk-admin.service';
import { RiskRetractionService } from './risk-retraction.service';

const HistoryQuerySchema = z.strictObject({
  region: regionScopeCode().default(''),
});

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/risk-levels')
export class RiskLevelController {
  constructor(
    private readonly risk: RiskAdminService,
    private readonly retraction: RiskRetractionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Full history (closed and open intervals) under a prefix. */
  @Get()
  @StaffOnly()
  history(@Query(new ZodValidationPipe(HistoryQuerySchema)) query: z.infer<typeof HistoryQuerySchema>) {
    return this.risk.history(query.region);
  }

  @Post()
  @StaffOnly('region-admin', 'system-admin')
  @ApiZodBody(RiskLevelBatchRequestSchema)
  set(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new ZodValidationPipe(RiskLevelBatchRequestSchema)) body: z.infer<typeof RiskLevelBatchRequestSchema>,
  ) {
    return this.risk.set(staff, body.levels);
  }

  /** Retracts a mistaken decision (kept in the history); everyone is re-scored. */
  @Post(':id/retract')
  @HttpCode(200)
  @StaffOnly('region-admin', 'system-admin')
  @ApiZodBody(RiskLevelRetractRequestSchema)
  retract(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(RiskLevelRetractRequestSchema)) body: RiskLevelRetractRequest,
  ) {
    return this.retraction.retract(staff, id, body.reason);
  }

  /** Checks a risk-level CSV without setting anything: valid rows, refused rows, and a preview run of its effect. */
  @Post('import/check')
  @HttpCode(200)
  @AcceptsUpload()
  @StaffOnly('region-admin', 'system-admin')
  async checkCsv(@CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest) {
    return this.risk.checkCsv(staff, await readCsvUpload(request, this.config.imports.maxBytes));
  }

  /** CSV (multipart field `file`) with columns region, level, effective_from; bad rows are reported, good ones set. */
  @Post('import')
  @AcceptsUpload()
  @StaffOnly('region-admin', 'system-admin')
  async importCsv(@CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest) {
    return this.risk.importCsv(staff, await readCsvUpload(request, this.config.imports.maxBytes));
  }
}
