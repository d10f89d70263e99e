import { AuditErrorCode, AuditException } from './audit.exception';

/** Field names that would carry a resident's identity or a secret; compared without case, `_` or `-`. */
const FORBIDDEN_KEYS = new Set([
  'name',
  'fullname',
  'residentname',
  'idnumber',
  'idno',
  'nationalid',
  'phone',
  'mobile',
  'phonenumber',
  'password',
  'totp',
  'totpsecret',
  'secret',
  'token',
  'accesstoken',
]);

/** An 18-character resident ID or a mainland mobile number standing alone in a string. */
const RESIDENT_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
const MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;

export const MAX_DETAILS_BYTES = 16 * 1024;

/**
 * The audit log is kept for years and read by auditors: it records what changed, never who a resident is.
 * Refuses details with identity-bearing keys or values that look like an ID or phone number.
 */
export function assertNoPersonalData(details: unknown, path = 'details'): void {
  if (typeof details === 'string') {
    if (RESIDENT_ID.test(details) || MOBILE.test(details)) {
      throw new AuditException(AuditErrorCode.PersonalDataInDetails, `${path} looks like an ID or phone number`);
    }
    return;
  }
  if (typeof details === 'number') return assertNoPersonalData(String(details), path);
  if (Array.isArray(details)) return details.forEach((v, i) => assertNoPersonalData(v, `${path}.${i}`));
  if (details && typeof details === 'object') {
    for (const [key, value] of Object.entries(details)) {
      if (FORBIDDEN_KEYS.has(key.toLowerCase().replace(/[_-]/g, ''))) {
        throw new AuditException(
          AuditErrorCode.PersonalDataInDetails,
          `${path}.${key} may not be recorded in the audit log`,
        );
      }
      assertNoPersonalData(value, `${path}.${key}`);
    }
  }
}
