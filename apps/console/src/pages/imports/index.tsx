import type { AuthorityImportResponse } from '@healthcode/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '../../components/page-header';
import { PageState } from '../../components/page-state';
import { formatDateTime } from '../../services/date-format.util';
import { ImportResult } from './components/import-result';
import { UploadForm } from './components/upload-form';
import { WithdrawalList } from './components/withdrawal-list';
import { fetchImports, importsQueryKey } from './service';

/**
 * Health-authority feeds (cases, contacts, bookings): upload (staged), see what was refused, a second person
 * applies it, follow the re-scoring; ask for and approve the withdrawal of an import made in error.
 */
export default function ImportsPage() {
  const { t } = useTranslation();
  const [latest, setLatest] = useState<AuthorityImportResponse | null>(null);
  const [opened, setOpened] = useState<AuthorityImportResponse | null>(null);
  const list = useQuery({ queryKey: importsQueryKey, queryFn: ({ signal }) => fetchImports(signal) });
  const shown = opened ?? latest;
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <UploadForm
        onUploaded={(result) => {
          setOpened(null);
          setLatest(result);
        }}
      />
      {shown && (
        <ImportResult
          key={`${shown.id}-${shown.status}`}
          result={shown}
          onChanged={(next) => {
            setOpened(null);
            setLatest(next);
          }}
        />
      )}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('imports.history')}</h2>}>
        <PageState
          loading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          empty={list.data?.items.length === 0}
          emptyDescription={t('imports.empty')}
        >
          <Table<AuthorityImportResponse>
            size="small"
            rowKey="id"
            dataSource={list.data?.items}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              {
                title: '#',
                dataIndex: 'seq',
                render: (seq: number, row) => (
                  <Button type="link" style={{ padding: 0 }} onClick={() => setOpened(row)}>
                    {t('imports.open', { seq })}
                  </Button>
                ),
              },
              {
                title: t('imports.kind'),
                dataIndex: 'kind',
                render: (k: AuthorityImportResponse['kind']) => t(`imports.kinds.${k}`),
              },
              {
                title: t('imports.statusTitle'),
                dataIndex: 'status',
                render: (status: AuthorityImportResponse['status']) => (
                  <Tag color={status === 'staged' ? 'gold' : status === 'applied' ? 'green' : 'default'}>
                    {t(`imports.status.${status}`)}
                  </Tag>
                ),
              },
              { title: t('imports.result.total'), dataIndex: 'rowsTotal' },
              { title: t('imports.result.imported'), dataIndex: 'rowsImported' },
              { title: t('imports.result.failed'), dataIndex: 'rowsFailed' },
              { title: t('imports.result.matched'), dataIndex: 'matched' },
              { title: t('imports.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
            ]}
          />
        </PageState>
      </Card>
      <WithdrawalList />
    </Flex>
  );
}
