import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';

import { PageState } from '../../../components/page-state';
import { deadlineState } from '../../appeals/appeal-filter.util';
import { fetchOpenAppeals } from '../service';
import { clock } from '../../../services/clock';

/** Hotline roles: appeals still open in their scope, and how many are due soon or past their deadline. */
export function AppealsBacklogCard() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['appeals', 'list', { pageSize: 100 }],
    queryFn: ({ signal }) => fetchOpenAppeals(signal),
  });
  const now = list.dataUpdatedAt || clock.ms();
  const open = (list.data?.items ?? []).filter((a) => a.status !== 'decided' && a.status !== 'closed');
  const count = (state: 'due-soon' | 'breached') => open.filter((a) => deadlineState(a, now) === state).length;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dashboard.backlog.title')}</h2>}>
      <PageState loading={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
        <Flex gap={32} wrap>
          <Statistic title={t('dashboard.backlog.open')} value={open.length} />
          <Statistic title={t('dashboard.backlog.dueSoon')} value={count('due-soon')} />
          <Statistic
            title={t('dashboard.backlog.breached')}
            value={count('breached')}
            valueStyle={count('breached') > 0 ? { color: '#cf1322' } : undefined}
          />
        </Flex>
      </PageState>
    </Card>
  );
}
