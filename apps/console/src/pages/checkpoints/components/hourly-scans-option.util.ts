import type { CheckpointHourlyCount } from '@healthcode/contracts';
import type { EChartsCoreOption } from 'echarts/core';

export interface HourlyLabels {
  title: string;
  admitted: string;
  refused: string;
  /** "HH:00" in the console's time zone. */
  hour: (iso: string) => string;
}

/**
 * Stacked bars of admitted and refused scans per hour. Screen readers get our own summary of the hours that
 * had scans (echarts' generated one reads stacking internals); the drawer also shows the numbers as text.
 */
export function hourlyScansOption(hourly: readonly CheckpointHourlyCount[], labels: HourlyLabels): EChartsCoreOption {
  const busy = hourly.filter((h) => h.admitted + h.refused > 0);
  return {
    color: ['#237804', '#cf1322'],
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 40 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    aria: {
      enabled: true,
      label: {
        description: `${labels.title}: ${
          busy
            .map((h) => `${labels.hour(h.hour)} ${labels.admitted} ${h.admitted}, ${labels.refused} ${h.refused}`)
            .join('; ') || '0'
        }`,
      },
    },
    xAxis: { type: 'category', data: hourly.map((h) => labels.hour(h.hour)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.admitted, type: 'bar', stack: 'scans', data: hourly.map((h) => h.admitted) },
      { name: labels.refused, type: 'bar', stack: 'scans', data: hourly.map((h) => h.refused) },
    ],
  };
}
