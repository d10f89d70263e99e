/** A mainland China mobile number in canonical form: 11 digits, no country code. */
export const MAINLAND_MOBILE_PATTERN = /^1[3-9]\d{9}$/;

const SEPARATORS = /[\s\-()]/g;
const COUNTRY_CODE = /^(?:\+86|0086)/;

/**
 * Canonical form of a typed or pasted number: spaces, dashes and brackets removed, and a +86 / 0086
 * country code (or a bare 86 before 11 mobile digits) dropped. Total: anything that is not a mobile
 * number comes back cleaned but still invalid, for `isValidPhone` to reject.
 */
export function normalizePhone(input: string): string {
  const compact = String(input).replace(SEPARATORS, '').replace(COUNTRY_CODE, '');
  return /^861[3-9]\d{9}$/.test(compact) ? compact.slice(2) : compact;
}

/** True for a canonical mainland mobile number only: normalize user input first. */
export function isValidPhone(value: unknown): value is string {
  return typeof value === 'string' && MAINLAND_MOBILE_PATTERN.test(value);
}
