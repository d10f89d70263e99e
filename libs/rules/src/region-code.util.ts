import { PROVINCE_CODES } from './province-codes.constant';

const PREFIX = /^\d{2}(?:\d{2}(?:\d{2})?)?$/;

/**
 * A GB/T 2260 prefix in its shortest form: '33', '3301' or '330106'. Padded forms such as
 * '330000' or '3300' are refused so that one region has exactly one key.
 */
export function isRegionPrefix(value: unknown): value is string {
  if (typeof value !== 'string' || !PREFIX.test(value) || !PROVINCE_CODES.has(value.slice(0, 2))) return false;
  for (let i = 2; i < value.length; i += 2) if (value.slice(i, i + 2) === '00') return false;
  return true;
}

/** A code a fact may name: a prefix, or a 6-digit code that may be a padded city/province code. */
export function isRegionCode(value: unknown): value is string {
  return typeof value === 'string' && PREFIX.test(value) && PROVINCE_CODES.has(value.slice(0, 2));
}

/** The prefixes a code falls under, most specific first: '330106' → ['330106', '3301', '33']. */
export function regionPrefixes(code: string): string[] {
  if (code.length === 6) return [code, code.slice(0, 4), code.slice(0, 2)];
  if (code.length === 4) return [code, code.slice(0, 2)];
  return [code];
}
