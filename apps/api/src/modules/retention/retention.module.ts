import { Module } from '@nestjs/common';

import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

/**
 * Retention in both processes: the API shows residents their deletion dates, the worker purges (it adds
 * RetentionProcessor and RetentionScheduler). It knows no tables: every purger comes from the module that owns
 * the records, through ResidentDataRegistry (CoreModule).
 */
@Module({
  controllers: [RetentionController],
  providers: [RetentionService],
  exports: [RetentionService],
})
export class RetentionModule {}
