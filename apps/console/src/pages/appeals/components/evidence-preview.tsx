import type { AppealEvidenceView } from '@healthcode/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Spin, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { describeRequestError } from '../../../services/request-error-handler';
import { fetchEvidence } from '../service';

/** One evidence file, fetched with the bearer token: images inline, PDFs in the browser's own viewer. */
export function EvidencePreview({ appealNumber, evidence }: { appealNumber: number; evidence: AppealEvidenceView }) {
  const { t } = useTranslation();
  const file = useQuery({
    queryKey: ['appeals', 'evidence', appealNumber, evidence.sha256],
    queryFn: ({ signal }) => fetchEvidence(appealNumber, evidence.sha256, signal),
    staleTime: Infinity,
  });
  const url = useMemo(
    () => (file.data ? URL.createObjectURL(new Blob([file.data], { type: evidence.mediaType })) : null),
    [file.data, evidence.mediaType],
  );
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  const name = t('appeals.evidence.name', {
    type: evidence.mediaType,
    size: Math.max(1, Math.round(evidence.size / 1024)),
  });
  if (file.isPending) return <Spin aria-label={t('pageState.loading')} />;
  if (file.error || !url) return <Alert type="error" showIcon title={describeRequestError(file.error)} />;
  return (
    <figure style={{ margin: 0 }}>
      {evidence.mediaType === 'application/pdf' ? (
        <object
          data={url}
          type="application/pdf"
          aria-label={name}
          style={{ width: '100%', height: 360, border: '1px solid #f0f0f0' }}
        >
          <a href={url} download={`evidence-${evidence.sha256.slice(0, 8)}.pdf`}>
            {t('appeals.evidence.download')}
          </a>
        </object>
      ) : (
        <img src={url} alt={name} style={{ maxWidth: '100%', maxHeight: 360, border: '1px solid #f0f0f0' }} />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <figcaption>{name}</figcaption>
      </Typography.Text>
    </figure>
  );
}
