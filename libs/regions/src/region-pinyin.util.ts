import { pinyin } from 'pinyin-pro';

/**
 * The pinyin half of English region names, with pinyin-pro (which reads place-name polyphones such as 重庆
 * Chongqing, 六安 Lu'an, 蚌埠 Bengbu). Used only to generate `region-place-words-en.generated.ts` and by its
 * spec: pinyin-pro is some 300 KB, too much for the mini-program's 1 MB main package, so the apps ship the
 * generated words and never import this file (it is not exported from the library's index).
 */

/** One word in pinyin, capitalised, with an apostrophe before a syllable that starts with a, o or e (Xi'an). */
export function pinyinWord(hanzi: string): string {
  const syllables = pinyin(hanzi, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).filter(Boolean);
  const word = syllables
    .map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s))
    .join('')
    .replace(/ü|v/g, 'ü');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The place part of a name's stem: the first two characters name the place, each following "…族" an ethnic group. */
export function placeWords(stem: string): string {
  if (!stem.includes('族') || stem.length <= 3) return pinyinWord(stem);
  const place = stem.slice(0, 2);
  const groups = stem
    .slice(2)
    .split('族')
    .filter(Boolean)
    .map((g) => pinyinWord(g));
  return [pinyinWord(place), ...groups].join(' ');
}
