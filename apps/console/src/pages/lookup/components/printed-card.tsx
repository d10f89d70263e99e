import type { CardSize } from '@healthcode/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../services/date-format.util';
import { saveBlob } from '../../../services/download.util';
import { handleRequestError } from '../../../services/request-error-handler';
import { cardPdf, issueCard } from '../card.service';
import type { ResidentRecordView } from '../types';

/**
 * A printed card for a caller with no phone at all: only for a verified resident, only during a hotline call (the
 * call reference goes into the resident's access log with each issue and download).
 */
export function PrintedCard({ record, callRef }: { record: ResidentRecordView; callRef: string | null }) {
  const { t } = useTranslation();
  const issue = useMutation({
    mutationFn: () => issueCard(record.residentId, callRef ?? ''),
    onError: (error) => handleRequestError(error),
  });
  const download = useMutation({
    mutationFn: (size: CardSize) => cardPdf(record.residentId, callRef ?? '', size),
    onSuccess: (blob, size) => saveBlob(blob, `health-card-${size}.pdf`),
    onError: (error) => handleRequestError(error),
  });
  const verified = record.verification.state === 'verified';
  return (
    <section aria-label={t('lookup.card.title')}>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('lookup.card.title')}
      </Typography.Title>
      {!verified ? (
        <Alert type="info" showIcon title={t('lookup.card.unverified')} />
      ) : !callRef ? (
        <Alert type="info" showIcon title={t('lookup.card.callOnly')} />
      ) : (
        <Flex vertical gap={8} align="start">
          <Typography.Text type="secondary">{t('lookup.card.hint')}</Typography.Text>
          {issue.data ? (
            <>
              <Alert
                type="success"
                showIcon
                title={t('lookup.card.issued', { until: formatDateTime(issue.data.expiresAt) })}
              />
              <Flex gap={8}>
                <Button
                  loading={download.isPending && download.variables === 'A4'}
                  onClick={() => download.mutate('A4')}
                >
                  {t('lookup.card.downloadA4')}
                </Button>
                <Button
                  loading={download.isPending && download.variables === 'A6'}
                  onClick={() => download.mutate('A6')}
                >
                  {t('lookup.card.downloadA6')}
                </Button>
              </Flex>
            </>
          ) : (
            <Button type="primary" loading={issue.isPending} onClick={() => issue.mutate()}>
              {t('lookup.card.issue')}
            </Button>
          )}
        </Flex>
      )}
    </section>
  );
}
