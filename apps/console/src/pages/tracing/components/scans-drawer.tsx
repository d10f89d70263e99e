import type { TracingRequestResponse, TracingScan } from '@healthcode/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Table } from 'antd';
import { useTranslation } from 'react-i18next';

import { ColorTag } from '../../../components/color-tag';
import { PageState } from '../../../components/page-state';
import { regionLabel } from '../../../services/region-label.util';
import { fetchScans, tracingQueryKey } from '../service';

/** The approved case's scans, fetched only when opened: each fetch is a logged read. */
export function ScansDrawer({ request, onClose }: { request: TracingRequestResponse | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const scans = useQuery({
    queryKey: [...tracingQueryKey, request?.id, 'scans'],
    queryFn: ({ signal }) => fetchScans(request!.id, signal),
    enabled: request !== null,
    staleTime: Infinity,
  });
  return (
    <Drawer
      open={request !== null}
      onClose={onClose}
      size="large"
      title={request ? t('tracing.scansTitle', { ref: request.caseReference }) : ''}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('tracing.scansLogged')} style={{ marginBottom: 16 }} />
      <PageState
        loading={scans.isPending}
        error={scans.error}
        onRetry={() => void scans.refetch()}
        empty={scans.data?.items.length === 0}
        emptyDescription={t('tracing.scansEmpty')}
      >
        <Table<TracingScan>
          size="small"
          rowKey={(s) => `${s.checkpointId}-${s.scannedAt}`}
          dataSource={scans.data?.items}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('tracing.checkpoint'), dataIndex: 'checkpointName' },
            { title: t('tracing.place'), dataIndex: 'place' },
            { title: t('tracing.region'), dataIndex: 'region', render: regionLabel },
            {
              title: t('tracing.scannedAt'),
              dataIndex: 'scannedAt',
              render: (at: string) => new Date(at).toLocaleString(i18n.language),
            },
            {
              title: t('tracing.color'),
              dataIndex: 'color',
              render: (c: TracingScan['color']) => <ColorTag color={c} />,
            },
            {
              title: t('tracing.admitted'),
              dataIndex: 'admitted',
              render: (a: boolean) => t(a ? 'common.yes' : 'common.no'),
            },
          ]}
        />
      </PageState>
    </Drawer>
  );
}
