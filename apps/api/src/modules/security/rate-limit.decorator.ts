import { SetMetadata } from '@nestjs/common';

import { RATE_LIMIT_METADATA, type RateLimitName } from './rate-limit.constant';

/** Puts a route under one of the named limits (see docs/SECURITY.md). */
export const RateLimit = (name: RateLimitName) => SetMetadata(RATE_LIMIT_METADATA, name);
