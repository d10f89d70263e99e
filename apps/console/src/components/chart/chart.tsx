import type { EChartsCoreOption } from 'echarts/core';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';

import { echarts } from './echarts-core';

/** echarts with the dashboard's modules; its generated aria description follows the console language. */
export default function Chart({ option, height = 320 }: { option: EChartsCoreOption; height?: number }) {
  const { i18n } = useTranslation();
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      opts={{ renderer: 'svg', locale: i18n.language === 'en' ? 'EN' : 'ZH' }}
      style={{ height, width: '100%' }}
    />
  );
}
