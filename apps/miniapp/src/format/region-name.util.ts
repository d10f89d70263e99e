import {
  englishRegionName,
  englishRegionPath,
  getAncestors,
  getRegion,
  type Region,
  regionName,
} from '@healthcode/regions';

import type { Locale } from '@healthcode/contracts';

/** A region's name in the app's language: the official Chinese name, or its pinyin form in English mode. */
export function localRegionName(code: string, locale: Locale): string | undefined {
  return regionName(code, locale === 'en' ? 'en' : 'zh');
}

/** The name of a region record (picker options) in the app's language. */
export function nameOf(region: Region, locale: Locale): string {
  return locale === 'en' ? englishRegionName(region) : region.name;
}

/**
 * "湖北省 武汉市 江汉区" / "Jianghan District, Wuhan City, Hubei Province" (English leaves out groupings such as
 * 市辖区, as an English address does); the code when unknown.
 */
export function regionPathName(code: string, locale: Locale): string {
  const region = getRegion(code);
  if (!region) return code;
  if (locale === 'en') return englishRegionPath(code) ?? code;
  return [...getAncestors(code), region].map((r) => r.name).join(' ');
}
