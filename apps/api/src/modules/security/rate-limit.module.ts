import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { rateLimitOptions } from './rate-limit-options.util';
import { LocalFirstThrottlerStorage } from './local-first-throttler.storage';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { SecurityRedis } from './security-redis';

@Module({
  providers: [SecurityRedis, RedisThrottlerStorage, LocalFirstThrottlerStorage],
  exports: [SecurityRedis, RedisThrottlerStorage, LocalFirstThrottlerStorage],
})
export class RateLimitStorageModule {}

/** Throttler options and the storage (local counts synced through Redis, staff login exact in Redis); `RateLimitGuard` (registered after AuthGuard) applies them. */
export const RateLimitModule = ThrottlerModule.forRootAsync({
  imports: [RateLimitStorageModule],
  inject: [APP_CONFIG, LocalFirstThrottlerStorage],
  useFactory: (config: AppConfig, storage: LocalFirstThrottlerStorage) => rateLimitOptions(config, storage),
});
