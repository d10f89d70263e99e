import type { PreviewResult } from '@healthcode/contracts';
import type { EChartsCoreOption } from 'echarts/core';

import { CODE_COLOR_HEX } from '../../constants/code-color.constant';

/** One bar per transition ("绿码 → 红码"), coloured by the colour residents move to. */
export function transitionsOption(
  transitions: PreviewResult['transitions'],
  colorName: (color: string | null) => string,
  title: string,
): EChartsCoreOption {
  const labels = transitions.map((t) => `${colorName(t.from)} → ${colorName(t.to)}`);
  return {
    aria: {
      enabled: true,
      label: { description: `${title}: ${transitions.map((t, i) => `${labels[i]} ${t.count}`).join('; ')}` },
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, bottom: 8, top: 16 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', data: transitions.map((t) => ({ value: t.count, itemStyle: { color: CODE_COLOR_HEX[t.to] } })) },
    ],
  };
}
