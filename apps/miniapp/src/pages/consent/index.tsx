import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../components/action-button';
import { Heading } from '../../components/heading';
import { LanguageSwitch } from '../../components/language-switch';
import { Notice } from '../../components/notice';
import { Screen } from '../../components/screen';
import { ResourceView } from '../../components/state-views/resource-view';
import { useResource } from '../../hooks/use-resource';
import { currentLocale } from '../../i18n/i18n';
import { localized } from '../../i18n/localized-text.util';
import { switchPage } from '../../navigation/navigate';
import { saveAcceptedConsent } from '../../session/consent-store';
import { fetchConsent } from './service';

/** The consent text, in plain language, before anything personal is asked for. */
export default function ConsentPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [consent, reload] = useResource(fetchConsent, []);
  const [declined, setDeclined] = useState(false);

  return (
    <Screen title={t('consent.heading')} back="login">
      <LanguageSwitch />
      <ResourceView resource={consent} onRetry={reload}>
        {(c) => (
          <View>
            <Heading level={2}>{localized(c.title, locale)}</Heading>
            <View className="card consent-body" aria-label="consent text">
              {localized(c.body, locale)
                .split(/\n+/)
                .map((paragraph, i) => (
                  <Text key={i} className="paragraph">
                    {paragraph}
                  </Text>
                ))}
            </View>
            <Text className="muted">{t('consent.version', { version: c.version })}</Text>
            {declined && <Notice tone="status">{t('consent.declined')}</Notice>}
            <ActionButton
              id="consent-accept"
              label={t('consent.accept')}
              onClick={() => {
                saveAcceptedConsent(c.version);
                switchPage('signup');
              }}
            />
            <ActionButton
              id="consent-decline"
              variant="secondary"
              label={t('consent.decline')}
              onClick={() => setDeclined(true)}
            />
          </View>
        )}
      </ResourceView>
    </Screen>
  );
}
