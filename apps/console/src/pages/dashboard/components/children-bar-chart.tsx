import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { regionShortName } from '../../../services/region-label.util';
import type { RegionColorCounts } from '../types';
import { childrenBarOption } from './chart-options.util';
import { LazyChart } from '../../../components/chart/lazy-chart';
import { useColorLabels } from './use-color-labels';

export function ChildrenBarChart({ items, hidden }: { items: readonly RegionColorCounts[]; hidden: string }) {
  const { t } = useTranslation();
  const labels = useColorLabels();
  const title = t('dashboard.byRegion');
  const option = useMemo(
    () => childrenBarOption(items, labels, regionShortName, title, hidden),
    [items, labels, title, hidden],
  );
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}>
      {items.length === 0 ? <Empty description={t('dashboard.noChildren')} /> : <LazyChart option={option} />}
    </Card>
  );
}
