import type { WithdrawalResponse } from '@healthcode/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import { PageState } from '../../../components/page-state';
import { formatDateTime } from '../../../services/date-format.util';
import { rememberRun } from '../../../services/recent-runs';
import { approveWithdrawal, fetchWithdrawals, importsQueryKey, withdrawalsQueryKey } from '../service';

/** Withdrawal requests in scope; a second person approves the ones they did not ask for. */
export function WithdrawalList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: withdrawalsQueryKey, queryFn: ({ signal }) => fetchWithdrawals(signal) });
  const approve = useMutation({
    mutationFn: (id: string) => approveWithdrawal(id),
    onSuccess: (w) => {
      void message.success(t('imports.withdrawal.approved', { count: w.facts ?? 0 }));
      if (w.runId) rememberRun(w.runId, t('imports.withdrawal.run', { seq: w.seq }));
      void queryClient.invalidateQueries({ queryKey: importsQueryKey });
      return queryClient.invalidateQueries({ queryKey: withdrawalsQueryKey });
    },
  });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('imports.withdrawal.title')}</h2>}>
      <PageState
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={list.data?.items.length === 0}
        emptyDescription={t('imports.withdrawal.empty')}
      >
        <Table<WithdrawalResponse>
          size="small"
          rowKey="id"
          dataSource={list.data?.items}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '#', dataIndex: 'seq' },
            {
              title: t('imports.withdrawal.target'),
              dataIndex: 'target',
              render: (target: WithdrawalResponse['target']) => t(`imports.withdrawal.targets.${target}`),
            },
            { title: t('imports.withdrawal.reason'), dataIndex: 'reason' },
            {
              title: t('imports.withdrawal.status'),
              dataIndex: 'status',
              render: (status: WithdrawalResponse['status']) => (
                <Tag color={status === 'approved' ? 'green' : 'gold'}>{t(`imports.withdrawal.statuses.${status}`)}</Tag>
              ),
            },
            { title: t('imports.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
            {
              title: t('imports.withdrawal.action'),
              key: 'action',
              render: (_: unknown, w) =>
                w.status !== 'pending' ? (
                  t('imports.withdrawal.factsRemoved', { count: w.facts ?? 0 })
                ) : w.mine ? (
                  t('imports.withdrawal.waiting')
                ) : (
                  <Button
                    size="small"
                    type="primary"
                    aria-label={t('imports.withdrawal.approveLabel', { seq: w.seq })}
                    loading={approve.isPending && approve.variables === w.id}
                    onClick={() => approve.mutate(w.id)}
                  >
                    {t('imports.withdrawal.approve')}
                  </Button>
                ),
            },
          ]}
        />
      </PageState>
    </Card>
  );
}
