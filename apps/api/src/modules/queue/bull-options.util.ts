import { type BullRootModuleOptions, getQueueToken } from '@nestjs/bull';
import type { OnApplicationShutdown, Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import Bull, { type Queue } from 'bull';

import type { AppConfig } from '../../config/app-config';
import { createRedisClient, type RedisClient } from '../redis/redis-client.util';
import * as QUEUE_CONSTANTS from './queue-names.constant';

const QUEUE_NAMES = Object.entries(QUEUE_CONSTANTS)
  .filter(([key]) => key.endsWith('_QUEUE'))
  .map(([, name]) => name as string);

/**
 * The Redis Cluster clients Bull opened through `createClient`. Bull never closes clients it did not create itself,
 * so the app closes them, but only once every queue has closed: a queue's close forces its blocking client to
 * reconnect and waits for it, and an ioredis Cluster disconnected underneath in that moment never emits `end`, so
 * the close (and the process's shutdown) waited forever. Nest runs every module's `onApplicationShutdown` without
 * ordering them against @nestjs/bull's own queue close, so this hook closes the queues itself first (Bull's close
 * is idempotent: the same promise), then disconnects. One instance per app: provide it with `bullClientsProvider`.
 */
export class BullClients implements OnApplicationShutdown {
  private readonly clients = new Set<RedisClient>();
  private queues: () => Queue[] = () => [];

  track(client: RedisClient): RedisClient {
    this.clients.add(client);
    return client;
  }

  /** Where to find the app's queues at shutdown (every `*_QUEUE` the module registered). */
  closingQueuesOf(moduleRef: ModuleRef): this {
    this.queues = () => {
      const found: Queue[] = [];
      for (const name of QUEUE_NAMES) {
        try {
          found.push(moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
        } catch {
          // not registered in this process
        }
      }
      return found;
    };
    return this;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.clients.size > 0) await Promise.allSettled(this.queues().map((q) => q.close()));
    for (const client of this.clients) client.disconnect();
    this.clients.clear();
  }
}

/** The app's provider for `clients` (the instance passed to `bullOptions`), wired to close the queues first. */
export function bullClientsProvider(clients: BullClients): Provider {
  return { provide: BullClients, useFactory: (ref: ModuleRef) => clients.closingQueuesOf(ref), inject: [ModuleRef] };
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

/**
 * A Bull queue outside Nest (CLIs, tests) with the app's connection settings: a Cluster client per role with
 * REDIS_CLUSTER_NODES, REDIS_URL otherwise. `close` closes the queue, then the Cluster clients Bull left open.
 */
export function openQueue(config: AppConfig, name: string): { queue: Queue; close: () => Promise<void> } {
  const clients = new BullClients();
  const { createClient, prefix } = bullOptions(config, clients);
  const queue = createClient
    ? new Bull(name, { prefix, createClient } as Bull.QueueOptions)
    : new Bull(name, config.redis.url, { prefix });
  return {
    queue,
    close: async () => {
      await queue.close();
      await clients.onApplicationShutdown();
    },
  };
}
