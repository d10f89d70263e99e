import type { CheckpointResponse, DeviceCredentialIssued } from '@healthcode/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Flex, Form, Input, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageState } from '../../../components/page-state';
import { formatDateTime } from '../../../services/date-format.util';
import { devicesQueryKey, fetchDevices, issueDevice, revokeDevice } from '../service';

/** A checkpoint's device credentials: issue one (its secret is shown this once), revoke one. */
export function DeviceCredentials({
  checkpoint,
  onClose,
}: {
  checkpoint: CheckpointResponse | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<DeviceCredentialIssued | null>(null);
  const id = checkpoint?.id ?? '';
  const devices = useQuery({
    queryKey: devicesQueryKey(id),
    queryFn: ({ signal }) => fetchDevices(id, signal),
    enabled: Boolean(checkpoint),
  });
  const issue = useMutation({
    mutationFn: (label: string) => issueDevice(id, label.trim()),
    onSuccess: (credential) => {
      setIssued(credential);
      return queryClient.invalidateQueries({ queryKey: devicesQueryKey(id) });
    },
  });
  const revoke = useMutation({
    mutationFn: (credentialId: string) => revokeDevice(id, credentialId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: devicesQueryKey(id) }),
  });
  return (
    <Drawer
      open={Boolean(checkpoint)}
      size={640}
      destroyOnHidden
      title={checkpoint ? t('checkpoints.devices.title', { name: checkpoint.name }) : ''}
      onClose={() => {
        setIssued(null);
        onClose();
      }}
    >
      <Flex vertical gap={16}>
        {checkpoint && (
          <Flex vertical gap={4}>
            <Typography.Text id="device-checkpoint-id">{t('checkpoints.id')}</Typography.Text>
            <Typography.Text code copyable={{ text: checkpoint.id }} aria-labelledby="device-checkpoint-id">
              {checkpoint.id}
            </Typography.Text>
            <Typography.Text type="secondary">{t('checkpoints.devices.setupHint')}</Typography.Text>
          </Flex>
        )}
        {issued && (
          <Alert
            type="warning"
            showIcon
            title={t('checkpoints.devices.shownOnce')}
            description={
              <Flex vertical gap={4}>
                <span>{t('checkpoints.devices.header')}</span>
                <Typography.Text
                  code
                  copyable={{ text: issued.authorization }}
                  aria-label={t('checkpoints.devices.header')}
                >
                  {issued.authorization}
                </Typography.Text>
              </Flex>
            }
          />
        )}
        {!checkpoint?.disabled && (
          <Form name="issue-device" layout="inline" onFinish={(v: { label: string }) => issue.mutate(v.label)}>
            <Form.Item
              label={t('checkpoints.devices.label')}
              name="label"
              rules={[{ required: true, whitespace: true, message: t('login.required') }, { max: 64 }]}
            >
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={issue.isPending}>
              {t('checkpoints.devices.issue')}
            </Button>
          </Form>
        )}
        <PageState
          loading={devices.isPending}
          error={devices.error}
          onRetry={() => void devices.refetch()}
          empty={devices.data?.items.length === 0}
          emptyDescription={t('checkpoints.devices.none')}
        >
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={devices.data?.items}
            columns={[
              { title: t('checkpoints.devices.label'), dataIndex: 'label' },
              { title: t('checkpoints.devices.created'), dataIndex: 'createdAt', render: formatDateTime },
              {
                title: t('checkpoints.devices.revoked'),
                dataIndex: 'revokedAt',
                render: (v: string | null) => (v ? formatDateTime(v) : '—'),
              },
              {
                title: t('checkpoints.actions'),
                key: 'actions',
                render: (_v, row) =>
                  !row.revokedAt && (
                    <Popconfirm
                      title={t('checkpoints.devices.revokeConfirm')}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => revoke.mutateAsync(row.id)}
                    >
                      <Button danger size="small">
                        {t('checkpoints.devices.revoke')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </PageState>
      </Flex>
    </Drawer>
  );
}
