import type { OfflineScanRefusal } from '@healthcode/contracts';
import { CODE_TOKEN_MAX_TTL_SEC, type CodeTokenVerifyResult } from '@healthcode/qr-token';

import { SCAN_CLOCK_SKEW_SEC } from './scan-rejection.constant';

/**
 * Bounds an offline batch entry, whose scan time the device asserts: it must lie in [token iat − skew, upload
 * time + skew], and the upload must come at most `windowHours` after the token's expiry. `verified` is the token
 * verified as of the (clamped) scan time, so `not-yet-valid` there means the scan is dated before the token was
 * issued. Entries whose token cannot be read are still bounded by the earliest scan time any valid upload has.
 */
export function offlineScanRefusal(
  verified: CodeTokenVerifyResult,
  scannedAt: Date,
  uploadedAt: Date,
  windowHours: number,
): OfflineScanRefusal | null {
  const skewMs = SCAN_CLOCK_SKEW_SEC * 1000;
  const windowMs = windowHours * 3_600_000;
  if (scannedAt.getTime() > uploadedAt.getTime() + skewMs) return 'scanned-in-future';
  if (!verified.ok && verified.error === 'not-yet-valid') return 'scanned-before-issue';
  if (verified.ok && uploadedAt.getTime() > verified.claims.exp * 1000 + windowMs) return 'offline-window-passed';
  const earliest = uploadedAt.getTime() - windowMs - CODE_TOKEN_MAX_TTL_SEC * 1000 - skewMs;
  if (scannedAt.getTime() < earliest) return 'offline-window-passed';
  return null;
}
