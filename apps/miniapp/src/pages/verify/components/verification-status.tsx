import { Text, View } from '@tarojs/components';
import type { VerificationView } from '@healthcode/contracts';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../format/date-format.util';

/** Where the resident's ID number stands, in plain words. */
export function VerificationStatus({ verification }: { verification: VerificationView }) {
  const { t } = useTranslation();
  return (
    <View className="card" role="status" aria-label={t('verify.statusLabel')}>
      {verification.state === 'verified' ? (
        <Text className="strong">
          {t('verify.verified', {
            method: t(`verify.method.${verification.method ?? 'dev'}`),
            time: formatDateTime(verification.verifiedAt ?? ''),
          })}
        </Text>
      ) : verification.state === 'rejected' ? (
        <Text className="strong">{t('verify.rejected', { reason: verification.rejectedReason ?? '' })}</Text>
      ) : (
        <Text className="strong">{t('verify.unverified')}</Text>
      )}
    </View>
  );
}
