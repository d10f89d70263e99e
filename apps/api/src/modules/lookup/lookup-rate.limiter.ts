import { createHash } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { RATE_LIMIT_WINDOW_MS } from '../security/rate-limit.constant';
import { RedisThrottlerStorage } from '../security/redis-throttler.storage';

/**
 * Lookups per staff member, whatever the outcome: a hotline agent handles a few calls a minute, so a run of
 * lookups (walking ID numbers to see who is registered) stops at this pace. Keyed by a hash of the staff id.
 */
@Injectable()
export class LookupRateLimiter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: RedisThrottlerStorage,
  ) {}

  /** Counts one lookup; returns seconds to wait when over the limit, else null. */
  async hit(staffId: string): Promise<number | null> {
    const key = createHash('sha256').update(`staff-lookup\u0000${staffId}`).digest('hex');
    const r = await this.storage.increment(
      key,
      RATE_LIMIT_WINDOW_MS,
      this.config.staffLookup.perMinute,
      RATE_LIMIT_WINDOW_MS,
      'staff-lookup',
    );
    return r.isBlocked ? Math.max(1, r.timeToBlockExpire) : null;
  }
}
