import {
  type ScanBatchRequest,
  ScanBatchRequestSchema,
  type ScanBatchResponse,
  type ScanRequest,
  ScanRequestSchema,
  type ScanResponse,
} from '@healthcode/contracts';
import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { Public } from '../auth/auth.guard';
import type { ScanningCheckpoint } from './device-auth.service';
import { DeviceGuard, ScanningCheckpointParam } from './device.guard';
import { ScanService } from './scan.service';

/** Scanning devices: no session (`@Public()` to the session guard), a device credential checked by DeviceGuard. */
@ApiTags('scanning')
@ApiHeader({ name: 'authorization', description: 'Device <credentialId>.<secret>', required: true })
@Controller('v1/checkpoints/:id/scans')
@Public()
@UseGuards(DeviceGuard)
export class ScanController {
  constructor(private readonly scans: ScanService) {}

  @Post()
  @HttpCode(200)
  @ApiZodBody(ScanRequestSchema)
  scan(
    @ScanningCheckpointParam() checkpoint: ScanningCheckpoint,
    @Body(new ZodValidationPipe(ScanRequestSchema)) body: ScanRequest,
  ): Promise<ScanResponse> {
    return this.scans.scan(checkpoint, body);
  }

  @Post('batch')
  @HttpCode(200)
  @ApiZodBody(ScanBatchRequestSchema)
  batch(
    @ScanningCheckpointParam() checkpoint: ScanningCheckpoint,
    @Body(new ZodValidationPipe(ScanBatchRequestSchema)) body: ScanBatchRequest,
  ): Promise<ScanBatchResponse> {
    return this.scans.batch(checkpoint, body.scans);
  }
}
