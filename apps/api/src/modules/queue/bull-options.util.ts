import type { BullRootModuleOptions } from '@nestjs/bull';

import type { AppConfig } from '../../config/app-config';

/** The `{hc}` hash tag keeps every key of a queue in one Redis Cluster slot. */
export function bullOptions(config: AppConfig): BullRootModuleOptions {
  return {
    url: config.redis.url,
    prefix: config.redis.queuePrefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: 1000,
      removeOnFail: 5000,
    },
  };
}
