import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

import { PageState } from '../../../components/page-state';
import { formatDateTime } from '../../../services/date-format.util';
import { auditVerifyQueryKey, verifyAudit } from '../service';

/** Whether the audit hash chain still holds, recomputed by the server on demand. */
export function ChainStatus() {
  const { t } = useTranslation();
  const verify = useQuery({
    queryKey: auditVerifyQueryKey,
    queryFn: ({ signal }) => verifyAudit(signal),
    staleTime: 0,
  });
  const again = (
    <Button size="small" loading={verify.isFetching} onClick={() => void verify.refetch()}>
      {t('audit.verifyAgain')}
    </Button>
  );
  return (
    <PageState loading={verify.isPending} error={verify.error} onRetry={() => void verify.refetch()}>
      {verify.data &&
        (verify.data.ok ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('audit.chainOk', { checked: verify.data.checked, seq: verify.data.head.seq })}
            description={t('audit.verifiedAt', { at: formatDateTime(verify.data.verifiedAt) })}
            action={again}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            title={t('audit.chainBroken', { seq: verify.data.firstBroken?.seq ?? '?' })}
            description={`${verify.data.firstBroken?.message ?? ''} (${verify.data.firstBroken?.reason ?? ''})`}
            action={again}
          />
        ))}
    </PageState>
  );
}
