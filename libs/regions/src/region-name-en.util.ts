import { pinyin } from 'pinyin-pro';

import type { Region } from './region.model';

/**
 * English names of GB/T 2260 regions, made from the official Chinese name: the place in Hanyu Pinyin (pinyin-pro,
 * which reads place-name polyphones such as 重庆 Chongqing, 六安 Lu'an, 蚌埠 Bengbu) and the administrative
 * suffix in English, as Chinese official English usage does ("Wuhan City", "Jianghan District",
 * "Enshi Tujia Miao Autonomous Prefecture"). No name is typed in by hand; only the dozen suffixes are.
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

const cache = new Map<string, string>();

/** A grouping level such as 市辖区 ("City Districts"): left out of an English address path. */
export function isRegionGrouping(region: Pick<Region, 'name'>): boolean {
  return region.name in GROUPINGS;
}

/** One word in pinyin, capitalised, with an apostrophe before a syllable that starts with a, o or e (Xi'an). */
export function pinyinWord(hanzi: string): string {
  const syllables = pinyin(hanzi, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).filter(Boolean);
  const word = syllables
    .map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s))
    .join('')
    .replace(/ü|v/g, 'ü');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The place part: the first two characters name the place, each following "…族" an ethnic group. */
function placeWords(stem: string): string[] {
  if (!stem.includes('族') || stem.length <= 3) return [pinyinWord(stem)];
  const place = stem.slice(0, 2);
  const groups = stem
    .slice(2)
    .split('族')
    .filter(Boolean)
    .map((g) => pinyinWord(g));
  return [pinyinWord(place), ...groups];
}

export function englishRegionName(region: Pick<Region, 'name' | 'level'>): string {
  const key = `${region.level}:${region.name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let english = GROUPINGS[region.name];
  if (!english) {
    const suffix = SUFFIXES.find(([zh]) => region.name.endsWith(zh) && region.name.length > zh.length);
    const stem = suffix ? region.name.slice(0, -suffix[0].length) : region.name;
    // The four municipalities are cities at province level.
    const label = suffix?.[0] === '市' && region.level === 'province' ? 'Municipality' : suffix?.[1];
    english = [...placeWords(stem), ...(label ? [label] : [])].join(' ');
  }
  cache.set(key, english);
  return english;
}
