import { Alert, Flex, Progress, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { describeRequestError } from '../../services/request-error-handler';
import { formatDuration, runPercent } from './run-progress.util';
import { useRescoreRun } from './use-rescore-run';

interface RunProgressProps {
  runId: string;
  /** Names the bar for screen readers ("Re-scoring progress", "Preview progress"). */
  label: string;
  /** A link to the run's own page (off on that page itself). */
  linkToRun?: boolean;
}

/** A live progress bar for a re-scoring or preview run: done of total, rate and ETA. */
export function RunProgress({ runId, label, linkToRun = true }: RunProgressProps) {
  const { t } = useTranslation();
  const run = useRescoreRun(runId);
  if (run.error) return <Alert type="error" showIcon title={describeRequestError(run.error)} />;
  const data = run.data;
  const percent = data ? runPercent(data) : 0;
  const eta = data ? formatDuration(data.etaSeconds, { min: t('runProgress.min'), s: t('runProgress.s') }) : null;
  return (
    <Flex vertical gap={4} data-testid="run-progress">
      <Typography.Text id={`run-${runId}-label`}>{label}</Typography.Text>
      <Progress
        percent={percent}
        status={data?.state === 'finished' ? 'success' : 'active'}
        aria-labelledby={`run-${runId}-label`}
      />
      <Typography.Text type="secondary" aria-live="polite">
        {data
          ? [
              t(`runProgress.state.${data.state}`),
              t('runProgress.counts', { done: data.done.toLocaleString(), total: data.total.toLocaleString() }),
              t('runProgress.rate', { rate: Math.round(data.rate).toLocaleString() }),
              data.state !== 'finished' && eta ? t('runProgress.eta', { eta }) : null,
              t('runProgress.changed', { changed: data.colorChanged.toLocaleString() }),
            ]
              .filter(Boolean)
              .join(' · ')
          : t('pageState.loading')}
      </Typography.Text>
      {data?.state === 'finished' && data.kind !== 'preview' && (
        <Statistic
          title={t('runProgress.colorChangedTitle')}
          value={data.colorChanged}
          suffix={t('runProgress.ofCodes', { changed: data.changed.toLocaleString() })}
        />
      )}
      {linkToRun && data && data.kind !== 'preview' && (
        <Link to={`/runs/${encodeURIComponent(runId)}`}>{t('runProgress.open')}</Link>
      )}
    </Flex>
  );
}
