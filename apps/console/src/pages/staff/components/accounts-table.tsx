import { type StaffAccountView, TOTP_ROLES } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import { type AccountAction, accountAction, staffQueryKey } from '../service';
import { scopeLabel } from '../scope.util';

interface Props {
  items: StaffAccountView[];
  meId: string | undefined;
  onChangeRole: (account: StaffAccountView) => void;
}

/** The accounts of the admin's scope; each state is a word, never a colour alone. */
export function AccountsTable({ items, meId, onChangeRole }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: AccountAction }) => accountAction(id, action),
    onSuccess: () => {
      void message.success(t('staffAdmin.done'));
      return queryClient.invalidateQueries({ queryKey: staffQueryKey });
    },
  });
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const confirmed = (
    row: StaffAccountView,
    action: AccountAction,
    label: string,
    named: string,
    confirm: string,
    danger = false,
  ) => (
    <Popconfirm
      title={confirm}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() => act.mutateAsync({ id: row.id, action })}
    >
      <Button size="small" danger={danger} aria-label={named}>
        {label}
      </Button>
    </Popconfirm>
  );

  return (
    <Table<StaffAccountView>
      size="small"
      rowKey="id"
      dataSource={items}
      scroll={{ x: true }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('staffAdmin.username'), dataIndex: 'username' },
        {
          title: t('staffAdmin.displayName'),
          dataIndex: 'displayName',
          render: (name: string, row) => (row.id === meId ? `${name} ${t('staffAdmin.you')}` : name),
        },
        { title: t('staffAdmin.role'), dataIndex: 'role', render: (r: StaffAccountView['role']) => t(`roles.${r}`) },
        {
          title: t('staffAdmin.regionScope'),
          dataIndex: 'regionScope',
          render: (s: string) => scopeLabel(s, t('staffAdmin.wholeCountry')),
        },
        {
          title: t('staffAdmin.state'),
          key: 'state',
          render: (_v, row) => (
            <Space size={4} wrap>
              <Tag>{t(row.disabled ? 'staffAdmin.disabled' : 'staffAdmin.active')}</Tag>
              {row.lockedUntil && <Tag>{t('staffAdmin.locked', { until: when(row.lockedUntil) })}</Tag>}
              {row.pendingGrantId && <Tag>{t('staffAdmin.awaiting')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('staffAdmin.authenticator'),
          key: 'totp',
          render: (_v, row) =>
            !TOTP_ROLES.includes(row.role)
              ? t('staffAdmin.totpNone')
              : row.totpEnabled
                ? t('staffAdmin.totpSet')
                : t('staffAdmin.totpToEnroll'),
        },
        {
          title: t('staffAdmin.lastLogin'),
          dataIndex: 'lastLoginAt',
          render: (at: string | null) => (at ? when(at) : t('staffAdmin.never')),
        },
        {
          title: t('staffAdmin.actions'),
          key: 'actions',
          render: (_v, row) =>
            row.id === meId ? null : (
              <Space wrap>
                <Button
                  size="small"
                  onClick={() => onChangeRole(row)}
                  disabled={row.pendingGrantId !== null}
                  aria-label={t('staffAdmin.changeRoleNamed', { name: row.displayName })}
                >
                  {t('staffAdmin.changeRole')}
                </Button>
                {row.lockedUntil &&
                  confirmed(
                    row,
                    'unlock',
                    t('staffAdmin.unlock'),
                    t('staffAdmin.unlockNamed', { name: row.displayName }),
                    t('staffAdmin.unlockConfirm', { name: row.displayName }),
                  )}
                {TOTP_ROLES.includes(row.role) &&
                  row.totpEnabled &&
                  confirmed(
                    row,
                    'reset-totp',
                    t('staffAdmin.resetTotp'),
                    t('staffAdmin.resetTotpNamed', { name: row.displayName }),
                    t('staffAdmin.resetTotpConfirm', { name: row.displayName }),
                  )}
                {row.disabled
                  ? row.pendingGrantId === null && (
                      <Button
                        size="small"
                        onClick={() => act.mutate({ id: row.id, action: 'enable' })}
                        aria-label={t('staffAdmin.enableNamed', { name: row.displayName })}
                      >
                        {t('staffAdmin.enable')}
                      </Button>
                    )
                  : confirmed(
                      row,
                      'disable',
                      t('staffAdmin.disable'),
                      t('staffAdmin.disableNamed', { name: row.displayName }),
                      t('staffAdmin.disableConfirm', { name: row.displayName }),
                      true,
                    )}
              </Space>
            ),
        },
      ]}
    />
  );
}
