import { cstDate, type TrustedIssuerView } from '@healthcode/contracts';
import { useMutation, useQueryClient, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '../../components/page-header';
import { PageState } from '../../components/page-state';
import { useSession } from '../../hooks/use-session';
import { formatDate } from '../../services/date-format.util';
import { clock } from '../../services/clock';
import { AddIssuerForm } from './components/add-issuer-form';
import { type PendingChange, ReasonDialog } from './components/reason-dialog';
import { UpdateKeysDialog } from './components/update-keys-dialog';
import { approveIssuer, approveIssuerKeys, fetchTrustList, trustQueryKey } from './service';

const STATE_COLORS: Record<TrustedIssuerView['status'], string> = {
  pending: 'gold',
  active: 'green',
  suspended: 'red',
};

/** The trust list of other regions' issuers: add, approve (a second administrator), suspend, reinstate, remove. */
export default function TrustedIssuersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession()?.staff.id;
  const queryClient = useQueryClient();
  const [change, setChange] = useState<PendingChange | null>(null);
  const [keysOf, setKeysOf] = useState<TrustedIssuerView | null>(null);
  const list = useQuery({ queryKey: trustQueryKey, queryFn: ({ signal }) => fetchTrustList(signal) });
  const approve = useMutation({
    mutationFn: (id: string) => approveIssuer(id),
    onSuccess: () => {
      void message.success(t('trust.done'));
      return queryClient.invalidateQueries({ queryKey: trustQueryKey });
    },
  });
  const approveKeys = useMutation({
    mutationFn: (id: string) => approveIssuerKeys(id),
    onSuccess: () => {
      void message.success(t('trust.done'));
      return queryClient.invalidateQueries({ queryKey: trustQueryKey });
    },
  });
  const own = list.data?.own;
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('trust.title')} subtitle={t('trust.subtitle')} />
      {own && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('trust.own')}</h2>}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('trust.ownIssuer')}>{own.issuerId}</Descriptions.Item>
            <Descriptions.Item label={t('trust.ownRegion')}>{own.region}</Descriptions.Item>
            <Descriptions.Item label={t('trust.ownDocument')}>
              <Typography.Text code copyable>
                {own.documentUrl}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('trust.list')}</h2>}>
        <PageState
          loading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          empty={list.data?.items.length === 0}
          emptyDescription={t('trust.empty')}
        >
          <Table<TrustedIssuerView>
            size="small"
            rowKey="id"
            dataSource={list.data?.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('trust.issuer'), dataIndex: 'issuerId' },
              { title: t('trust.region'), dataIndex: 'region' },
              { title: t('trust.contact'), dataIndex: 'contact' },
              {
                title: t('trust.source'),
                dataIndex: 'source',
                render: (s: TrustedIssuerView['source']) => t(`trust.sources.${s}`),
              },
              {
                title: t('trust.keys'),
                dataIndex: 'kids',
                render: (kids: string[], row) => (
                  <Space direction="vertical" size={0}>
                    <Tooltip title={kids.join(', ')}>
                      <span>{t('trust.keysCount', { count: kids.length })}</span>
                    </Tooltip>
                    {row.pendingKids && (
                      <Tooltip title={row.pendingKids.join(', ')}>
                        <Tag color="gold">{t('trust.pendingKeys', { count: row.pendingKids.length })}</Tag>
                      </Tooltip>
                    )}
                  </Space>
                ),
              },
              {
                title: t('trust.window'),
                key: 'window',
                render: (_v, row) =>
                  t('trust.windowRange', { from: formatDate(row.notBefore), to: formatDate(row.notAfter) }),
              },
              {
                title: t('trust.state'),
                dataIndex: 'status',
                render: (s: TrustedIssuerView['status'], row) => (
                  <Space direction="vertical" size={0}>
                    <Tag color={STATE_COLORS[s]}>{t(`trust.states.${s}`)}</Tag>
                    {row.suspendedReason && s === 'suspended' && (
                      <Typography.Text type="secondary">{row.suspendedReason}</Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('trust.actions'),
                key: 'actions',
                render: (_v, row) => {
                  const named = { issuer: row.issuerId };
                  const ask = (action: PendingChange['action']) =>
                    setChange({ id: row.id, issuer: row.issuerId, action });
                  return (
                    <Space wrap>
                      {row.status === 'pending' &&
                        (row.addedBy === me ? (
                          <Tooltip title={t('trust.approveSelf')}>
                            <Button size="small" disabled aria-label={t('trust.approveNamed', named)}>
                              {t('trust.approve')}
                            </Button>
                          </Tooltip>
                        ) : (
                          <Button
                            size="small"
                            type="primary"
                            loading={approve.isPending && approve.variables === row.id}
                            aria-label={t('trust.approveNamed', named)}
                            onClick={() => approve.mutate(row.id)}
                          >
                            {t('trust.approve')}
                          </Button>
                        ))}
                      {row.status === 'active' && (
                        <Button
                          size="small"
                          danger
                          aria-label={t('trust.suspendNamed', named)}
                          onClick={() => ask('suspend')}
                        >
                          {t('trust.suspend')}
                        </Button>
                      )}
                      {row.status === 'suspended' && (
                        <Button
                          size="small"
                          aria-label={t('trust.reinstateNamed', named)}
                          onClick={() => ask('reinstate')}
                        >
                          {t('trust.reinstate')}
                        </Button>
                      )}
                      {row.status !== 'pending' && !row.pendingKids && (
                        <Button
                          size="small"
                          aria-label={t('trust.updateKeysNamed', named)}
                          onClick={() => setKeysOf(row)}
                        >
                          {t('trust.updateKeys')}
                        </Button>
                      )}
                      {row.pendingKids &&
                        (row.keysRequestedBy === me ? (
                          <Tooltip title={t('trust.approveKeysSelf')}>
                            <Button size="small" disabled aria-label={t('trust.approveKeysNamed', named)}>
                              {t('trust.approveKeys')}
                            </Button>
                          </Tooltip>
                        ) : (
                          <Button
                            size="small"
                            type="primary"
                            loading={approveKeys.isPending && approveKeys.variables === row.id}
                            aria-label={t('trust.approveKeysNamed', named)}
                            onClick={() => approveKeys.mutate(row.id)}
                          >
                            {t('trust.approveKeys')}
                          </Button>
                        ))}
                      {row.pendingKids && (
                        <Button
                          size="small"
                          aria-label={t('trust.discardKeysNamed', named)}
                          onClick={() => ask('discardKeys')}
                        >
                          {t('trust.discardKeys')}
                        </Button>
                      )}
                      <Button
                        size="small"
                        danger
                        aria-label={t('trust.removeNamed', named)}
                        onClick={() => ask('remove')}
                      >
                        {t('trust.remove')}
                      </Button>
                    </Space>
                  );
                },
              },
            ]}
          />
        </PageState>
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('trust.add')}</h2>}>
        <AddIssuerForm today={cstDate(clock.now())} />
      </Card>
      <ReasonDialog change={change} onClose={() => setChange(null)} />
      <UpdateKeysDialog issuer={keysOf} onClose={() => setKeysOf(null)} />
    </Flex>
  );
}
