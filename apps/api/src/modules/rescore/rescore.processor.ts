import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Job, Queue } from 'bull';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { RESCORE_DISPATCH_JOB, RESCORE_QUEUE, RESCORE_RANGE_JOB } from '../queue/queue-names.constant';
import { RescoreDispatcher } from './rescore-dispatcher.service';
import { RescoreDiscardException } from './rescore.exception';
import { type RangeJobData, type RangeOutcome, RescoreRangeService } from './rescore-range.service';
import { RescoreRunRepository } from './rescore-run.repository';

/**
 * Thin: applies one range and reports. A job that can never succeed (its run is gone, its rules are invalid)
 * is discarded; anything else is rethrown so Bull retries it (the range is applied at most once anyway).
 * Concurrency comes from WORKER_CONCURRENCY, hence `process()` here rather than the static decorator.
 */
@Injectable()
export class RescoreProcessor implements OnModuleInit {
  private readonly logger = new Logger(RescoreProcessor.name);

  constructor(
    @InjectQueue(RESCORE_QUEUE) private readonly queue: Queue,
    private readonly ranges: RescoreRangeService,
    private readonly runs: RescoreRunRepository,
    private readonly dispatcher: RescoreDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    void this.queue.process(RESCORE_RANGE_JOB, this.config.workerConcurrency, (job: Job<RangeJobData>) =>
      this.handle(job),
    );
    void this.queue.process(RESCORE_DISPATCH_JOB, 1, () => this.dispatcher.tick());
  }

  async handle(job: Job<RangeJobData>): Promise<RangeOutcome> {
    try {
      const outcome = await this.ranges.process(job.data);
      this.logger.debug({ runId: job.data.runId, ...outcome }, 'rescore range done');
      if (outcome.applied && (await this.runs.countUndone(job.data.runId)) === 0)
        await this.runs.finish(job.data.runId, this.clock.now());
      return outcome;
    } catch (error) {
      if (error instanceof RescoreDiscardException) {
        this.logger.error({ runId: job.data.runId, code: error.code }, 'rescore range discarded');
        await job.discard();
      } else {
        this.logger.warn(
          { runId: job.data.runId, attempt: job.attemptsMade + 1, err: error },
          'rescore range failed; Bull will retry',
        );
      }
      throw error;
    }
  }
}
