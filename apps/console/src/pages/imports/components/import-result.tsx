import type { AuthorityImportResponse } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import { RunProgress } from '../../../components/run-progress';
import { saveBlob } from '../../../services/download.util';
import { rememberRun } from '../../../services/recent-runs';
import { decideImport, fetchErrorReport, importsQueryKey } from '../service';
import { WithdrawForm } from './withdraw-form';

const STATUS_COLORS = { staged: 'gold', applied: 'green', rejected: 'default' } as const;

/**
 * One import: while staged, the per-row validation and the second person's approve / reject; once applied, the
 * counts (match counts only now), the re-scoring progress and a way to ask for its withdrawal.
 */
export function ImportResult({
  result,
  onChanged,
}: {
  result: AuthorityImportResponse;
  onChanged: (result: AuthorityImportResponse) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const download = useMutation({
    mutationFn: () => fetchErrorReport(result.id),
    onSuccess: (blob) => saveBlob(blob, `import-${result.seq}-errors.csv`),
  });
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => decideImport(result.id, decision),
    onSuccess: (next, decision) => {
      void message.success(t(decision === 'approve' ? 'imports.staging.applied' : 'imports.staging.rejected'));
      if (next.runId) rememberRun(next.runId, t('dashboard.runs.import', { seq: next.seq }));
      onChanged(next);
      return queryClient.invalidateQueries({ queryKey: importsQueryKey });
    },
  });
  const staged = result.status === 'staged';
  return (
    <Card
      title={
        <h2 style={{ fontSize: 16, margin: 0 }}>
          {t('imports.result.title', { seq: result.seq, kind: t(`imports.kinds.${result.kind}`) })}{' '}
          <Tag color={STATUS_COLORS[result.status]}>{t(`imports.status.${result.status}`)}</Tag>
        </h2>
      }
    >
      <Flex vertical gap={12}>
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={t('imports.result.total')}>{result.rowsTotal}</Descriptions.Item>
          <Descriptions.Item label={t('imports.result.valid')}>{result.rowsValid}</Descriptions.Item>
          <Descriptions.Item label={t('imports.result.failed')}>{result.rowsFailed}</Descriptions.Item>
          {result.status === 'applied' && (
            <>
              <Descriptions.Item label={t('imports.result.imported')}>{result.rowsImported}</Descriptions.Item>
              <Descriptions.Item label={t('imports.result.updated')}>{result.rowsUpdated}</Descriptions.Item>
              <Descriptions.Item label={t('imports.result.duplicate')}>{result.rowsDuplicate}</Descriptions.Item>
              <Descriptions.Item label={t('imports.result.matched')}>{result.matched}</Descriptions.Item>
            </>
          )}
        </Descriptions>
        {staged && (
          <Alert
            type="info"
            showIcon
            title={t(result.mine ? 'imports.staging.waitingMine' : 'imports.staging.waiting')}
          />
        )}
        {staged && (
          <Flex gap={8}>
            {!result.mine && (
              <Button
                type="primary"
                loading={decide.isPending && decide.variables === 'approve'}
                onClick={() => decide.mutate('approve')}
              >
                {t('imports.staging.approve')}
              </Button>
            )}
            <Button
              danger
              loading={decide.isPending && decide.variables === 'reject'}
              onClick={() => decide.mutate('reject')}
            >
              {t(result.mine ? 'imports.staging.cancel' : 'imports.staging.reject')}
            </Button>
          </Flex>
        )}
        {result.status === 'applied' &&
          (result.runId ? (
            <RunProgress runId={result.runId} label={t('imports.processing')} />
          ) : (
            <span>{t('imports.result.noRescore')}</span>
          ))}
        {result.rowsFailed > 0 && (
          <>
            <Table
              size="small"
              rowKey={(row) => `${row.line}-${row.field}`}
              pagination={false}
              title={() => t('imports.result.firstErrors')}
              dataSource={result.errors}
              columns={[
                { title: t('imports.result.line'), dataIndex: 'line' },
                { title: t('imports.result.field'), dataIndex: 'field' },
                { title: t('imports.result.message'), dataIndex: 'message' },
              ]}
            />
            {result.errorsOmitted > 0 && <span>{t('imports.result.omitted', { count: result.errorsOmitted })}</span>}
            <Button onClick={() => download.mutate()} loading={download.isPending}>
              {t('imports.result.download')}
            </Button>
          </>
        )}
        {result.status === 'applied' && <WithdrawForm target="import" targetId={result.id} />}
      </Flex>
    </Card>
  );
}
