import type { StaffAccountView } from '@healthcode/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '../../components/page-header';
import { PageState } from '../../components/page-state';
import { useSession } from '../../hooks/use-session';
import { AccountsTable } from './components/accounts-table';
import { CreateStaffForm } from './components/create-staff-form';
import { GrantsTable } from './components/grants-table';
import { RoleDialog } from './components/role-dialog';
import { accountsQueryKey, fetchAccounts, fetchGrants, grantsQueryKey } from './service';

const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/**
 * Staff accounts of the admin's scope: create, disable, unlock, reset an authenticator, change role and scope;
 * privileged roles wait in the grants list for a second system-admin. The API checks role and scope again.
 */
export default function StaffPage() {
  const { t } = useTranslation();
  const staff = useSession()?.staff;
  const [editing, setEditing] = useState<StaffAccountView | null>(null);
  const accounts = useQuery({ queryKey: accountsQueryKey, queryFn: ({ signal }) => fetchAccounts(signal) });
  const grants = useQuery({ queryKey: grantsQueryKey, queryFn: ({ signal }) => fetchGrants(undefined, signal) });
  const pending = grants.data?.items.filter((g) => g.status === 'pending') ?? [];
  const history = grants.data?.items.filter((g) => g.status !== 'pending') ?? [];

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('staffAdmin.title')} subtitle={t('staffAdmin.subtitle')} />
      <Card title={heading(t('staffAdmin.grants'))}>
        <PageState
          loading={grants.isPending}
          error={grants.error}
          onRetry={() => void grants.refetch()}
          empty={pending.length === 0}
          emptyDescription={t('staffAdmin.grantsEmpty')}
        >
          <GrantsTable items={pending} meId={staff?.id} />
        </PageState>
      </Card>
      <Card title={heading(t('staffAdmin.accounts'))}>
        <PageState
          loading={accounts.isPending}
          error={accounts.error}
          onRetry={() => void accounts.refetch()}
          empty={accounts.data?.items.length === 0}
          emptyDescription={t('staffAdmin.empty')}
        >
          <AccountsTable items={accounts.data?.items ?? []} meId={staff?.id} onChangeRole={setEditing} />
        </PageState>
      </Card>
      <Card title={heading(t('staffAdmin.create'))}>
        <CreateStaffForm scope={staff?.regionScope ?? ''} />
      </Card>
      <Card title={heading(t('staffAdmin.grantsHistory'))}>
        <PageState
          loading={grants.isPending}
          error={grants.error}
          onRetry={() => void grants.refetch()}
          empty={history.length === 0}
          emptyDescription={t('staffAdmin.grantsHistoryEmpty')}
        >
          <GrantsTable items={history} meId={staff?.id} decided />
        </PageState>
      </Card>
      <RoleDialog account={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}
