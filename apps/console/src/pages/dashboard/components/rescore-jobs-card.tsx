import { Card, Empty, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { RunProgress } from '../../../components/run-progress';
import { formatDateTime } from '../../../services/date-format.util';
import { recentRuns } from '../../../services/recent-runs';

/** The re-scoring runs started from this tab, each with its live progress. */
export function RescoreJobsCard() {
  const { t } = useTranslation();
  const [runs] = useState(recentRuns);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dashboard.runs.title')}</h2>}>
      {runs.length === 0 ? (
        <Empty description={t('dashboard.runs.none')} />
      ) : (
        <Flex vertical gap={12}>
          {runs.map((run) => (
            <RunProgress key={run.id} runId={run.id} label={`${run.label} · ${formatDateTime(run.startedAt)}`} />
          ))}
        </Flex>
      )}
    </Card>
  );
}
