import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { createRedisClient, type RedisClient } from '../redis/redis-client.util';

/** A small dedicated Redis connection for readiness checks and preflight. */
@Injectable()
export class RedisHealth implements OnModuleDestroy {
  private readonly client: RedisClient;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = createRedisClient(config.redis, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2000,
    });
    this.client.on('error', () => undefined);
  }

  private connecting: Promise<void> | null = null;

  async ping(): Promise<void> {
    // Concurrent first checks share one connect: without the offline queue, a ping sent while the socket is
    // still connecting fails and readiness would answer 503 for a healthy Redis (found by the fuzz test).
    if (this.client.status === 'wait' || this.client.status === 'end')
      this.connecting ??= this.client.connect().finally(() => (this.connecting = null));
    if (this.connecting) await this.connecting;
    await this.client.ping();
  }

  async onModuleDestroy(): Promise<void> {
    this.client.disconnect();
  }
}
