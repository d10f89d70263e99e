import type { OfflineScanRefusal, ScanRejection } from '@healthcode/contracts';

/** What a device shows its operator for each refused token. Fixed texts: nothing from the token is quoted. */
export const SCAN_REJECTION_MESSAGES: Record<ScanRejection, string> = {
  malformed: 'Not a health code: the QR content could not be read as a code token',
  'bad-signature': 'The code is forged or altered: its signature is not valid',
  'unknown-kid': 'The code was signed with a key this system does not know',
  'bad-alg': 'The code uses a signature algorithm other than ES256',
  expired: 'The code has expired: ask the person to open their code again',
  'not-yet-valid': "The code is dated in the future: check this device's clock",
  'bad-claims': 'The code token carries invalid contents',
  'unknown-code': 'This code no longer exists (the account was deleted)',
  'unknown-issuer': 'The code comes from an issuer this system does not trust (not on the trust list)',
  'issuer-suspended': "Trust in the code's issuer is suspended: its codes are not accepted here",
  'issuer-outside-validity': "The trust list entry for the code's issuer is not valid at this time",
  'issuer-mismatch': 'The code names an issuer other than the one whose key signed it',
  'unknown-card': 'This card is not known here (never issued by this system, or the account was deleted)',
  'card-revoked': 'This card was revoked or replaced by a newer card: it no longer works',
};

/** Why an offline batch entry was refused and not stored; fixed texts, nothing from the entry is quoted. */
export const OFFLINE_SCAN_REFUSAL_MESSAGES: Record<OfflineScanRefusal, string> = {
  'scanned-before-issue': "The scan is dated before the code was issued: check this device's clock",
  'scanned-in-future': "The scan is dated after its upload: check this device's clock",
  'offline-window-passed':
    'The scan was uploaded too long after the code expired (beyond the offline window): it was not recorded',
};

/** Tolerated clock difference between the code's issuer and the scan (seconds). */
export const SCAN_CLOCK_SKEW_SEC = 30;
