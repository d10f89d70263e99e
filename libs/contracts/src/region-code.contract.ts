import { getChildren, getRegion, normalizeRegionCode } from '@healthcode/regions';
import { z } from 'zod';

/**
 * The one place a region code is validated (GB/T 2260). Accepted: the canonical prefixes of 2, 4 or 6 digits
 * ('33', '3301', '330106') and the zero-padded 6-digit province and city codes other systems send ('330000',
 * '330100'). Every schema answers the canonical code, so '330100' and '3301' are the same region downstream.
 */
const REGION_DIGITS = /^\d{2}(?:\d{2}){0,2}$/;

export const REGION_CODE_MESSAGE =
  'A GB/T 2260 region code: 2, 4 or 6 digits (33, 3301, 330106) or a 6-digit province or city code (330000, 330100)';
export const UNKNOWN_REGION_MESSAGE = 'Unknown region code (GB/T 2260)';
export const COUNTY_REGION_MESSAGE = 'A county-level region (district or county), such as 330106';

/** The canonical code of an existing region, or null. A padded 4-digit form ('3300') is not a code anyone sends. */
export function parseRegionCode(value: unknown): string | null {
  if (typeof value !== 'string' || !REGION_DIGITS.test(value)) return null;
  if (value.length === 4 && value.endsWith('00')) return null;
  return normalizeRegionCode(value);
}

/** Why a value is not a region code (`null` when it is one), in the words every endpoint uses. */
export function explainRegionCode(value: unknown): string | null {
  if (typeof value !== 'string' || !REGION_DIGITS.test(value)) return REGION_CODE_MESSAGE;
  return parseRegionCode(value) === null ? UNKNOWN_REGION_MESSAGE : null;
}

/**
 * County level: a district or county, or one of the few prefecture-level cities without counties (东莞 4419).
 * A home region must be one, so every resident is counted in exactly one leaf and a parent's count is the sum
 * of its children's.
 */
export function isCountyLevelRegion(code: string): boolean {
  const region = getRegion(code);
  return region !== undefined && region.level !== 'province' && getChildren(code).length === 0;
}

/** A staff scope ('' is the whole country) covers a region when the region lies inside it. */
export function regionScopeCovers(scope: string, region: string | null | undefined): boolean {
  if (scope === '') return true;
  return typeof region === 'string' && region.startsWith(scope);
}

const toCanonical = (value: string, ctx: z.RefinementCtx): string => {
  const problem = explainRegionCode(value);
  if (problem !== null) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return parseRegionCode(value) as string;
};

/** Any region (province, city, county), answered in canonical form. */
export const regionCode = () => z.string().max(6, REGION_CODE_MESSAGE).transform(toCanonical);

/** A county-level region: where a resident lives. */
export const countyRegionCode = () => regionCode().refine((code) => isCountyLevelRegion(code), COUNTY_REGION_MESSAGE);

/** A region prefix or '' for the whole country (region filters, staff scopes). */
export const regionScopeCode = () => z.union([z.literal(''), regionCode()]);
