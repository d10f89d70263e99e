import type { Region } from './region.model';
import { getRegionIndex } from './region-index.util';
import { REGION_PLACE_WORDS_EN } from './region-place-words-en.generated';

/**
 * English names of GB/T 2260 regions, made from the official Chinese name: the place in Hanyu Pinyin and the
 * administrative suffix in English, as Chinese official English usage does ("Wuhan City", "Jianghan District",
 * "Enshi Tujia Miao Autonomous Prefecture"). No name is typed in by hand: the pinyin comes from pinyin-pro through
 * the generated `region-place-words-en.generated.ts` (see `region-pinyin.util.ts`); only the suffixes are here.
 */
const SUFFIXES: readonly [string, string][] = [
  ['特别行政区', 'Special Administrative Region'],
  ['自治区', 'Autonomous Region'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['林区', 'Forest District'],
  ['地区', 'Prefecture'],
  ['新区', 'New Area'],
  ['矿区', 'Mining District'],
  ['街道', 'Subdistrict'],
  ['省', 'Province'],
  ['市', 'City'],
  ['区', 'District'],
  ['县', 'County'],
  ['旗', 'Banner'],
  ['盟', 'League'],
  ['镇', 'Town'],
];

/** Whole names that are groupings rather than places (the municipalities' "city" level, and the like). */
const GROUPINGS: Record<string, string> = {
  市辖区: 'City Districts',
  县: 'Counties',
  省直辖县级行政区划: 'County-level Divisions under the Province',
  自治区直辖县级行政区划: 'County-level Divisions under the Autonomous Region',
};

/** A grouping level such as 市辖区 ("City Districts"): left out of an English address path. */
export function isRegionGrouping(region: Pick<Region, 'name'>): boolean {
  return region.name in GROUPINGS;
}

/** The name without its administrative suffix, and the suffix's English label (municipalities are cities at province level). */
export function splitRegionName(region: Pick<Region, 'name' | 'level'>): { stem: string; label?: string } {
  const suffix = SUFFIXES.find(([zh]) => region.name.endsWith(zh) && region.name.length > zh.length);
  const stem = suffix ? region.name.slice(0, -suffix[0].length) : region.name;
  const label = suffix?.[0] === '市' && region.level === 'province' ? 'Municipality' : suffix?.[1];
  return { stem, label };
}

let placeWordsByCode: Map<string, string> | undefined;

/** The generated place words, one per region in the index's order (a grouping has an empty entry). */
export function generatedPlaceWords(): ReadonlyMap<string, string> {
  if (!placeWordsByCode) {
    const words = REGION_PLACE_WORDS_EN.split('|');
    placeWordsByCode = new Map([...getRegionIndex().byCode.keys()].map((code, i) => [code, words[i] ?? '']));
  }
  return placeWordsByCode;
}

export function englishRegionName(region: Pick<Region, 'code' | 'name' | 'level'>): string {
  const grouping = GROUPINGS[region.name];
  if (grouping) return grouping;
  const place = generatedPlaceWords().get(region.code);
  if (!place) return region.name; // not a GB/T 2260 region this library knows
  const { label } = splitRegionName(region);
  return label ? `${place} ${label}` : place;
}
