import { isProvinceCode } from '@healthcode/regions';

import { systemNow } from './clock';
import { cstDate } from './date.util';

/** Why a string is not a valid GB 11643-1999 resident ID number; checked in this order. */
export type ResidentIdError = 'length' | 'format' | 'birth-date' | 'region' | 'check-digit';

const RESIDENT_ID_FORMAT = /^\d{17}[\dX]$/;
const PASSPORT_NUMBER = /^[A-Z0-9]{5,17}$/;
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** Older than anyone alive; early enough for the standard's own example (born 1880-01-01). */
const EARLIEST_BIRTH_DATE = '18800101';

/**
 * The GB 11643-1999 check character (ISO 7064 MOD 11-2) for the first 17 digits: '0'-'9' or 'X'.
 * Throws a TypeError, without echoing the input, unless given exactly 17 digits.
 */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new TypeError('Expected the 17 leading digits of a resident ID number');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * CHECK_WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * Checks an 18-character resident ID number in canonical form (trimmed, check character 'X' in
 * upper case): format, a real birth date between 1880 and today (China time), a known province
 * code in the first two digits, and the check character. The rest of the address code is not checked:
 * numbers issued under since-abolished county codes stay valid for life.
 * Returns null when valid.
 */
export function explainResidentIdError(id: string, now: Date = systemNow()): ResidentIdError | null {
  if (typeof id !== 'string' || id.length !== 18) return 'length';
  if (!RESIDENT_ID_FORMAT.test(id)) return 'format';
  if (!isPlausibleBirthDate(id.slice(6, 14), now)) return 'birth-date';
  if (!isProvinceCode(id.slice(0, 2))) return 'region';
  if (residentIdCheckDigit(id.slice(0, 17)) !== id[17]) return 'check-digit';
  return null;
}

export function isValidResidentId(id: string, now: Date = systemNow()): boolean {
  return explainResidentIdError(id, now) === null;
}

/** Passport numbers vary by country: 5 to 17 upper-case letters and digits (upper-case the input first). */
export function isValidPassportNumber(value: string): boolean {
  return typeof value === 'string' && PASSPORT_NUMBER.test(value);
}

function isPlausibleBirthDate(yyyymmdd: string, now: Date): boolean {
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return false;
  return yyyymmdd >= EARLIEST_BIRTH_DATE && iso <= cstDate(now);
}
