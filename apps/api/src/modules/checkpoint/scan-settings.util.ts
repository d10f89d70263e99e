import type { AppConfig } from '../../config/app-config';

export interface ScanSettings {
  retentionDays: number;
  /** Token bucket per device credential. */
  ratePerSec: number;
  burst: number;
  /** How long past a token's expiry an offline device may still upload its scan (OFFLINE_SCAN_WINDOW_HOURS). */
  offlineWindowHours: number;
}

/** Scan settings from the validated configuration (RETENTION_SCAN_DAYS, RATE_LIMIT_SCAN_PER_MINUTE,
 * OFFLINE_SCAN_WINDOW_HOURS). */
export function scanSettings(config: AppConfig): ScanSettings {
  const perMinute = config.rateLimits.scanPerMinute;
  // A burst of ten seconds' worth: a gate clears a queue quickly after a pause, then settles to the rate.
  return {
    retentionDays: config.retention.scanDays,
    ratePerSec: perMinute / 60,
    burst: Math.max(5, Math.ceil(perMinute / 6)),
    offlineWindowHours: config.offlineScans.windowHours,
  };
}

export const SCAN_SETTINGS = Symbol('SCAN_SETTINGS');
