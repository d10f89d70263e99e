import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { createRedisClient, type RedisClient } from '../redis/redis-client.util';
import { heartbeatKey } from './worker-heartbeat.util';

/**
 * The worker's liveness signal: a key in Redis rewritten every `heartbeat.everyMs` from the event loop, expiring
 * after `heartbeat.staleMs`. A worker whose loop hangs (a stuck synchronous job, SIGSTOP) stops writing it, and
 * the container's health check (`health-check worker`) turns unhealthy.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkerHeartbeat.name);
  private readonly client: RedisClient;
  private readonly key: string;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.key = heartbeatKey(config.redis.queuePrefix, config.heartbeat.workerId);
    this.client = createRedisClient(config.redis, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
    this.client.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'heartbeat redis unavailable'));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat(), this.config.heartbeat.everyMs);
  }

  private async beat(): Promise<void> {
    try {
      await this.client.set(this.key, String(this.clock.now().getTime()), 'PX', this.config.heartbeat.staleMs);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'heartbeat not written');
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    // A worker that stops on purpose says so at once instead of going stale.
    await this.client.del(this.key).catch(() => undefined);
    this.client.disconnect();
  }
}
