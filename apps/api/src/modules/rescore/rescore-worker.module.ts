import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';

import { NotificationModule } from '../notification/notification.module';
import { RESCORE_QUEUE } from '../queue/queue-names.constant';
import { RangeFactsRepository } from './range-facts.repository';
import { RangeScorer } from './range-scorer.service';
import { RescoreDispatcher } from './rescore-dispatcher.service';
import { RescoreRangeService } from './rescore-range.service';
import { RescoreRunRepository } from './rescore-run.repository';
import { RescoreProcessor } from './rescore.processor';

/**
 * Worker side. A killed worker's jobs are re-run after `lockDuration` (stalled-job check): short enough to
 * recover within seconds, long enough for a range of a few thousand residents.
 */
@Module({
  imports: [
    NotificationModule,
    BullModule.registerQueue({
      name: RESCORE_QUEUE,
      settings: { lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 10 },
    }),
  ],
  providers: [
    RangeFactsRepository,
    RangeScorer,
    RescoreDispatcher,
    RescoreProcessor,
    RescoreRangeService,
    RescoreRunRepository,
  ],
  exports: [RescoreDispatcher, RescoreRangeService],
})
export class RescoreWorkerModule {}
