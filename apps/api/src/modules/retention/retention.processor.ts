import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';

import { MAINTENANCE_QUEUE } from '../queue/queue-names.constant';
import { RETENTION_PURGE_JOB } from './retention-queue.constant';
import { type PurgeReport, RetentionService } from './retention.service';

/** Thin: the service does the work; a failure is rethrown so Bull retries with backoff. */
@Processor(MAINTENANCE_QUEUE)
export class RetentionProcessor {
  private readonly logger = new Logger(RetentionProcessor.name);

  constructor(private readonly retention: RetentionService) {}

  @Process(RETENTION_PURGE_JOB)
  async purge(): Promise<PurgeReport> {
    this.logger.debug('retention purge started');
    const report = await this.retention.purgeExpired();
    this.logger.debug({ purged: report.purged }, 'retention purge finished');
    return report;
  }
}
