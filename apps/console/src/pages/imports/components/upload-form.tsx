import {
  AUTHORITY_IMPORT_COLUMNS,
  AUTHORITY_IMPORT_KINDS,
  type AuthorityImportKind,
  type AuthorityImportResponse,
} from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Progress, Radio, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { rememberRun } from '../../../services/recent-runs';
import { importsQueryKey, uploadImport } from '../service';

/** Pick the feed, pick the CSV, upload; the bar shows the upload, then the result takes over. */
export function UploadForm({ onUploaded }: { onUploaded: (result: AuthorityImportResponse) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<AuthorityImportKind>('cases');
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: () => uploadImport(kind, file as File),
    onSuccess: (result) => {
      onUploaded(result);
      if (result.runId) rememberRun(result.runId, t('dashboard.runs.import', { seq: result.seq }));
      setFile(null);
      if (input.current) input.current.value = '';
      return queryClient.invalidateQueries({ queryKey: importsQueryKey });
    },
  });
  return (
    <Flex vertical gap={12} style={{ maxWidth: 640 }}>
      <Flex vertical gap={4}>
        <span id="import-kind-label">{t('imports.kind')}</span>
        <Radio.Group
          aria-labelledby="import-kind-label"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={AUTHORITY_IMPORT_KINDS.map((value) => ({ value, label: t(`imports.kinds.${value}`) }))}
        />
        <Typography.Text type="secondary">
          {t('imports.columns', { columns: AUTHORITY_IMPORT_COLUMNS[kind].join(', ') })}
        </Typography.Text>
      </Flex>
      <Flex vertical gap={4}>
        <label htmlFor="import-file">{t('imports.file')}</label>
        <input
          id="import-file"
          ref={input}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </Flex>
      <Button
        type="primary"
        disabled={!file}
        loading={upload.isPending}
        onClick={() => upload.mutate()}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('imports.upload')}
      </Button>
      {(upload.isPending || upload.isSuccess) && (
        <Flex vertical gap={2}>
          <span id="import-upload-label">{t('imports.uploadProgress')}</span>
          {/* fetch reports no upload progress: the bar runs until the server has read and checked every row. */}
          <Progress
            aria-labelledby="import-upload-label"
            percent={upload.isSuccess ? 100 : 50}
            status={upload.isSuccess ? 'success' : 'active'}
            showInfo={upload.isSuccess}
          />
        </Flex>
      )}
    </Flex>
  );
}
