import { Text, View } from '@tarojs/components';
import type { Locale } from '@healthcode/contracts';
import { useTranslation } from 'react-i18next';

import { currentLocale, setLocale } from '../../i18n/i18n';

const CHOICES: { locale: Locale; label: string }[] = [
  { locale: 'zh-CN', label: '中文' },
  { locale: 'en', label: 'English' },
];

/** Two toggle buttons; their labels are the language names themselves, the same in both locales. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLocale();
  return (
    <View className="lang" role="group" aria-label={t('language.label')}>
      {CHOICES.map(({ locale, label }) => (
        <View
          key={locale}
          className={`lang__option${locale === active ? ' lang__option--active' : ''}`}
          role="button"
          aria-label={label}
          aria-pressed={locale === active ? 'true' : 'false'}
          onClick={() => setLocale(locale)}
        >
          <Text>{label}</Text>
        </View>
      ))}
    </View>
  );
}
