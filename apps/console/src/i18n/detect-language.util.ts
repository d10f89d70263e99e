import type { Locale } from '@healthcode/contracts';

import { DEFAULT_LANGUAGE, LANGUAGE_QUERY_PARAM } from './language.constant';

/** Maps loose tags ('en-US', 'zh', 'ZH-cn') onto a console language; anything else is unknown. */
export function toConsoleLanguage(tag: string | null | undefined): Locale | undefined {
  const normalized = tag?.trim().toLowerCase();
  if (!normalized) return undefined;
  if (normalized === 'en' || normalized.startsWith('en-')) return 'en';
  if (normalized === 'zh' || normalized.startsWith('zh-')) return 'zh-CN';
  return undefined;
}

interface LanguageSources {
  /** `location.search`, e.g. `?lang=en`. */
  search: string;
  /** `location.hash`: with a hash router the query may sit there instead (`#/login?lang=en`). */
  hash: string;
  stored: string | null;
}

/** Query parameter first, then the remembered choice, then Chinese. */
export function detectLanguage({ search, hash, stored }: LanguageSources): Locale {
  const hashQuery = hash.includes('?') ? hash.slice(hash.indexOf('?')) : '';
  const fromQuery =
    new URLSearchParams(search).get(LANGUAGE_QUERY_PARAM) ?? new URLSearchParams(hashQuery).get(LANGUAGE_QUERY_PARAM);
  return toConsoleLanguage(fromQuery) ?? toConsoleLanguage(stored) ?? DEFAULT_LANGUAGE;
}
