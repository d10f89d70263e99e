import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { PageHeader } from '../../components/page-header';
import { PageState } from '../../components/page-state';
import { RunProgress } from '../../components/run-progress';
import { formatDateTime } from '../../services/date-format.util';
import { fetchRescoreRun, rescoreRunQueryKey } from '../../services/rescore-run.service';
import { runLabel } from '../../services/run-label.util';

/** One re-scoring run on its own page: what started it, its live progress, and how many colours changed. */
export default function RescoreRunPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useParams().id ?? '';
  const run = useQuery({ queryKey: rescoreRunQueryKey(id), queryFn: ({ signal }) => fetchRescoreRun(id, signal) });
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={run.data ? runLabel(run.data, t) : t('rescoreRun.title')}
        subtitle={run.data ? t('rescoreRun.started', { time: formatDateTime(run.data.createdAt) }) : undefined}
        extra={<Button onClick={() => navigate('/dashboard')}>{t('backHome')}</Button>}
      />
      <Card>
        <PageState loading={run.isPending} error={run.error} onRetry={() => void run.refetch()}>
          <RunProgress runId={id} label={t('rules.risk.rescoringProgress')} linkToRun={false} />
        </PageState>
      </Card>
    </Flex>
  );
}
