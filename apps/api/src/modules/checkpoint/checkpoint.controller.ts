import {
  type CheckpointAdmissionRequest,
  CheckpointAdmissionRequestSchema,
  type CheckpointCreateRequest,
  CheckpointCreateRequestSchema,
  type CheckpointListQuery,
  CheckpointListQuerySchema,
  type CheckpointResponse,
  type CheckpointStatsQuery,
  CheckpointStatsQuerySchema,
  type CheckpointStatsResponse,
  type DeviceCredentialCreateRequest,
  DeviceCredentialCreateRequestSchema,
  type DeviceCredentialIssued,
  type DeviceCredentialSummary,
} from '@healthcode/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { CheckpointService } from './checkpoint.service';

/** Registry and device credentials: region and system administrators, inside their region scope. */
@ApiTags('checkpoints')
@ApiBearerAuth()
@Controller('v1/checkpoints')
export class CheckpointController {
  constructor(private readonly checkpoints: CheckpointService) {}

  @Post()
  @StaffOnly('region-admin', 'system-admin')
  @ApiZodBody(CheckpointCreateRequestSchema)
  create(
    @CurrentStaff() staff: StaffPrincipal,
    @Body(new ZodValidationPipe(CheckpointCreateRequestSchema)) body: CheckpointCreateRequest,
  ): Promise<CheckpointResponse> {
    return this.checkpoints.create(staff, body);
  }

  @Get()
  @StaffOnly('region-admin', 'system-admin')
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new ZodValidationPipe(CheckpointListQuerySchema)) query: CheckpointListQuery,
  ): Promise<{ items: CheckpointResponse[] }> {
    return this.checkpoints.list(staff, query);
  }

  @Put(':id/admission')
  @StaffOnly('region-admin', 'system-admin')
  @ApiZodBody(CheckpointAdmissionRequestSchema)
  setAdmission(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(CheckpointAdmissionRequestSchema)) body: CheckpointAdmissionRequest,
  ): Promise<CheckpointResponse> {
    return this.checkpoints.setAdmission(staff, id, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @StaffOnly('region-admin', 'system-admin')
  disable(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<CheckpointResponse> {
    return this.checkpoints.disable(staff, id);
  }

  @Post(':id/devices')
  @StaffOnly('region-admin', 'system-admin')
  @ApiZodBody(DeviceCredentialCreateRequestSchema)
  issueDevice(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(DeviceCredentialCreateRequestSchema)) body: DeviceCredentialCreateRequest,
  ): Promise<DeviceCredentialIssued> {
    return this.checkpoints.issueDevice(staff, id, body.label);
  }

  @Get(':id/devices')
  @StaffOnly('region-admin', 'system-admin')
  listDevices(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
  ): Promise<{ items: DeviceCredentialSummary[] }> {
    return this.checkpoints.listDevices(staff, id);
  }

  @Post(':id/devices/:credentialId/revoke')
  @HttpCode(200)
  @StaffOnly('region-admin', 'system-admin')
  revokeDevice(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Param('credentialId') credentialId: string,
  ): Promise<DeviceCredentialSummary> {
    return this.checkpoints.revokeDevice(staff, id, credentialId);
  }

  @Get(':id/stats')
  @StaffOnly('region-admin', 'system-admin', 'auditor')
  stats(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Query(new ZodValidationPipe(CheckpointStatsQuerySchema)) query: CheckpointStatsQuery,
  ): Promise<CheckpointStatsResponse> {
    return this.checkpoints.stats(staff, id, query);
  }
}
