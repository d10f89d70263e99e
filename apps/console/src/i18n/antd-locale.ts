import 'dayjs/locale/zh-cn';

import type { Locale } from '@healthcode/contracts';
import type { Locale as AntdLocale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';

const ANTD_LOCALES: Record<Locale, AntdLocale> = { 'zh-CN': zhCN, en: enUS };
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/** antd's built-in texts (pagination, empty, date pickers) and dayjs follow the console language. */
export function applyComponentLocale(language: Locale): AntdLocale {
  dayjs.locale(DAYJS_LOCALES[language]);
  return ANTD_LOCALES[language];
}
