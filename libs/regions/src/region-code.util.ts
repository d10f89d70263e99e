import { REGION_CODE_PATTERN } from './region-code.constant';
import { getRegionIndex } from './region-index.util';

/**
 * Canonical codes are 2/4/6 digits. The zero-padded 6-digit forms used by some systems
 * ('330000' for 浙江省, '330100' for 杭州市) are not canonical: pass them through here first.
 * Returns the canonical code of an existing region, or null.
 */
export function normalizeRegionCode(code: unknown): string | null {
  if (typeof code !== 'string') return null;
  const trimmed = code.trim();
  if (!REGION_CODE_PATTERN.test(trimmed)) return null;
  let canonical = trimmed;
  if (canonical.length === 6 && canonical.endsWith('00')) canonical = canonical.slice(0, 4);
  if (canonical.length === 4 && canonical.endsWith('00')) canonical = canonical.slice(0, 2);
  return isValidRegionCode(canonical) ? canonical : null;
}

/** True for the canonical code (2/4/6 digits) of an existing province, city or district. */
export function isValidRegionCode(code: unknown): code is string {
  return typeof code === 'string' && REGION_CODE_PATTERN.test(code) && getRegionIndex().byCode.has(code);
}

/**
 * True when `prefix` can scope a jurisdiction (an admin's area, a checkpoint's area): the canonical
 * code of an existing region at any level. There is deliberately no "whole country" prefix such as
 * '' here, so an empty or missing scope never silently widens to everything.
 */
export function isValidRegionPrefix(prefix: unknown): prefix is string {
  return isValidRegionCode(prefix);
}

/** True when `code` is `prefix` itself or lies inside it. Both must be valid canonical codes. */
export function prefixCovers(prefix: unknown, code: unknown): boolean {
  return isValidRegionPrefix(prefix) && isValidRegionCode(code) && code.startsWith(prefix);
}
