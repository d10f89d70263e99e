import type { CodeHistoryEntry, Locale } from '@healthcode/contracts';
import { Card, Descriptions, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ColorTag } from '../../../components/color-tag';
import { formatDate, formatDateTime } from '../../../services/date-format.util';
import { regionLabel } from '../../../services/region-label.util';
import type { ResidentRecordView } from '../types';
import { CodeExplanation } from './code-explanation';

/** One resident as the hotline may see them: masked identity, the code, its history and what they declared. */
export function ResidentRecord({ record }: { record: ResidentRecordView }) {
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { identity } = record;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('lookup.record.title', { name: identity.name ?? '—' })}</h2>}>
      <Flex vertical gap={16}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('lookup.idNumber')}>{identity.idNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('lookup.phone')}>{identity.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('lookup.record.home')}>{identity.homeRegion ? regionLabel(identity.homeRegion) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('lookup.record.current')}>{identity.currentRegion ? regionLabel(identity.currentRegion) : '—'}</Descriptions.Item>
        </Descriptions>
        <section aria-label={t('lookup.record.code')}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('lookup.record.code')}
          </Typography.Title>
          <CodeExplanation code={record.code} />
        </section>
        <section aria-label={t('lookup.record.history')}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('lookup.record.history')}
          </Typography.Title>
          <Table<CodeHistoryEntry>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={record.history}
            locale={{ emptyText: t('pageState.empty') }}
            columns={[
              { title: t('lookup.record.when'), dataIndex: 'at', render: formatDateTime },
              { title: t('lookup.record.cause'), dataIndex: 'causeText', render: (text: CodeHistoryEntry['causeText']) => text[lang] },
              {
                title: t('lookup.record.change'),
                key: 'change',
                render: (_v, row) => (
                  <span>
                    <ColorTag color={row.colorBefore} /> → <ColorTag color={row.colorAfter} />
                  </span>
                ),
              },
            ]}
          />
        </section>
        <section aria-label={t('lookup.record.declarations')}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('lookup.record.declarations')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={record.declarations}
            locale={{ emptyText: t('pageState.empty') }}
            columns={[
              { title: t('lookup.record.when'), dataIndex: 'declaredAt', render: formatDateTime },
              { title: t('lookup.record.current'), dataIndex: 'currentRegion', render: regionLabel },
              { title: t('lookup.record.stays'), dataIndex: 'stays', render: (stays: unknown[]) => describeStays(stays) },
              { title: t('lookup.record.symptoms'), dataIndex: 'symptoms', render: (symptoms: unknown[]) => describeSymptoms(symptoms) },
              { title: t('lookup.record.deleteAt'), dataIndex: 'deleteAt', render: formatDate },
            ]}
          />
        </section>
      </Flex>
    </Card>
  );
}

function describeStays(stays: unknown[]): string {
  const parts = stays.map((stay) => {
    const s = stay as { region?: string; from?: string; to?: string };
    return `${s.region ? regionLabel(s.region) : '?'} ${s.from ?? ''}–${s.to ?? ''}`;
  });
  return parts.join('; ') || '—';
}

function describeSymptoms(symptoms: unknown[]): string {
  return symptoms.map((symptom) => (symptom as { symptom?: string }).symptom ?? '?').join(', ') || '—';
}
