import { createHash } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { RATE_LIMIT_WINDOW_MS } from '../security/rate-limit.constant';
import { RedisThrottlerStorage } from '../security/redis-throttler.storage';

/**
 * Login attempts per account name, whatever the outcome and from however many IPs: a distributed guess run
 * against one account slows to this pace even before the account locks. Keyed by a hash of the name.
 */
@Injectable()
export class LoginAttemptLimiter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: RedisThrottlerStorage,
  ) {}

  /** Counts one attempt; returns seconds to wait when over the limit, else null. */
  async hit(username: string): Promise<number | null> {
    const key = createHash('sha256').update(`staff-account\u0000${username}`).digest('hex');
    const r = await this.storage.increment(
      key,
      RATE_LIMIT_WINDOW_MS,
      this.config.staffLogin.perAccountPerMinute,
      RATE_LIMIT_WINDOW_MS,
      'staff-account',
    );
    return r.isBlocked ? Math.max(1, r.timeToBlockExpire) : null;
  }
}
