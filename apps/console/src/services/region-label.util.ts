import type { Locale } from '@healthcode/contracts';
import { regionName } from '@healthcode/regions';

import { currentLanguage } from '../i18n/i18n';

const regionLocale = (language: Locale) => (language === 'en' ? 'en' : 'zh');

/**
 * "浙江省 (33)" / "Zhejiang Province (33)": the official name in a language (English names are pinyin with an
 * English suffix, from @healthcode/regions) with its code. An unknown code is shown as it is.
 */
export function regionLabelIn(code: string, language: Locale): string {
  const name = regionName(code, regionLocale(language));
  return name ? `${name} (${code})` : code;
}

/** The label in the console's current language (one argument: safe as a table column's `render`). */
export function regionLabel(code: string): string {
  return regionLabelIn(code, currentLanguage());
}

/** The bare name for chart axes and trees, in the console's current language, falling back to the code. */
export function regionShortName(code: string): string {
  return regionName(code, regionLocale(currentLanguage())) ?? code;
}
