import type { Locale } from '@healthcode/contracts';

export const CONSOLE_LANGUAGES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LANGUAGE: Locale = 'zh-CN';
/** localStorage: the choice outlives the session, unlike the staff token. */
export const LANGUAGE_STORAGE_KEY = 'healthcode.console.language';
/** `?lang=en` wins over the stored choice for one visit (screenshots, tests, shared links). */
export const LANGUAGE_QUERY_PARAM = 'lang';
