import { Text, View } from '@tarojs/components';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../../components/action-button';
import { Heading } from '../../../components/heading';
import { openPage } from '../../../navigation/navigate';

/** What is verified about the resident and how, with the way to their own verification status. */
export function IdentitySection() {
  const { t } = useTranslation();
  return (
    <View className="section" aria-label={t('privacy.identityTitle')}>
      <Heading level={2}>{t('privacy.identityTitle')}</Heading>
      <Text className="paragraph">{t('privacy.identityExplain')}</Text>
      <ActionButton
        id="privacy-identity"
        variant="secondary"
        label={t('privacy.identityLink')}
        onClick={() => openPage('verify')}
      />
    </View>
  );
}
