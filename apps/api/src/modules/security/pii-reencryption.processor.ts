import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';

import { MAINTENANCE_QUEUE } from '../queue/queue-names.constant';
import { PII_REENCRYPT_JOB } from './pii-reencryption.constant';
import { type ReencryptionReport, PiiReencryptionService } from './pii-reencryption.service';

/** Thin: progress goes to the job (visible in the queue dashboard); failures are rethrown for Bull to retry. */
@Processor(MAINTENANCE_QUEUE)
export class PiiReencryptionProcessor {
  private readonly logger = new Logger(PiiReencryptionProcessor.name);

  constructor(private readonly reencryption: PiiReencryptionService) {}

  @Process(PII_REENCRYPT_JOB)
  async reencrypt(job: Job<{ keyId?: string }>): Promise<ReencryptionReport> {
    this.logger.log({ jobId: job.id }, 'PII re-encryption started');
    const report = await this.reencryption.run(async (done, remaining) => {
      await job.progress({ done, remaining });
    });
    this.logger.log({ ...report }, 'PII re-encryption finished');
    return report;
  }
}
