import { type AppealView } from '@healthcode/contracts';
import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import { AcceptsUpload } from '../../common/accepts-upload.decorator';
import { ResidentOnly } from '../auth/auth.guard';
import { ActsFor } from '../auth/acts-for.decorator';
import { CurrentResident } from '../auth/current-principal.decorator';
import type { ResidentPrincipal } from '../auth/session-token.service';
import { EvidenceDownload } from './evidence-download.decorator';
import { evidenceStream } from './evidence-stream.util';
import { AppealFilingService } from './appeal-filing.service';
import { readAppealUpload } from './evidence-upload.util';

const evidence = {
  type: 'array',
  maxItems: 3,
  items: { type: 'string', format: 'binary' },
  description: 'PDF, JPEG or PNG, at most 5 MB each',
};
const FILING_FORM = {
  type: 'object',
  required: ['ruleId', 'factKind', 'category', 'statement'],
  properties: {
    ruleId: { type: 'string' },
    factKind: { type: 'string' },
    factRef: { type: 'string' },
    factDate: { type: 'string', format: 'date' },
    category: {
      type: 'string',
      pattern: '^[a-z][a-z0-9-]{1,23}$',
      description: 'One of the keys GET /api/v1/me/appeal-categories lists',
    },
    statement: { type: 'string', maxLength: 2000 },
    evidence,
  },
};
const ANSWER_FORM = {
  type: 'object',
  required: ['message'],
  properties: { message: { type: 'string', maxLength: 2000 }, evidence },
};

@ApiTags('appeals')
@ApiBearerAuth()
@Controller('v1/me/appeals')
export class ResidentAppealController {
  constructor(private readonly filing: AppealFilingService) {}

  @Post()
  @ResidentOnly()
  @ActsFor({ purpose: 'filed an appeal', scope: 'appeal' })
  @AcceptsUpload()
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ schema: FILING_FORM })
  @ApiOperation({
    summary:
      'Appeal one reason on my code: fields ruleId, factKind, factRef?, factDate?, category, statement; up to 3 "evidence" files',
  })
  submit(@CurrentResident() me: ResidentPrincipal, @Req() req: FastifyRequest): Promise<AppealView> {
    return readAppealUpload(req).then((upload) => this.filing.submit(me.residentId, upload));
  }

  @Get()
  @ResidentOnly()
  @ActsFor({ purpose: 'read the appeals', scope: 'appeal' })
  list(@CurrentResident() me: ResidentPrincipal): Promise<{ items: AppealView[] }> {
    return this.filing.list(me.residentId);
  }

  @Get(':number')
  @ResidentOnly()
  @ActsFor({ purpose: 'read an appeal', scope: 'appeal' })
  get(@CurrentResident() me: ResidentPrincipal, @Param('number', ParseIntPipe) number: number): Promise<AppealView> {
    return this.filing.view(me.residentId, number);
  }

  @Post(':number/answer')
  @HttpCode(200)
  @ResidentOnly()
  @ActsFor({ purpose: 'answered an appeal', scope: 'appeal' })
  @AcceptsUpload()
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ schema: ANSWER_FORM })
  @ApiOperation({ summary: 'Answer a request for information: field message; up to 3 "evidence" files' })
  answer(
    @CurrentResident() me: ResidentPrincipal,
    @Param('number', ParseIntPipe) number: number,
    @Req() req: FastifyRequest,
  ): Promise<AppealView> {
    return readAppealUpload(req).then((upload) => this.filing.answer(me.residentId, number, upload));
  }

  @Post(':number/withdraw')
  @HttpCode(200)
  @ResidentOnly()
  @ActsFor({ purpose: 'withdrew an appeal', scope: 'appeal' })
  withdraw(
    @CurrentResident() me: ResidentPrincipal,
    @Param('number', ParseIntPipe) number: number,
  ): Promise<AppealView> {
    return this.filing.withdraw(me.residentId, number);
  }

  @Post(':number/close')
  @HttpCode(200)
  @ResidentOnly()
  @ActsFor({ purpose: 'closed an appeal', scope: 'appeal' })
  close(@CurrentResident() me: ResidentPrincipal, @Param('number', ParseIntPipe) number: number): Promise<AppealView> {
    return this.filing.close(me.residentId, number);
  }

  @Get(':number/evidence/:sha256')
  @EvidenceDownload()
  @ResidentOnly()
  @ActsFor({ purpose: 'downloaded appeal evidence', scope: 'appeal' })
  evidence(
    @CurrentResident() me: ResidentPrincipal,
    @Param('number', ParseIntPipe) number: number,
    @Param('sha256') sha256: string,
  ): Promise<StreamableFile> {
    return this.filing.evidenceOf(me.residentId, number, sha256).then((f) => evidenceStream(f, sha256));
  }
}
