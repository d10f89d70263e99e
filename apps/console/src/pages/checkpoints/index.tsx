import type { CheckpointResponse } from '@healthcode/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ColorTag } from '../../components/color-tag';
import { PageHeader } from '../../components/page-header';
import { PageState } from '../../components/page-state';
import { useSession } from '../../hooks/use-session';
import { regionLabel } from '../../services/region-label.util';
import { AdmissionDialog } from './components/admission-dialog';
import { CheckpointStats } from './components/checkpoint-stats';
import { CreateCheckpointForm } from './components/create-checkpoint-form';
import { DeviceCredentials } from './components/device-credentials';
import { checkpointsQueryKey, disableCheckpoint, fetchCheckpoints } from './service';

/** The checkpoint registry of the admin's scope: register, disable, and manage each one's scanning devices. */
export default function CheckpointsPage() {
  const { t } = useTranslation();
  const scope = useSession()?.staff.regionScope ?? '';
  const queryClient = useQueryClient();
  const [devicesOf, setDevicesOf] = useState<CheckpointResponse | null>(null);
  const [statsOf, setStatsOf] = useState<CheckpointResponse | null>(null);
  const [admissionOf, setAdmissionOf] = useState<CheckpointResponse | null>(null);
  const list = useQuery({ queryKey: checkpointsQueryKey, queryFn: ({ signal }) => fetchCheckpoints(signal) });
  const disable = useMutation({
    mutationFn: (id: string) => disableCheckpoint(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: checkpointsQueryKey }),
  });
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('checkpoints.title')} subtitle={t('checkpoints.subtitle')} />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('checkpoints.registry')}</h2>}>
        <PageState
          loading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          empty={list.data?.items.length === 0}
          emptyDescription={t('checkpoints.empty')}
        >
          <Table<CheckpointResponse>
            size="small"
            rowKey="id"
            dataSource={list.data?.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('checkpoints.name'), dataIndex: 'name' },
              {
                // A device is set up with this id and its credential: it has to be readable and copyable here.
                title: t('checkpoints.id'),
                dataIndex: 'id',
                render: (id: string, row) => (
                  <Typography.Text code copyable={{ text: id }} aria-label={t('checkpoints.idOf', { name: row.name })}>
                    {id}
                  </Typography.Text>
                ),
              },
              {
                title: t('checkpoints.kind'),
                dataIndex: 'kind',
                render: (k: CheckpointResponse['kind']) => t(`checkpoints.kinds.${k}`),
              },
              { title: t('checkpoints.region'), dataIndex: 'region', render: regionLabel },
              { title: t('checkpoints.place'), dataIndex: 'place' },
              {
                title: t('checkpoints.admits'),
                dataIndex: 'admits',
                render: (admits: CheckpointResponse['admits']) => admits.map((c) => <ColorTag key={c} color={c} />),
              },
              {
                title: t('checkpoints.peerAdmits'),
                dataIndex: 'peerAdmits',
                render: (peer: CheckpointResponse['peerAdmits'], row) =>
                  (peer ?? row.admits).length === 0
                    ? t('common.none')
                    : (peer ?? row.admits).map((c) => <ColorTag key={c} color={c} />),
              },
              {
                title: t('checkpoints.state'),
                dataIndex: 'disabled',
                render: (d: boolean) =>
                  d ? <Tag>{t('checkpoints.disabled')}</Tag> : <Tag color="green">{t('checkpoints.active')}</Tag>,
              },
              {
                title: t('checkpoints.actions'),
                key: 'actions',
                render: (_v, row) => (
                  <Space>
                    <Button size="small" onClick={() => setDevicesOf(row)}>
                      {t('checkpoints.devices.open')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => setStatsOf(row)}
                      aria-label={t('checkpoints.stats.openNamed', { name: row.name })}
                    >
                      {t('checkpoints.stats.open')}
                    </Button>
                    {!row.disabled && (
                      <Button
                        size="small"
                        onClick={() => setAdmissionOf(row)}
                        aria-label={t('checkpoints.admission.openNamed', { name: row.name })}
                      >
                        {t('checkpoints.admission.open')}
                      </Button>
                    )}
                    {!row.disabled && (
                      <Popconfirm
                        title={t('checkpoints.disableConfirm', { name: row.name })}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => disable.mutateAsync(row.id)}
                      >
                        <Button size="small" danger aria-label={t('checkpoints.disableNamed', { name: row.name })}>
                          {t('checkpoints.disable')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </PageState>
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('checkpoints.new')}</h2>}>
        <CreateCheckpointForm scope={scope.length === 6 ? scope : ''} />
      </Card>
      <DeviceCredentials checkpoint={devicesOf} onClose={() => setDevicesOf(null)} />
      <CheckpointStats checkpoint={statsOf} onClose={() => setStatsOf(null)} />
      <AdmissionDialog checkpoint={admissionOf} onClose={() => setAdmissionOf(null)} />
    </Flex>
  );
}
