import type { Locale } from '@healthcode/contracts';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import en from '../locales/en';
import zhCN from '../locales/zh-CN';
import { detectLanguage } from './detect-language.util';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY } from './language.constant';

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage disabled (private mode, policy): fall back to the default
  }
}

/** The one i18next instance: components use it through react-i18next, services (error texts) directly. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: detectLanguage({ search: window.location.search, hash: window.location.hash, stored: readStoredLanguage() }),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
});

function reflectLanguageInDocument(language: string): void {
  document.documentElement.lang = language;
  document.title = i18n.t('app.title');
}
reflectLanguageInDocument(i18n.language);
i18n.on('languageChanged', reflectLanguageInDocument);

export function currentLanguage(): Locale {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** A choice made in the UI is remembered; `?lang=` alone is not. */
export async function chooseLanguage(language: Locale): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not remembered, still applied
  }
  await i18n.changeLanguage(language);
}
