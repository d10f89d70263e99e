import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';

import { RESCORE_QUEUE } from '../queue/queue-names.constant';
import { RescoreRunRepository } from './rescore-run.repository';
import { RescoreRunService } from './rescore-run.service';
import { RescoreController } from './rescore.controller';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';

/** HTTP side: run progress, public colour statistics, and the outbox producer used by rule-admin and imports. */
@Module({
  imports: [BullModule.registerQueue({ name: RESCORE_QUEUE })],
  controllers: [RescoreController, StatsController],
  providers: [RescoreRunRepository, RescoreRunService, StatsService],
  exports: [RescoreRunService],
})
export class RescoreApiModule {}
