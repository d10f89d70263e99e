import type { AuthorityImportResponse } from '@healthcode/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Table } from 'antd';
import { useTranslation } from 'react-i18next';

import { RunProgress } from '../../../components/run-progress';
import { saveBlob } from '../../../services/download.util';
import { fetchErrorReport } from '../service';

/** The counts of one import, its first refused rows, the full error report, and its re-scoring progress. */
export function ImportResult({ result }: { result: AuthorityImportResponse }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: () => fetchErrorReport(result.id),
    onSuccess: (blob) => saveBlob(blob, `import-${result.seq}-errors.csv`),
  });
  return (
    <Card
      title={
        <h2 style={{ fontSize: 16, margin: 0 }}>
          {t('imports.result.title', { seq: result.seq, kind: t(`imports.kinds.${result.kind}`) })}
        </h2>
      }
    >
      <Flex vertical gap={12}>
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={t('imports.result.total')}>{result.rowsTotal}</Descriptions.Item>
          <Descriptions.Item label={t('imports.result.imported')}>{result.rowsImported}</Descriptions.Item>
          <Descriptions.Item label={t('imports.result.updated')}>{result.rowsUpdated}</Descriptions.Item>
          <Descriptions.Item label={t('imports.result.duplicate')}>{result.rowsDuplicate}</Descriptions.Item>
          <Descriptions.Item label={t('imports.result.failed')}>{result.rowsFailed}</Descriptions.Item>
          <Descriptions.Item label={t('imports.result.matched')}>{result.matched}</Descriptions.Item>
        </Descriptions>
        {result.runId ? (
          <RunProgress runId={result.runId} label={t('imports.processing')} />
        ) : (
          <span>{t('imports.result.noRescore')}</span>
        )}
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
            <Button onClick={() => download.mutate()} loading={download.isPending}>
              {t('imports.result.download')}
            </Button>
          </>
        )}
      </Flex>
    </Card>
  );
}
