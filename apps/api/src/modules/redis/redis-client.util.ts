import Redis, { Cluster, type ClusterOptions, type RedisOptions } from 'ioredis';

import type { AppConfig } from '../../config/app-config';

/** Either a single-node client or a Cluster client: both speak the same commands for what the app uses. */
export type RedisClient = Redis | Cluster;

/**
 * The one place that opens Redis connections. With `REDIS_CLUSTER_NODES` set it returns an ioredis Cluster client
 * (every key the app writes carries the `{…}` hash tag of QUEUE_PREFIX, so multi-key commands stay in one slot);
 * otherwise a client for REDIS_URL. `options` apply to each node's connection.
 */
export function createRedisClient(redis: AppConfig['redis'], options: RedisOptions = {}): RedisClient {
  if (redis.clusterNodes) {
    const { lazyConnect, enableOfflineQueue, retryStrategy, maxRetriesPerRequest, ...nodeOptions } = options;
    const clusterOptions: ClusterOptions = {
      lazyConnect,
      enableOfflineQueue,
      ...(retryStrategy ? { clusterRetryStrategy: retryStrategy } : {}),
      ...(maxRetriesPerRequest !== undefined ? { maxRedirections: 16 } : {}),
      redisOptions: { ...nodeOptions, maxRetriesPerRequest },
      // The cluster's own view of slots, refreshed on MOVED; the seed list only needs one live node.
      slotsRefreshTimeout: 2000,
    };
    return new Cluster(redis.clusterNodes, clusterOptions);
  }
  return new Redis(redis.url, options);
}
