import type { AppConfig } from '../../config/app-config';

export interface ScanSettings {
  retentionDays: number;
  /** Token bucket per device credential. */
  ratePerSec: number;
  burst: number;
}

/** Scan settings from the validated configuration (RETENTION_SCAN_DAYS, RATE_LIMIT_SCAN_PER_MINUTE). */
export function scanSettings(config: AppConfig): ScanSettings {
  const perMinute = config.rateLimits.scanPerMinute;
  // A burst of ten seconds' worth: a gate clears a queue quickly after a pause, then settles to the rate.
  return {
    retentionDays: config.retention.scanDays,
    ratePerSec: perMinute / 60,
    burst: Math.max(5, Math.ceil(perMinute / 6)),
  };
}

export const SCAN_SETTINGS = Symbol('SCAN_SETTINGS');
