/** Named rate limits (@nestjs/throttler throttlers). Each route opts into at most one. */
export const RATE_LIMITS = ['staff-login', 'host-login', 'sign-up', 'scan', 'card-pdf'] as const;
export type RateLimitName = (typeof RATE_LIMITS)[number];

export const RATE_LIMIT_METADATA = 'hc:rate-limit';

/** Every limit counts requests in a fixed one-minute window. */
export const RATE_LIMIT_WINDOW_MS = 60_000;
