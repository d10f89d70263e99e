import type { VerificationView } from '@healthcode/contracts';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../services/date-format.util';

/** Whether the resident's ID number is proven, how and when (what a document check would change). */
export function VerificationLine({ verification }: { verification: VerificationView }) {
  const { t } = useTranslation();
  const text =
    verification.state === 'verified'
      ? t('lookup.record.verified', {
          method: t(`identity.method.${verification.method ?? 'dev'}`),
          time: verification.verifiedAt ? formatDateTime(verification.verifiedAt) : '—',
        })
      : verification.state === 'rejected'
        ? t('lookup.record.rejected', { reason: verification.rejectedReason ?? '' })
        : t('lookup.record.unverified');
  return <Typography.Paragraph>{text}</Typography.Paragraph>;
}
