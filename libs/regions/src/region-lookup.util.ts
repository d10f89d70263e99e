import type { Region, RegionLocale } from './region.model';
import { getRegionIndex } from './region-index.util';
import { englishRegionName, isRegionGrouping } from './region-name-en.util';

const NONE: readonly Region[] = Object.freeze([]);

/** The region with this canonical code, or undefined (padded codes: see `normalizeRegionCode`). */
export function getRegion(code: unknown): Region | undefined {
  return typeof code === 'string' ? getRegionIndex().byCode.get(code) : undefined;
}

/** Provinces for `null`; otherwise the direct children (empty for districts, leaf cities and unknown codes). */
export function getChildren(code: string | null): readonly Region[] {
  return getRegionIndex().childrenOf.get(code) ?? NONE;
}

/** Ancestors from the province down, excluding the region itself; empty for provinces and unknown codes. */
export function getAncestors(code: unknown): readonly Region[] {
  const ancestors: Region[] = [];
  let parentCode = getRegion(code)?.parentCode ?? null;
  while (parentCode !== null) {
    const parent = getRegion(parentCode);
    if (!parent) break;
    ancestors.unshift(parent);
    parentCode = parent.parentCode;
  }
  return ancestors;
}

/**
 * Display name. GB/T 2260 publishes Chinese names only; 'en' gives the pinyin name with the English
 * administrative suffix (region-name-en.util, from pinyin-pro). Unknown codes give undefined.
 */
export function regionName(code: unknown, locale: RegionLocale = 'zh'): string | undefined {
  const region = getRegion(code);
  if (!region) return undefined;
  return locale === 'en' ? englishRegionName(region) : region.name;
}

/** Every 6-digit district (county-level division), in code order. */
export function listDistricts(): readonly Region[] {
  return getRegionIndex().districts;
}

/**
 * The English address of a region, smallest first, leaving out groupings such as 市辖区 as an English address
 * does: "Jianghan District, Wuhan City, Hubei Province". Unknown codes give undefined.
 */
export function englishRegionPath(code: unknown): string | undefined {
  const region = getRegion(code);
  if (!region) return undefined;
  return [region, ...getAncestors(code).slice().reverse()]
    .filter((r) => !isRegionGrouping(r))
    .map((r) => englishRegionName(r))
    .join(', ');
}
