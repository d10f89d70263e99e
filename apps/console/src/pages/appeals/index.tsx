import { useQuery } from '@tanstack/react-query';
import { Flex, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '../../components/page-header';
import { PageState } from '../../components/page-state';
import { useAccess } from '../../hooks/use-access';
import { awaitingApproval, filterAppeals } from './appeal-filter.util';
import { AppealDrawer } from './components/appeal-drawer';
import { AppealFiltersBar } from './components/appeal-filters';
import { AppealTable } from './components/appeal-table';
import { appealListQueryKey, fetchAppeals } from './service';
import type { AppealFilters } from './types';

/** The hotline's workbench: the appeals queue of the staff member's region, and the supervisors' approvals. */
export default function AppealsPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const [filters, setFilters] = useState<AppealFilters>({});
  const [tab, setTab] = useState<'queue' | 'approvals'>('queue');
  const [open, setOpen] = useState<number | null>(null);
  const params = tab === 'approvals' ? { status: 'decided' as const } : { status: filters.status, mine: filters.mine };
  const list = useQuery({ queryKey: appealListQueryKey(params), queryFn: ({ signal }) => fetchAppeals(params, signal) });
  // Deadlines are judged against the time the list arrived, so rows do not flip while someone reads them.
  const now = list.dataUpdatedAt || Date.now();
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const shown = tab === 'approvals' ? awaitingApproval(items) : filterAppeals(items, filters, now);
  const ruleIds = useMemo(() => [...new Set(items.map((a) => a.ruleId))].sort(), [items]);

  const body = (
    <PageState
      loading={list.isPending || (list.isError && list.isFetching)}
      error={list.error}
      onRetry={() => void list.refetch()}
      empty={shown.length === 0}
      emptyDescription={tab === 'approvals' ? t('appeals.emptyApprovals') : t('appeals.empty')}
    >
      <AppealTable items={shown} now={now} caption={tab === 'approvals' ? t('appeals.tabs.approvals') : t('appeals.tabs.queue')} onOpen={setOpen} />
    </PageState>
  );

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('appeals.title')} subtitle={t('appeals.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as typeof tab)}
        items={[
          {
            key: 'queue',
            label: t('appeals.tabs.queue'),
            children: (
              <Flex vertical gap={16}>
                <AppealFiltersBar value={filters} ruleIds={ruleIds} onChange={setFilters} />
                {tab === 'queue' && body}
              </Flex>
            ),
          },
          ...(access.canApprove ? [{ key: 'approvals', label: t('appeals.tabs.approvals'), children: tab === 'approvals' && body }] : []),
        ]}
      />
      <AppealDrawer number={open} onClose={() => setOpen(null)} />
    </Flex>
  );
}
