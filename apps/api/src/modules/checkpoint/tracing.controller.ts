import {
  type TracingDecision,
  TracingDecisionSchema,
  type TracingRequestCreate,
  TracingRequestCreateSchema,
  type TracingRequestListQuery,
  TracingRequestListQuerySchema,
  type TracingRequestResponse,
  type TracingScan,
} from '@healthcode/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { TracingService } from './tracing.service';

@ApiTags('contact-tracing')
@ApiBearerAuth()
@Controller('v1/tracing-requests')
export class TracingController {
  constructor(private readonly tracing: TracingService) {}

  @Post()
  @StaffOnly('hotline-agent', 'supervisor')
  @ApiZodBody(TracingRequestCreateSchema)
  request(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new ZodValidationPipe(TracingRequestCreateSchema)) body: TracingRequestCreate,
  ): Promise<TracingRequestResponse> {
    return this.tracing.request(staff, body);
  }

  /** Supervisors: every request of their scope; hotline agents: their own requests. */
  @Get()
  @StaffOnly('hotline-agent', 'supervisor')
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new ZodValidationPipe(TracingRequestListQuerySchema)) query: TracingRequestListQuery,
  ): Promise<{ items: TracingRequestResponse[] }> {
    return this.tracing.list(staff, query);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @StaffOnly('supervisor')
  @ApiZodBody(TracingDecisionSchema)
  decide(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(TracingDecisionSchema)) body: TracingDecision,
  ): Promise<TracingRequestResponse> {
    return this.tracing.decide(staff, id, body);
  }

  @Get(':id/scans')
  @StaffOnly('hotline-agent', 'supervisor')
  scans(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
  ): Promise<{ request: TracingRequestResponse; items: TracingScan[] }> {
    return this.tracing.scansFor(staff, id);
  }
}
