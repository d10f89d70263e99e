import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

import { PageState } from '../../../components/page-state';
import { RunProgress } from '../../../components/run-progress';
import { formatDateTime } from '../../../services/date-format.util';
import { fetchRescoreRuns, rescoreRunsQueryKey } from '../../../services/rescore-run.service';
import { runLabel } from '../../../services/run-label.util';

const SHOWN = 5;

/** The newest re-scoring runs (whoever started them), each with its live progress and a link to it. */
export function RescoreJobsCard() {
  const { t } = useTranslation();
  const runs = useQuery({ queryKey: rescoreRunsQueryKey, queryFn: ({ signal }) => fetchRescoreRuns(signal) });
  const items = (runs.data?.items ?? []).slice(0, SHOWN);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dashboard.runs.title')}</h2>}>
      <PageState loading={runs.isPending} error={runs.error} onRetry={() => void runs.refetch()}>
        {items.length === 0 ? (
          <Empty description={t('dashboard.runs.none')} />
        ) : (
          <Flex vertical gap={12}>
            {items.map((run) => (
              <RunProgress
                key={run.id}
                runId={run.id}
                label={`${runLabel(run, t)} · ${formatDateTime(run.createdAt)}`}
              />
            ))}
          </Flex>
        )}
      </PageState>
    </Card>
  );
}
