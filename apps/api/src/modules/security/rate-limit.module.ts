import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { rateLimitOptions } from './rate-limit-options.util';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { SecurityRedis } from './security-redis';

@Module({ providers: [SecurityRedis, RedisThrottlerStorage], exports: [SecurityRedis, RedisThrottlerStorage] })
export class RateLimitStorageModule {}

/** Throttler options and the Redis storage; `RateLimitGuard` (registered after AuthGuard) applies them. */
export const RateLimitModule = ThrottlerModule.forRootAsync({
  imports: [RateLimitStorageModule],
  inject: [APP_CONFIG, RedisThrottlerStorage],
  useFactory: (config: AppConfig, storage: RedisThrottlerStorage) => rateLimitOptions(config, storage),
});
