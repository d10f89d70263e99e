import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';

import { PageState } from '../page-state';

// echarts is the heaviest chunk: the totals render first and the charts fill in when it arrives.
const Chart = lazy(() => import('./chart'));

export function LazyChart({ option, height = 320 }: { option: EChartsCoreOption; height?: number }) {
  return (
    <Suspense
      fallback={
        <div style={{ height }}>
          <PageState loading />
        </div>
      }
    >
      <Chart option={option} height={height} />
    </Suspense>
  );
}
