import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { createRedisClient, type RedisClient } from '../redis/redis-client.util';

/**
 * The API's Redis connection for rate limits and login attempt counters. Every key lives under the
 * queue prefix (`{hc}:rl:…`), holds only hashes and counters, and expires on its own.
 */
@Injectable()
export class SecurityRedis implements OnModuleDestroy {
  private readonly logger = new Logger(SecurityRedis.name);
  readonly client: RedisClient;
  readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = `${config.redis.queuePrefix}:rl:`;
    this.client = createRedisClient(config.redis, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: true });
    this.client.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'rate-limit redis unavailable'));
  }

  async onModuleDestroy(): Promise<void> {
    this.client.disconnect();
  }
}
