import Redis, { type Cluster } from 'ioredis';

import type { AppConfig } from '../../src/config/app-config';
import { createRedisClient } from '../../src/modules/redis/redis-client.util';

/** Every key under `prefix`, on a single Redis or on every master of a Cluster. */
export async function keysUnderPrefix(target: string | AppConfig['redis'], prefix: string): Promise<string[]> {
  return withNodes(target, async (nodes) => {
    const keys: string[] = [];
    for (const node of nodes) {
      let cursor = '0';
      do {
        const [next, batch] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        cursor = next;
        keys.push(...batch);
      } while (cursor !== '0');
    }
    return keys;
  });
}

/** Deletes every Redis key under a test's own queue prefix, so a run leaves nothing behind. */
export async function deleteRedisPrefix(target: string | AppConfig['redis'], prefix: string): Promise<number> {
  const keys = await keysUnderPrefix(target, prefix);
  if (keys.length === 0) return 0;
  const client = typeof target === 'string' ? new Redis(target) : createRedisClient(target);
  try {
    // One DEL per key: on a Cluster, keys of different slots cannot share a command.
    let deleted = 0;
    for (const key of keys) deleted += await client.del(key);
    return deleted;
  } finally {
    client.disconnect();
  }
}

async function withNodes<T>(target: string | AppConfig['redis'], fn: (nodes: Redis[]) => Promise<T>): Promise<T> {
  if (typeof target === 'string' || !target.clusterNodes) {
    const redis = new Redis(typeof target === 'string' ? target : target.url, { maxRetriesPerRequest: 1 });
    try {
      return await fn([redis]);
    } finally {
      redis.disconnect();
    }
  }
  const cluster = createRedisClient(target) as Cluster;
  try {
    await new Promise<void>((resolve, reject) => {
      if (cluster.status === 'ready') return resolve();
      cluster.once('ready', resolve);
      cluster.once('error', reject);
    });
    return await fn(cluster.nodes('master'));
  } finally {
    cluster.disconnect();
  }
}
