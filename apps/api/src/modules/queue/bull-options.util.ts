import type { BullRootModuleOptions } from '@nestjs/bull';
import type { OnApplicationShutdown } from '@nestjs/common';

import type { AppConfig } from '../../config/app-config';
import { createRedisClient, type RedisClient } from '../redis/redis-client.util';

/**
 * The Redis Cluster clients Bull opened through `createClient`. Bull never closes clients it did not create itself,
 * so the app closes them once every queue has closed (one instance per app: provide it beside BullModule.forRoot).
 */
export class BullClients implements OnApplicationShutdown {
  private readonly clients = new Set<RedisClient>();

  track(client: RedisClient): RedisClient {
    this.clients.add(client);
    return client;
  }

  onApplicationShutdown(): void {
    for (const client of this.clients) client.disconnect();
    this.clients.clear();
  }
}

/**
 * The `{hc}` hash tag keeps every key of a queue in one Redis Cluster slot, so Bull's multi-key Lua scripts run
 * unchanged on a Cluster. With REDIS_CLUSTER_NODES set, Bull gets Cluster clients (blocking and subscriber ones
 * included, which need no request retry limit and no ready check), tracked by `clients` to be closed at shutdown.
 */
export function bullOptions(config: AppConfig, clients = new BullClients()): BullRootModuleOptions {
  const connection = config.redis.clusterNodes
    ? {
        createClient: () =>
          clients.track(createRedisClient(config.redis, { maxRetriesPerRequest: null, enableReadyCheck: false })),
      }
    : { url: config.redis.url };
  return {
    ...connection,
    prefix: config.redis.queuePrefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: 1000,
      removeOnFail: 5000,
    },
  };
}
