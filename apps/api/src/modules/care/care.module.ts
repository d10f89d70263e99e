import { Module } from '@nestjs/common';

import { ActingForGuard } from './acting-for.guard';
import { CareLinkController } from './care-link.controller';
import { CareLinkService } from './care-link.service';

/** Acting for family members (issue #19): care links, and the guard that lets a carer use `/me/*` for a dependant. */
@Module({
  controllers: [CareLinkController],
  providers: [CareLinkService, ActingForGuard],
  exports: [ActingForGuard, CareLinkService],
})
export class CareModule {}
