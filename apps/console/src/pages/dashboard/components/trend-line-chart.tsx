import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { ColorTrendPoint } from '../types';
import { trendLineOption } from './chart-options.util';
import { LazyChart } from '../../../components/chart/lazy-chart';
import { useColorLabels } from './use-color-labels';

export function TrendLineChart({ points, hidden }: { points: readonly ColorTrendPoint[]; hidden: string }) {
  const { t } = useTranslation();
  const labels = useColorLabels();
  const title = t('dashboard.trend');
  const option = useMemo(() => trendLineOption(points, labels, title, hidden), [points, labels, title, hidden]);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}>
      {points.length === 0 ? <Empty description={t('dashboard.noTrend')} /> : <LazyChart option={option} />}
    </Card>
  );
}
