import { COLORS } from '@healthcode/contracts';
import { Col, Flex, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

import { PageState } from '../../components/page-state';
import { useAccess } from '../../hooks/use-access';
import { useSession } from '../../hooks/use-session';
import { regionLabel } from '../../services/region-label.util';
import { ChildrenBarChart } from './components/children-bar-chart';
import { ColorSummary } from './components/color-summary';
import { TrendLineChart } from './components/trend-line-chart';
import { colorStatsQueryKey, fetchColorStats } from './service';

// Below the fold: these cards (and the antd Table/Progress they use) load after the colour totals.
const AppealStatsCard = lazy(() =>
  import('./components/appeal-stats-card').then((m) => ({ default: m.AppealStatsCard })),
);
const AppealsBacklogCard = lazy(() =>
  import('./components/appeals-backlog-card').then((m) => ({ default: m.AppealsBacklogCard })),
);
const RescoreJobsCard = lazy(() =>
  import('./components/rescore-jobs-card').then((m) => ({ default: m.RescoreJobsCard })),
);

/** The landing page: how many residents hold which colour in the staff member's region, and lately. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const scope = useSession()?.staff.regionScope ?? '';
  const stats = useQuery({
    queryKey: colorStatsQueryKey(scope),
    queryFn: ({ signal }) => fetchColorStats(scope, signal),
  });
  const counts = stats.data?.counts;
  // A suppressed (null) count is at least 1, so the region is not empty.
  const total = counts ? COLORS.reduce((sum, color) => sum + (counts[color] ?? 1), 0) : 0;
  const below = stats.data?.suppressBelow ?? 0;
  const hidden = t('dashboard.suppressed', { below });

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{scope ? regionLabel(scope) : t('header.wholeCountry')}</Typography.Text>
      </div>
      <PageState
        // A retry after an error shows the spinner again rather than the stale error.
        loading={stats.isPending || (stats.isError && stats.isFetching)}
        error={stats.error}
        onRetry={() => void stats.refetch()}
        empty={total === 0}
        emptyDescription={t('dashboard.empty')}
      >
        {stats.data && (
          <Flex vertical gap={16}>
            <ColorSummary counts={stats.data.counts} hidden={hidden} />
            <Typography.Text type="secondary">
              {t('dashboard.suppressedNote', { below, max: below - 1 })}
            </Typography.Text>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <ChildrenBarChart items={stats.data.children} hidden={hidden} />
              </Col>
              <Col xs={24} xl={12}>
                <TrendLineChart points={stats.data.trend} hidden={hidden} />
              </Col>
            </Row>
          </Flex>
        )}
      </PageState>
      <Suspense fallback={<PageState loading />}>
        <Row gutter={[16, 16]}>
          {access.canWorkAppeals && (
            <Col xs={24} xl={12}>
              <AppealsBacklogCard />
            </Col>
          )}
          <Col xs={24} xl={12}>
            <AppealStatsCard />
          </Col>
          <Col xs={24} xl={12}>
            <RescoreJobsCard />
          </Col>
        </Row>
      </Suspense>
    </Flex>
  );
}
