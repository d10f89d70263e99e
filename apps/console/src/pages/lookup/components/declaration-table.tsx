import { Table } from 'antd';
import { useTranslation } from 'react-i18next';

import { formatDate, formatDateTime } from '../../../services/date-format.util';
import { regionLabel } from '../../../services/region-label.util';

/** A declaration as staff may see it; `deleteAt` is shown when the record carries it (the lookup does). */
export interface DeclarationRow {
  id: string;
  declaredAt: string;
  currentRegion: string;
  stays: unknown[];
  symptoms: unknown[];
  contactDate: string | null;
  deleteAt?: string;
}

/** Where the resident said they stayed, their symptoms and contact date, newest first. */
export function DeclarationTable({ declarations }: { declarations: readonly DeclarationRow[] }) {
  const { t } = useTranslation();
  const withDeleteAt = declarations.some((d) => d.deleteAt !== undefined);
  return (
    <Table<DeclarationRow>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...declarations]}
      locale={{ emptyText: t('pageState.empty') }}
      columns={[
        { title: t('lookup.record.when'), dataIndex: 'declaredAt', render: formatDateTime },
        { title: t('lookup.record.current'), dataIndex: 'currentRegion', render: regionLabel },
        { title: t('lookup.record.stays'), dataIndex: 'stays', render: (stays: unknown[]) => describeStays(stays) },
        {
          title: t('lookup.record.symptoms'),
          dataIndex: 'symptoms',
          render: (symptoms: unknown[]) => describeSymptoms(symptoms),
        },
        ...(withDeleteAt ? [{ title: t('lookup.record.deleteAt'), dataIndex: 'deleteAt', render: formatDate }] : []),
      ]}
    />
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
