import type { StaffGrantView } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { approveGrant, refuseGrant, staffQueryKey } from '../service';
import { scopeLabel } from '../scope.util';

interface Props {
  items: StaffGrantView[];
  meId: string | undefined;
  /** The history view shows decisions instead of buttons. */
  decided?: boolean;
}

/** Role grants: a system-admin other than the requester (and not the account itself) approves or refuses. */
export function GrantsTable({ items, meId, decided = false }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [refusing, setRefusing] = useState<StaffGrantView | null>(null);
  const [reason, setReason] = useState('');
  const done = (text: string) => {
    void message.success(text);
    return queryClient.invalidateQueries({ queryKey: staffQueryKey });
  };
  const approve = useMutation({ mutationFn: approveGrant, onSuccess: () => done(t('staffAdmin.approved')) });
  const refuse = useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) => refuseGrant(id, text.trim() || undefined),
    onSuccess: () => {
      setRefusing(null);
      setReason('');
      return done(t('staffAdmin.refused'));
    },
  });
  const roleAndScope = (role: StaffGrantView['role'], scope: string) =>
    `${t(`roles.${role}`)} · ${scopeLabel(scope, t('staffAdmin.wholeCountry'))}`;
  const blockedReason = (g: StaffGrantView) =>
    g.requestedBy === meId ? t('staffAdmin.ownRequest') : g.staffId === meId ? t('staffAdmin.ownAccount') : null;

  return (
    <>
      <Table<StaffGrantView>
        size="small"
        rowKey="id"
        dataSource={items}
        scroll={{ x: true }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('staffAdmin.grantAccount'),
            key: 'account',
            render: (_v, g) => `${g.displayName} (${g.username})`,
          },
          {
            title: t('staffAdmin.grantKind'),
            dataIndex: 'kind',
            render: (k: StaffGrantView['kind']) => t(`staffAdmin.kinds.${k}`),
          },
          {
            title: t('staffAdmin.grantFrom'),
            key: 'from',
            render: (_v, g) => (g.previousRole ? roleAndScope(g.previousRole, g.previousRegionScope ?? '') : '—'),
          },
          { title: t('staffAdmin.grantTo'), key: 'to', render: (_v, g) => roleAndScope(g.role, g.regionScope) },
          {
            title: t('staffAdmin.requestedBy'),
            key: 'by',
            render: (_v, g) => (
              <>
                {g.requestedByName}
                <br />
                <Typography.Text type="secondary">
                  {new Date(g.requestedAt).toLocaleString(i18n.language)}
                </Typography.Text>
              </>
            ),
          },
          decided
            ? {
                title: t('staffAdmin.decision'),
                key: 'decision',
                render: (_v, g) => (
                  <Flex vertical>
                    <Tag>{t(`staffAdmin.statuses.${g.status}`)}</Tag>
                    {g.decidedByName && <span>{g.decidedByName}</span>}
                    {g.reason && <Typography.Text type="secondary">{g.reason}</Typography.Text>}
                  </Flex>
                ),
              }
            : {
                title: t('staffAdmin.actions'),
                key: 'actions',
                render: (_v, g) => {
                  const blocked = blockedReason(g);
                  if (blocked)
                    return (
                      <Tooltip title={blocked}>
                        <Typography.Text type="secondary">{blocked}</Typography.Text>
                      </Tooltip>
                    );
                  return (
                    <Space>
                      <Popconfirm
                        title={t('staffAdmin.approveConfirm', { name: g.displayName, role: t(`roles.${g.role}`) })}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => approve.mutateAsync(g.id)}
                      >
                        <Button
                          size="small"
                          type="primary"
                          aria-label={t('staffAdmin.approveNamed', { name: g.displayName })}
                        >
                          {t('staffAdmin.approve')}
                        </Button>
                      </Popconfirm>
                      <Button
                        size="small"
                        danger
                        onClick={() => setRefusing(g)}
                        aria-label={t('staffAdmin.refuseNamed', { name: g.displayName })}
                      >
                        {t('staffAdmin.refuse')}
                      </Button>
                    </Space>
                  );
                },
              },
        ]}
      />
      <Modal
        open={refusing !== null}
        title={refusing ? t('staffAdmin.refuseTitle', { name: refusing.displayName }) : ''}
        okText={t('staffAdmin.refuse')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={refuse.isPending}
        onOk={() => refusing && refuse.mutate({ id: refusing.id, text: reason })}
        onCancel={() => setRefusing(null)}
      >
        {refusing?.kind === 'create' && <Typography.Paragraph>{t('staffAdmin.refuseNewAccount')}</Typography.Paragraph>}
        <Form layout="vertical">
          <Form.Item label={t('staffAdmin.refuseReason')} htmlFor="refuse-grant-reason">
            <Input.TextArea
              id="refuse-grant-reason"
              maxLength={200}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
