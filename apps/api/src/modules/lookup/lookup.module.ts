import { Module } from '@nestjs/common';

import { RateLimitStorageModule } from '../security/rate-limit.module';
import { LookupRateLimiter } from './lookup-rate.limiter';
import { LookupController } from './lookup.controller';
import { LookupService } from './lookup.service';
import { ResidentRecordRepository } from './resident-record.repository';

@Module({
  imports: [RateLimitStorageModule],
  controllers: [LookupController],
  providers: [LookupService, LookupRateLimiter, ResidentRecordRepository],
})
export class LookupModule {}
