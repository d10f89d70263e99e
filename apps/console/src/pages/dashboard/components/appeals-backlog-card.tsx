import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Statistic, theme } from 'antd';
import { useTranslation } from 'react-i18next';

import { PageState } from '../../../components/page-state';
import { appealBacklogQueryKey, fetchAppealBacklog } from '../service';

/** Hotline roles: all appeals still open in their scope, and how many are due soon or past their deadline. */
export function AppealsBacklogCard() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const backlog = useQuery({ queryKey: appealBacklogQueryKey, queryFn: ({ signal }) => fetchAppealBacklog(signal) });
  const counts = backlog.data;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dashboard.backlog.title')}</h2>}>
      <PageState loading={backlog.isPending} error={backlog.error} onRetry={() => void backlog.refetch()}>
        <Flex gap={32} wrap>
          <Statistic title={t('dashboard.backlog.open')} value={counts?.open ?? 0} />
          <Statistic title={t('dashboard.backlog.dueSoon')} value={counts?.dueSoon ?? 0} />
          <Statistic
            title={t('dashboard.backlog.breached')}
            value={counts?.breached ?? 0}
            styles={counts && counts.breached > 0 ? { content: { color: token.colorError } } : undefined}
          />
        </Flex>
      </PageState>
    </Card>
  );
}
