import { Alert, Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { regionLabel } from '../../../services/region-label.util';
import type { ResidentRecordView } from '../types';
import { CodeExplanation } from './code-explanation';
import { CodeHistoryTable } from './code-history-table';
import { DeclarationTable } from './declaration-table';
import { PrintedCard } from './printed-card';
import { VerificationLine } from './verification-line';

/** One resident as the hotline may see them: masked identity, the code, its history and what they declared. */
export function ResidentRecord({ record, callRef = null }: { record: ResidentRecordView; callRef?: string | null }) {
  const { t } = useTranslation();
  const { identity } = record;
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('lookup.record.title', { name: identity.name ?? '—' })}</h2>}
    >
      <Flex vertical gap={16}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('lookup.idNumber')}>{identity.idNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('lookup.phone')}>{identity.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('lookup.record.home')}>
            {identity.homeRegion ? regionLabel(identity.homeRegion) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('lookup.record.current')}>
            {identity.currentRegion ? regionLabel(identity.currentRegion) : '—'}
          </Descriptions.Item>
        </Descriptions>
        <section aria-label={t('lookup.record.code')}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('lookup.record.code')}
          </Typography.Title>
          <VerificationLine verification={record.verification} />
          {record.code ? (
            <CodeExplanation code={record.code} />
          ) : (
            <Alert type="info" showIcon message={t('lookup.record.noCode')} />
          )}
        </section>
        <PrintedCard record={record} callRef={callRef} />
        <section aria-label={t('lookup.record.history')}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('lookup.record.history')}
          </Typography.Title>
          <CodeHistoryTable history={record.history} />
        </section>
        <section aria-label={t('lookup.record.declarations')}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('lookup.record.declarations')}
          </Typography.Title>
          <DeclarationTable declarations={record.declarations} />
        </section>
      </Flex>
    </Card>
  );
}
