import { type AuthorityImportResponse, AuthorityImportQuerySchema } from '@healthcode/contracts';
import { Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';

import { AcceptsUpload } from '../../common/accepts-upload.decorator';
import { ApiZodQuery } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { AuthorityImportService } from './authority-import.service';
import { readCsvUpload } from './csv-upload.util';

const IMPORTERS = ['system-admin', 'region-admin'] as const;

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/imports')
export class AuthorityImportController {
  constructor(
    private readonly imports: AuthorityImportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Upload a feed as multipart/form-data (field `file`), `?kind=cases|contacts|bookings`. The valid rows are
   * staged; the answer holds only the per-row validation. A second staff member applies them (`:id/approve`).
   */
  @Post()
  @HttpCode(202)
  @AcceptsUpload()
  @StaffOnly(...IMPORTERS)
  @ApiZodQuery('kind', AuthorityImportQuerySchema.shape.kind)
  async upload(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new ZodValidationPipe(AuthorityImportQuerySchema)) query: z.infer<typeof AuthorityImportQuerySchema>,
    @Req() request: FastifyRequest,
  ): Promise<AuthorityImportResponse> {
    return this.imports.upload(staff, query.kind, await readCsvUpload(request, this.config.imports.maxBytes));
  }

  @Get()
  @StaffOnly(...IMPORTERS)
  list(@CurrentStaff() staff: StaffPrincipal) {
    return this.imports.list(staff);
  }

  @Get(':id')
  @StaffOnly(...IMPORTERS)
  get(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.imports.get(staff, id);
  }

  /** The second person (not the uploader, in scope) applies a staged import; the match counts appear now. */
  @Post(':id/approve')
  @HttpCode(200)
  @StaffOnly(...IMPORTERS)
  approve(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.imports.approve(staff, id);
  }

  /** Drops a staged import without applying it. */
  @Post(':id/reject')
  @HttpCode(200)
  @StaffOnly(...IMPORTERS)
  reject(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.imports.reject(staff, id);
  }

  /** The per-row error report (line, field, message) as a CSV download. */
  @Get(':id/errors.csv')
  @StaffOnly(...IMPORTERS)
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="import-errors.csv"')
  errors(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.imports.errorReport(staff, id);
  }
}
