import 'i18next';

import type { Messages } from '../locales/zh-CN';

// Typed keys: `t('dashboard.titel')` is a compile error rather than a raw key on screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
