import type { Messages } from '../src/i18n/locales/en';

// Typed `t()` keys: a missing or misspelt key is a type error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
    returnNull: false;
  }
}
