import type { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import { createHash } from 'node:crypto';

import type { AppConfig } from '../../config/app-config';
import type { AuthedRequest } from '../auth/auth.guard';
import { RATE_LIMIT_WINDOW_MS } from './rate-limit.constant';

type Tracked = Record<string, any>;
const byIp = (req: Tracked) => (req as AuthedRequest).ip;
const byResident = (req: Tracked) => {
  const p = (req as AuthedRequest).principal;
  return p?.kind === 'resident' ? `resident:${p.residentId}` : byIp(req);
};
/** Printed cards' PDFs cost CPU to render: counted per resident or staff member. */
const byPrincipal = (req: Tracked) => {
  const p = (req as AuthedRequest).principal;
  if (p?.kind === 'staff') return `staff:${p.staffId}`;
  return byResident(req);
};
/** Scanning devices present `Device <credentialId>.<secret>`: counted per credential id (never the secret). */
const byScanner = (req: Tracked) => {
  const auth = (req as AuthedRequest).headers.authorization;
  const device =
    typeof auth === 'string' && auth.startsWith('Device ') ? auth.slice(7).split('.')[0].slice(0, 64) : null;
  if (device) return `device:${device}`;
  const p = (req as AuthedRequest).principal;
  return p?.kind === 'staff' ? `staff:${p.staffId}` : byIp(req);
};

/**
 * Logins are counted per client IP (behind the trusted proxy, the X-Forwarded-For client), sign-up per
 * resident, and scans per scanning device (CGNAT and venue networks put many phones and gates behind one
 * IP, so per-IP would punish strangers). Keys are hashed before they reach Redis.
 */
export function rateLimitOptions(config: AppConfig, storage: ThrottlerStorage): ThrottlerModuleOptions {
  const r = config.rateLimits;
  return {
    storage,
    setHeaders: false,
    errorMessage: 'Too many requests: wait a minute and try again',
    generateKey: (_context, tracker, name) => createHash('sha256').update(`${name}\u0000${tracker}`).digest('hex'),
    throttlers: [
      { name: 'staff-login', ttl: RATE_LIMIT_WINDOW_MS, limit: r.staffLoginPerMinute, getTracker: byIp },
      { name: 'host-login', ttl: RATE_LIMIT_WINDOW_MS, limit: r.hostLoginPerMinute, getTracker: byIp },
      { name: 'sign-up', ttl: RATE_LIMIT_WINDOW_MS, limit: r.signUpPerMinute, getTracker: byResident },
      { name: 'scan', ttl: RATE_LIMIT_WINDOW_MS, limit: r.scanPerMinute, getTracker: byScanner },
      { name: 'card-pdf', ttl: RATE_LIMIT_WINDOW_MS, limit: r.cardPdfPerMinute, getTracker: byPrincipal },
    ],
  };
}
