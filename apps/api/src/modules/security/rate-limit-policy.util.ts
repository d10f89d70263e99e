import type { RateLimitName } from './rate-limit.constant';

/**
 * Limits for routes whose controllers do not carry `@RateLimit` (owned elsewhere, or added later): sign-up
 * and resident login by route, and every POST route ending in `/scans` or `/scans/batch` (checkpoint
 * scans) by shape, so a scan endpoint is limited the day it appears.
 */
const BY_ROUTE: Readonly<Record<string, RateLimitName>> = {
  'POST /api/v1/auth/host-login': 'host-login',
  'PUT /api/v1/me/profile': 'sign-up',
  'POST /api/v1/staff/login': 'staff-login',
};

export function rateLimitForRoute(method: string, url: string | undefined): RateLimitName | null {
  if (!url) return null;
  const byRoute = BY_ROUTE[`${method} ${url}`];
  if (byRoute) return byRoute;
  if (method === 'POST' && /\/scans?(\/batch)?$/.test(url)) return 'scan';
  return null;
}
