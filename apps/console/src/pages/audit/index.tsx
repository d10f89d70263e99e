import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '../../components/page-header';
import { PageState } from '../../components/page-state';
import { formatDateTime } from '../../services/date-format.util';
import { regionLabel } from '../../services/region-label.util';
import { AuditFilters } from './components/audit-filters';
import { ChainStatus } from './components/chain-status';
import { auditQueryKey, fetchAudit } from './service';
import type { AuditEntryView, AuditQuery } from './types';

/** Auditors: every audited action, filtered and paged on the server, and whether the hash chain holds. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 50 });
  const list = useQuery({
    queryKey: auditQueryKey(query),
    queryFn: ({ signal }) => fetchAudit(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <ChainStatus />
      <AuditFilters onApply={(filters) => setQuery({ ...filters, page: 1, pageSize: query.pageSize })} />
      <Card>
        <PageState
          loading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          empty={list.data?.total === 0}
          emptyDescription={t('audit.empty')}
        >
          <Table<AuditEntryView>
            size="small"
            rowKey="seq"
            loading={list.isFetching && !list.isPending}
            dataSource={list.data?.items}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: list.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
            }}
            expandable={{
              expandedRowRender: (row) => (
                <Flex vertical gap={4}>
                  <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
                    {JSON.stringify(row.details, null, 2)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('audit.hashes', { prev: row.prevHash.slice(0, 16), hash: row.hash.slice(0, 16) })}
                  </Typography.Text>
                </Flex>
              ),
            }}
            columns={[
              { title: '#', dataIndex: 'seq' },
              { title: t('audit.at'), dataIndex: 'at', render: formatDateTime },
              {
                title: t('audit.actor'),
                dataIndex: 'actor',
                render: (a: AuditEntryView['actor']) => `${a.role}${a.id ? ` · ${a.id.slice(0, 8)}` : ''}`,
              },
              { title: t('audit.action'), dataIndex: 'action' },
              {
                title: t('audit.target'),
                dataIndex: 'target',
                render: (tg: AuditEntryView['target']) => `${tg.type}${tg.id ? `:${tg.id}` : ''}`,
              },
              {
                title: t('audit.region'),
                dataIndex: 'region',
                render: (r: string | null) => (r ? regionLabel(r) : '—'),
              },
            ]}
          />
        </PageState>
      </Card>
    </Flex>
  );
}
