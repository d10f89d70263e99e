import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Flex, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '../../components/page-header';
import { PageState } from '../../components/page-state';
import { useAccess } from '../../hooks/use-access';
import { useSession } from '../../hooks/use-session';
import { FileCareConsentForm } from './components/file-care-consent-form';
import { FileVerificationForm } from './components/file-verification-form';
import { RefuseModal } from './components/refuse-modal';
import { VerificationTable } from './components/verification-table';
import { decideVerification, fetchVerifications, identityVerificationsQueryKey } from './service';
import type { HotlineVerificationDecision, HotlineVerificationView, QueueTab } from './types';

const TABS: readonly QueueTab[] = ['pending', 'approved', 'refused'];

/**
 * Identity verification queue: for residents no host app can verify. A hotline agent files the document check;
 * a different supervisor approves (the resident becomes verified) or refuses with a reason. Both steps are in the
 * audit log and in the resident's own access log.
 */
export default function IdentityVerificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const access = useAccess();
  const session = useSession();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<QueueTab>('pending');
  const [refusing, setRefusing] = useState<HotlineVerificationView | null>(null);
  const list = useQuery({
    queryKey: [...identityVerificationsQueryKey, tab],
    queryFn: ({ signal }) => fetchVerifications(tab, signal),
  });
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: HotlineVerificationDecision }) =>
      decideVerification(id, decision),
    onSuccess: (view) => {
      void message.success(
        view.status === 'approved' ? t('identityVerifications.approved') : t('identityVerifications.refused'),
      );
      setRefusing(null);
      return queryClient.invalidateQueries({ queryKey: identityVerificationsQueryKey });
    },
  });
  const items = list.data?.items ?? [];

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('identityVerifications.title')} subtitle={t('identityVerifications.subtitle')} />
      <Alert type="info" showIcon role="note" title={t('identityVerifications.notice')} />
      <FileVerificationForm />
      <FileCareConsentForm />
      <section aria-label={t('identityVerifications.queue')}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as QueueTab)}
          items={TABS.map((key) => ({ key, label: t(`identityVerifications.tabs.${key}`) }))}
        />
        <PageState
          loading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          empty={items.length === 0}
          emptyDescription={t(`identityVerifications.empty.${tab}`)}
        >
          <VerificationTable
            items={items}
            caption={t(`identityVerifications.tabs.${tab}`)}
            myId={session?.staff.id}
            canDecide={access.canApprove}
            deciding={decide.isPending && decide.variables?.decision.approve ? decide.variables.id : null}
            onApprove={(row) => decide.mutate({ id: row.id, decision: { approve: true } })}
            onRefuse={setRefusing}
          />
        </PageState>
      </section>
      <RefuseModal
        open={refusing !== null}
        pending={decide.isPending}
        onCancel={() => setRefusing(null)}
        onRefuse={(note) => refusing && decide.mutate({ id: refusing.id, decision: { approve: false, note } })}
      />
    </Flex>
  );
}
