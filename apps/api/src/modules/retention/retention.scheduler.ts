import { getQueueToken } from '@nestjs/bull';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MAINTENANCE_QUEUE } from '../queue/queue-names.constant';
import { RETENTION_PURGE_JOB } from './retention-queue.constant';

/**
 * Registers the repeatable purge job (Bull keeps one per name and schedule, however many workers start)
 * and removes schedules left over from an earlier RETENTION_PURGE_EVERY_MINUTES.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.moduleRef.get<Queue>(getQueueToken(MAINTENANCE_QUEUE), { strict: false });
    const every = this.config.retention.purgeEveryMinutes * 60_000;
    for (const job of await queue.getRepeatableJobs()) {
      if (job.name === RETENTION_PURGE_JOB && Number(job.every) !== every) await queue.removeRepeatableByKey(job.key);
    }
    await queue.add(RETENTION_PURGE_JOB, {}, { repeat: { every }, jobId: RETENTION_PURGE_JOB });
  }
}
