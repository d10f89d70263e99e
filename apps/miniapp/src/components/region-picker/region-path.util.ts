import { getAncestors, getChildren, getRegion, type Region } from '@healthcode/regions';

/** The picker's three levels: province, city, district. */
export const REGION_LEVELS = 3;

/** Codes from the province down to `code` itself; empty for null or an unknown code. */
export function regionPath(code: string | null | undefined): string[] {
  const region = code ? getRegion(code) : undefined;
  if (!region) return [];
  return [...getAncestors(region.code).map((r) => r.code), region.code];
}

/**
 * The options of each column for a chosen path: provinces, then the children of each chosen level.
 * A column with no options (a city without districts, e.g. 东莞市) is left out.
 */
export function columnOptions(path: readonly string[]): Region[][] {
  const columns: Region[][] = [[...getChildren(null)]];
  for (let level = 0; level < Math.min(path.length, REGION_LEVELS - 1); level++) {
    const children = getChildren(path[level]);
    if (children.length === 0) break;
    columns.push([...children]);
  }
  return columns;
}
