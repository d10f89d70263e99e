import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';

import { PageState } from '../../../components/page-state';
import { appealStatsQueryKey, fetchAppealStats } from '../service';

/** How appeals fare: time to a decision, share within the deadline, and the overturn rate per rule. */
export function AppealStatsCard() {
  const { t } = useTranslation();
  const stats = useQuery({ queryKey: appealStatsQueryKey, queryFn: ({ signal }) => fetchAppealStats(signal) });
  const data = stats.data;
  const percent = (share: number | null) => (typeof share === 'number' ? `${Math.round(share * 100)}%` : '—');
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dashboard.appealStats.title')}</h2>}>
      <PageState loading={stats.isPending} error={stats.error} onRetry={() => void stats.refetch()}>
        {data && (
          <Flex vertical gap={12}>
            <Flex gap={32} wrap>
              <Statistic title={t('dashboard.appealStats.decided')} value={data.decided} />
              <Statistic
                title={t('dashboard.appealStats.median')}
                value={typeof data.medianHoursToDecision === 'number' ? data.medianHoursToDecision.toFixed(1) : '—'}
              />
              <Statistic
                title={t('dashboard.appealStats.withinDeadline')}
                value={percent(data.decidedWithinDeadline)}
              />
            </Flex>
            <Table
              size="small"
              rowKey="ruleId"
              pagination={false}
              title={() => t('dashboard.appealStats.overturn')}
              dataSource={data.overturnRateByRule}
              locale={{ emptyText: t('dashboard.appealStats.none') }}
              columns={[
                { title: t('dashboard.appealStats.rule'), dataIndex: 'ruleId' },
                { title: t('dashboard.appealStats.decidedCol'), dataIndex: 'decided', align: 'right' },
                { title: t('dashboard.appealStats.overturned'), dataIndex: 'overturned', align: 'right' },
                {
                  title: t('dashboard.appealStats.rate'),
                  dataIndex: 'rate',
                  align: 'right',
                  render: (rate: number) => percent(rate),
                },
              ]}
            />
          </Flex>
        )}
      </PageState>
    </Card>
  );
}
