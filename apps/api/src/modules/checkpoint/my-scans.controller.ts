import type { MyScan } from '@healthcode/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ActsFor } from '../auth/acts-for.decorator';
import { ResidentOnly } from '../auth/auth.guard';
import { CurrentResident } from '../auth/current-principal.decorator';
import type { ResidentPrincipal } from '../auth/session-token.service';
import { ScanService } from './scan.service';

@ApiTags('resident')
@ApiBearerAuth()
@Controller('v1/me/scans')
export class MyScansController {
  constructor(private readonly scans: ScanService) {}

  @Get()
  @ResidentOnly()
  @ActsFor({ purpose: 'read the scans', scope: 'scans' })
  list(@CurrentResident() me: ResidentPrincipal): Promise<{ items: MyScan[] }> {
    return this.scans.myScans(me.residentId);
  }
}
