import { Text, View } from '@tarojs/components';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../../components/action-button';
import { Notice } from '../../../components/notice';
import { openPage } from '../../../navigation/navigate';

/**
 * No code yet: the ID number is not proven, so no health records are matched and no colour is shown (never one
 * built from someone else's records). Says what is missing and how to finish.
 */
export function VerificationNeeded() {
  const { t } = useTranslation();
  return (
    <View id="code-verification-needed">
      <Notice tone="alert">{t('code.verificationNeeded')}</Notice>
      <Text className="paragraph">{t('code.verificationHow')}</Text>
      <ActionButton id="code-verify" label={t('code.verifyLink')} onClick={() => openPage('verify')} />
    </View>
  );
}
