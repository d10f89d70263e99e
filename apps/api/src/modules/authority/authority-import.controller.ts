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

  /** Upload a feed as multipart/form-data (field `file`), `?kind=cases|contacts|bookings`. */
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
  list() {
    return this.imports.list();
  }

  @Get(':id')
  @StaffOnly(...IMPORTERS)
  get(@Param('id') id: string) {
    return this.imports.get(id);
  }

  /** The per-row error report (line, field, message) as a CSV download. */
  @Get(':id/errors.csv')
  @StaffOnly(...IMPORTERS)
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="import-errors.csv"')
  errors(@Param('id') id: string) {
    return this.imports.errorReport(id);
  }
}
