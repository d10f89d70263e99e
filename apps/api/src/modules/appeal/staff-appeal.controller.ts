import {
  AppealApprovalRequestSchema,
  type AppealBacklogResponse,
  type AppealApprovalRequest,
  AppealDecisionRequestSchema,
  type AppealDecisionRequest,
  type AppealListQuery,
  AppealListQuerySchema,
  AppealRequestInfoSchema,
  type AppealRequestInfo,
  type AppealView,
  type StaffAppealListResponse,
  type StaffAppealView,
} from '@healthcode/contracts';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { EvidenceDownload } from './evidence-download.decorator';
import { evidenceStream } from './evidence-stream.util';
import { AppealDecisionService } from './appeal-decision.service';
import { AppealReviewService } from './appeal-review.service';

@ApiTags('appeals (staff)')
@ApiBearerAuth()
@Controller('v1/appeals')
export class StaffAppealController {
  constructor(
    private readonly review: AppealReviewService,
    private readonly decisions: AppealDecisionService,
  ) {}

  @Get()
  @StaffOnly('hotline-agent', 'supervisor')
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new ZodValidationPipe(AppealListQuerySchema)) query: AppealListQuery,
  ): Promise<StaffAppealListResponse> {
    return this.review.list(staff, query);
  }

  @Get('backlog')
  @StaffOnly('hotline-agent', 'supervisor')
  backlog(@CurrentStaff() staff: StaffPrincipal): Promise<AppealBacklogResponse> {
    return this.review.backlog(staff);
  }

  @Get(':number')
  @StaffOnly('hotline-agent', 'supervisor')
  @ApiOperation({ summary: "An appeal with the resident's masked record (logged to the resident's access log)" })
  get(@CurrentStaff() staff: StaffPrincipal, @Param('number', ParseIntPipe) number: number): Promise<StaffAppealView> {
    return this.review.view(staff, number);
  }

  @Post(':number/review')
  @HttpCode(200)
  @StaffOnly('hotline-agent', 'supervisor')
  startReview(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('number', ParseIntPipe) number: number,
  ): Promise<AppealView> {
    return this.review.startReview(staff, number);
  }

  @Post(':number/request-info')
  @HttpCode(200)
  @StaffOnly('hotline-agent', 'supervisor')
  @ApiZodBody(AppealRequestInfoSchema)
  requestInfo(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('number', ParseIntPipe) number: number,
    @Body(new ZodValidationPipe(AppealRequestInfoSchema)) body: AppealRequestInfo,
  ): Promise<AppealView> {
    return this.review.requestInfo(staff, number, body);
  }

  @Post(':number/decision')
  @HttpCode(200)
  @StaffOnly('hotline-agent', 'supervisor')
  @ApiZodBody(AppealDecisionRequestSchema)
  decide(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('number', ParseIntPipe) number: number,
    @Body(new ZodValidationPipe(AppealDecisionRequestSchema)) body: AppealDecisionRequest,
  ): Promise<AppealView> {
    return this.decisions.decide(staff, number, body);
  }

  @Post(':number/approval')
  @HttpCode(200)
  @StaffOnly('supervisor')
  @ApiZodBody(AppealApprovalRequestSchema)
  @ApiOperation({ summary: 'Approve or refuse a decision that lowers a colour (a second staff member)' })
  approve(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('number', ParseIntPipe) number: number,
    @Body(new ZodValidationPipe(AppealApprovalRequestSchema)) body: AppealApprovalRequest,
  ): Promise<AppealView> {
    return this.decisions.approve(staff, number, body);
  }

  @Post(':number/close')
  @HttpCode(200)
  @StaffOnly('hotline-agent', 'supervisor')
  close(@CurrentStaff() staff: StaffPrincipal, @Param('number', ParseIntPipe) number: number): Promise<AppealView> {
    return this.review.close(staff, number);
  }

  @Get(':number/evidence/:sha256')
  @EvidenceDownload()
  @StaffOnly('hotline-agent', 'supervisor')
  evidence(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('number', ParseIntPipe) number: number,
    @Param('sha256') sha256: string,
  ): Promise<StreamableFile> {
    return this.review.evidence(staff, number, sha256).then((f) => evidenceStream(f, sha256));
  }
}
