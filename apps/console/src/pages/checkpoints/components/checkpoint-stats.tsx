import type { CheckpointResponse } from '@healthcode/contracts';
import { useQuery } from '@tanstack/react-query';
import { Col, Drawer, Empty, Row, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { LazyChart } from '../../../components/chart/lazy-chart';
import { PageState } from '../../../components/page-state';
import { fetchStats, statsQueryKey } from '../service';
import { hourlyScansOption } from './hourly-scans-option.util';

const hourLabel = (language: string) => (iso: string) =>
  new Date(iso).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });

/** The last 24 hours of one checkpoint: totals, and admitted and refused scans per hour as a chart. */
export function CheckpointStats({
  checkpoint,
  onClose,
}: {
  checkpoint: CheckpointResponse | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const stats = useQuery({
    queryKey: statsQueryKey(checkpoint?.id ?? ''),
    queryFn: ({ signal }) => fetchStats(checkpoint!.id, signal),
    enabled: checkpoint !== null,
  });
  const title = t('checkpoints.stats.perHour');
  const option = useMemo(
    () =>
      stats.data
        ? hourlyScansOption(stats.data.hourly, {
            title,
            admitted: t('checkpoints.stats.admitted'),
            refused: t('checkpoints.stats.refused'),
            hour: hourLabel(i18n.language),
          })
        : null,
    [stats.data, title, t, i18n.language],
  );
  const refused = stats.data ? stats.data.notAdmitted + stats.data.rejected : 0;
  const hour = hourLabel(i18n.language);
  // The chart's numbers as a table: the hours that had scans, for screen readers and for reading exact counts.
  const busyHours = (stats.data?.hourly ?? []).filter((h) => h.admitted + h.refused > 0);
  return (
    <Drawer
      open={checkpoint !== null}
      onClose={onClose}
      size="large"
      title={checkpoint ? t('checkpoints.stats.title', { name: checkpoint.name }) : ''}
      destroyOnHidden
    >
      <PageState loading={stats.isPending} error={stats.error} onRetry={() => void stats.refetch()}>
        {stats.data && (
          <>
            <Typography.Paragraph type="secondary">{t('checkpoints.stats.range')}</Typography.Paragraph>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col span={6}>
                <Statistic title={t('checkpoints.stats.total')} value={stats.data.total} />
              </Col>
              <Col span={6}>
                <Statistic title={t('checkpoints.stats.admitted')} value={stats.data.admitted} />
              </Col>
              <Col span={6}>
                <Statistic title={t('checkpoints.stats.refused')} value={refused} />
              </Col>
              <Col span={6}>
                <Statistic title={t('checkpoints.stats.rejected')} value={stats.data.rejected} />
              </Col>
            </Row>
            <h3 style={{ fontSize: 15 }}>{title}</h3>
            {stats.data.total === 0 ? (
              <Empty description={t('checkpoints.stats.empty')} />
            ) : (
              <>
                {option && <LazyChart option={option} height={280} />}
                <Table
                  size="small"
                  rowKey="hour"
                  pagination={false}
                  style={{ marginTop: 16 }}
                  aria-label={t('checkpoints.stats.table')}
                  caption={<Typography.Text strong>{t('checkpoints.stats.table')}</Typography.Text>}
                  dataSource={busyHours}
                  columns={[
                    { title: t('checkpoints.stats.hour'), dataIndex: 'hour', render: hour },
                    { title: t('checkpoints.stats.admitted'), dataIndex: 'admitted', align: 'right' },
                    { title: t('checkpoints.stats.refused'), dataIndex: 'refused', align: 'right' },
                  ]}
                />
              </>
            )}
          </>
        )}
      </PageState>
    </Drawer>
  );
}
