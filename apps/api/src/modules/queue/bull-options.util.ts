import type { BullRootModuleOptions } from '@nestjs/bull';

import type { AppConfig } from '../../config/app-config';
import { createRedisClient } from '../redis/redis-client.util';

/**
 * The `{hc}` hash tag keeps every key of a queue in one Redis Cluster slot, so Bull's multi-key Lua scripts run
 * unchanged on a Cluster. With REDIS_CLUSTER_NODES set, Bull gets Cluster clients (blocking and subscriber ones
 * included, which need no request retry limit and no ready check).
 */
export function bullOptions(config: AppConfig): BullRootModuleOptions {
  const cluster = config.redis.clusterNodes
    ? {
        createClient: () => createRedisClient(config.redis, { maxRetriesPerRequest: null, enableReadyCheck: false }),
      }
    : { url: config.redis.url };
  return {
    ...cluster,
    prefix: config.redis.queuePrefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: 1000,
      removeOnFail: 5000,
    },
  };
}
