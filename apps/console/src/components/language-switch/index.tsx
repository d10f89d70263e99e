import type { Locale } from '@healthcode/contracts';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';

import { chooseLanguage } from '../../i18n/i18n';
import { CONSOLE_LANGUAGES } from '../../i18n/language.constant';

/** Each option is labelled in its own language, so it can be found whatever is on screen now. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Locale>
      aria-label={t('language.label')}
      size="small"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={CONSOLE_LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      onChange={(language) => void chooseLanguage(language)}
    />
  );
}
