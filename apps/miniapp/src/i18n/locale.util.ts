import type { Locale } from '@healthcode/contracts';

/**
 * Hosts report the system language differently (WeChat `zh_CN`, Alipay `zh-Hans`, browsers `zh-CN`
 * or `zh-TW`): every Chinese variant gets the Chinese text, everything else English.
 */
export function localeFromSystemLanguage(language: string | undefined | null): Locale {
  return language && /^zh/i.test(language.trim()) ? 'zh-CN' : 'en';
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}
