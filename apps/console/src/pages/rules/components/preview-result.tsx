import type { Color } from '@healthcode/contracts';
import { Card, Empty, Flex, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { LazyChart } from '../../../components/chart/lazy-chart';
import { RunProgress } from '../../../components/run-progress';
import { useRescoreRun } from '../../../components/run-progress/use-rescore-run';
import { regionLabel } from '../../../services/region-label.util';
import { transitionsOption } from '../preview-chart.util';

/** A what-if run: a progress bar while it computes, then the transitions chart and the top regions. */
export function PreviewResult({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const run = useRescoreRun(runId);
  const preview = run.data?.preview;
  const title = t('rules.preview.transitions');
  const option = useMemo(
    () =>
      preview
        ? transitionsOption(
            preview.transitions,
            (color) => (color ? t(`colors.${color as Color}`) : t('rules.preview.noCode')),
            title,
          )
        : null,
    [preview, t, title],
  );
  return (
    <Card title={<h3 style={{ fontSize: 15, margin: 0 }}>{t('rules.preview.title')}</h3>} size="small">
      <Flex vertical gap={12}>
        <RunProgress runId={runId} label={t('rules.preview.progress')} />
        {preview && (
          <>
            <Statistic title={t('rules.preview.changed')} value={preview.changed} />
            {preview.transitions.length === 0 ? (
              <Empty description={t('rules.preview.nothing')} />
            ) : (
              <>
                <Typography.Text strong>{title}</Typography.Text>
                {option && <LazyChart option={option} height={240} />}
                <Table
                  size="small"
                  rowKey="region"
                  pagination={false}
                  title={() => t('rules.preview.topRegions')}
                  dataSource={preview.regions}
                  columns={[
                    { title: t('rules.preview.region'), dataIndex: 'region', render: regionLabel },
                    { title: t('rules.preview.count'), dataIndex: 'count', align: 'right' },
                  ]}
                />
              </>
            )}
          </>
        )}
      </Flex>
    </Card>
  );
}
