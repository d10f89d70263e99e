import type { RiskLevelCsvCheckResponse } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { rememberRun } from '../../../services/recent-runs';
import { regionLabel } from '../../../services/region-label.util';
import { checkRiskCsv, setRiskLevels } from '../service';
import { PreviewResult } from './preview-result';

/**
 * Risk levels from a CSV (region, level, effective_from): the file is checked first (refused rows listed, a
 * preview of the residents whose colour would change), and only the checked rows are published.
 */
export function RiskCsvCheck() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<RiskLevelCsvCheckResponse | null>(null);
  const check = useMutation({
    mutationFn: () => checkRiskCsv(file as File),
    onSuccess: (result) => setChecked(result),
  });
  const publish = useMutation({
    mutationFn: () => setRiskLevels(checked?.levels ?? []),
    onSuccess: (result) => {
      void message.success(t('rules.risk.published'));
      if (result.runId) rememberRun(result.runId, t('rules.risk.csv.run', { count: result.levels.length }));
      setChecked(null);
      setFile(null);
      if (input.current) input.current.value = '';
      return queryClient.invalidateQueries({ queryKey: ['risk-levels'] });
    },
  });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('rules.risk.csv.title')}</h2>}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('rules.risk.csv.columns')}</Typography.Text>
        <Flex gap={8} align="center" wrap>
          <label htmlFor="risk-csv-file">{t('rules.risk.csv.file')}</label>
          <input
            id="risk-csv-file"
            ref={input}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setChecked(null);
            }}
          />
          <Button disabled={!file} loading={check.isPending} onClick={() => check.mutate()}>
            {t('rules.risk.csv.check')}
          </Button>
        </Flex>
        {checked && (
          <>
            <Table
              size="small"
              rowKey={(row) => `${row.region}-${row.effectiveFrom}`}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              title={() => t('rules.risk.csv.valid', { count: checked.levels.length })}
              dataSource={checked.levels}
              columns={[
                { title: t('rules.risk.csv.region'), dataIndex: 'region', render: (r: string) => regionLabel(r) },
                {
                  title: t('rules.risk.level'),
                  dataIndex: 'level',
                  render: (l: 'low' | 'medium' | 'high') => t(`rules.risk.levels.${l}`),
                },
                { title: t('rules.risk.effectiveFrom'), dataIndex: 'effectiveFrom' },
              ]}
            />
            {checked.errors.length > 0 && (
              <Table
                size="small"
                rowKey={(row) => `${row.line}-${row.field}`}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                title={() => t('rules.risk.csv.refused', { count: checked.errors.length })}
                dataSource={checked.errors}
                columns={[
                  { title: t('imports.result.line'), dataIndex: 'line' },
                  { title: t('imports.result.field'), dataIndex: 'field' },
                  { title: t('imports.result.message'), dataIndex: 'message' },
                ]}
              />
            )}
            {checked.previewRunId && <PreviewResult runId={checked.previewRunId} />}
            <Button
              type="primary"
              danger
              disabled={checked.levels.length === 0}
              loading={publish.isPending}
              onClick={() => publish.mutate()}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('rules.risk.csv.publish', { count: checked.levels.length })}
            </Button>
          </>
        )}
      </Flex>
    </Card>
  );
}
