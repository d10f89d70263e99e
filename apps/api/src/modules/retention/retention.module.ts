import { Module } from '@nestjs/common';

import { DeclarationRetentionPurgers } from './declaration-retention.purger';
import { RetentionController } from './retention.controller';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/**
 * Retention in both processes: the API shows residents their deletion dates, the worker purges (it adds
 * RetentionProcessor and RetentionScheduler). The registry itself is in CoreModule for other modules.
 */
@Module({
  controllers: [RetentionController],
  providers: [RetentionRepository, DeclarationRetentionPurgers, RetentionService],
  exports: [RetentionService],
})
export class RetentionModule {}
