import { COLORS, type Color } from '@healthcode/contracts';
import type { EChartsCoreOption } from 'echarts/core';

import { CODE_COLOR_HEX } from '../../../constants/code-color.constant';
import type { ColorTrendPoint, RegionColorCounts } from '../types';

export type ColorLabels = Record<Color, string>;

const common = {
  color: COLORS.map((color) => CODE_COLOR_HEX[color]),
  legend: { top: 0 },
  // echarts 6 keeps axis labels inside the grid by default (`outerBounds`), no containLabel needed.
  grid: { left: 8, right: 16, bottom: 8, top: 40 },
  yAxis: { type: 'value', minInterval: 1 },
};

/** "绿码 700, 黄码 20, 红码 < 10"; `hidden` stands for a suppressed (null) count. */
function describeCounts(counts: Record<Color, number | null>, labels: ColorLabels, hidden: string): string {
  return COLORS.map((color) => `${labels[color]} ${counts[color] ?? hidden}`).join(', ');
}

/**
 * Screen readers get our own summary: echarts' generated one reads out stacking internals ("0, 700,
 * 700, NaN") for stacked bars.
 */
function aria(title: string, items: string[]) {
  return { enabled: true, label: { description: `${title}: ${items.join('; ')}` } };
}

/** One stacked bar per child region: how many residents hold each colour there. */
export function childrenBarOption(
  children: readonly RegionColorCounts[],
  labels: ColorLabels,
  regionName: (code: string) => string,
  title: string,
  hidden = '—',
): EChartsCoreOption {
  return {
    ...common,
    aria: aria(
      title,
      children.map((child) => `${regionName(child.region)} ${describeCounts(child.counts, labels, hidden)}`),
    ),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: children.map((child) => regionName(child.region)),
      axisLabel: { interval: 0, rotate: children.length > 6 ? 30 : 0 },
    },
    series: COLORS.map((color) => ({
      name: labels[color],
      type: 'bar',
      stack: 'residents',
      emphasis: { focus: 'series' },
      data: children.map((child) => child.counts[color]),
    })),
  };
}

/** One line per colour over the days of the trend. */
export function trendLineOption(
  trend: readonly ColorTrendPoint[],
  labels: ColorLabels,
  title: string,
  hidden = '—',
): EChartsCoreOption {
  return {
    ...common,
    aria: aria(
      title,
      trend.map((point) => `${point.date} ${describeCounts(point, labels, hidden)}`),
    ),
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', boundaryGap: false, data: trend.map((point) => point.date.slice(5)) },
    series: COLORS.map((color) => ({
      name: labels[color],
      type: 'line',
      showSymbol: trend.length <= 31,
      data: trend.map((point) => point[color]),
    })),
  };
}
