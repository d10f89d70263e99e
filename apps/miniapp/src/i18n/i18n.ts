import type { Locale } from '@healthcode/contracts';
import Taro from '@tarojs/taro';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import { isLocale, localeFromSystemLanguage } from './locale.util';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

const LOCALE_KEY = 'hc.locale';

export const i18n = i18next.createInstance();

function systemLanguage(): string | undefined {
  try {
    return Taro.getSystemInfoSync().language;
  } catch {
    return undefined;
  }
}

/** The resident's explicit choice if any, otherwise the system language. */
export function initialLocale(): Locale {
  const stored: unknown = Taro.getStorageSync(LOCALE_KEY);
  return isLocale(stored) ? stored : localeFromSystemLanguage(systemLanguage());
}

export function initI18n(locale: Locale = initialLocale()): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      lng: locale,
      fallbackLng: 'en',
      // React escapes output already; mini-program text nodes are not HTML at all.
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
  }
  return i18n;
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

export function setLocale(locale: Locale): void {
  Taro.setStorageSync(LOCALE_KEY, locale);
  void i18n.changeLanguage(locale);
}
