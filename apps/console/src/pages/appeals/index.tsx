import { DEFAULT_APPEAL_CATEGORIES } from '@healthcode/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '../../components/page-header';
import { PageState } from '../../components/page-state';
import { useAccess } from '../../hooks/use-access';
import { awaitingApproval } from './appeal-filter.util';
import { AppealDrawer } from './components/appeal-drawer';
import { AppealFiltersBar } from './components/appeal-filters';
import { AppealTable } from './components/appeal-table';
import { type AppealListParams, appealListQueryKey, fetchAppeals } from './service';
import type { AppealFilters } from './types';
import { clock } from '../../services/clock';

const PAGE_SIZE = 20;
const APPROVALS_PAGE_SIZE = 100;

/** The hotline's workbench: the appeals queue of the staff member's region, and the supervisors' approvals. */
export default function AppealsPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const [filters, setFilters] = useState<AppealFilters>({});
  const [page, setPage] = useState(1);
  const [tab, setTab] = useState<'queue' | 'approvals'>('queue');
  const [open, setOpen] = useState<number | null>(null);
  // The approvals tab reads the decided appeals in one large page and keeps those waiting for a second person.
  const params: AppealListParams =
    tab === 'approvals'
      ? { status: 'decided', pageSize: APPROVALS_PAGE_SIZE }
      : { ...filters, page, pageSize: PAGE_SIZE };
  const list = useQuery({
    queryKey: appealListQueryKey(params),
    queryFn: ({ signal }) => fetchAppeals(params, signal),
    placeholderData: keepPreviousData,
  });
  // Deadlines are judged against the time the list arrived, so rows do not flip while someone reads them.
  const now = list.dataUpdatedAt || clock.ms();
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const shown = tab === 'approvals' ? awaitingApproval(items) : items;
  // The known categories, and any region's own that the page shows (or the filter names).
  const categories = useMemo(
    () => [
      ...new Map(
        [
          ...DEFAULT_APPEAL_CATEGORIES,
          ...items.map((a) => ({ key: a.category, label: a.categoryLabel, custom: true })),
        ].map((c) => [c.key, c]),
      ).values(),
    ],
    [items],
  );
  const ruleIds = useMemo(
    () => [...new Set([...items.map((a) => a.ruleId), ...(filters.ruleId ? [filters.ruleId] : [])])].sort(),
    [items, filters.ruleId],
  );
  const changeFilters = (next: AppealFilters) => {
    setFilters(next);
    setPage(1);
  };
  const paging =
    tab === 'queue' ? { page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage } : undefined;

  const body = (
    <PageState
      loading={list.isPending || (list.isError && list.isFetching)}
      error={list.error}
      onRetry={() => void list.refetch()}
      empty={shown.length === 0}
      emptyDescription={tab === 'approvals' ? t('appeals.emptyApprovals') : t('appeals.empty')}
    >
      <AppealTable
        items={shown}
        now={now}
        paging={paging}
        caption={tab === 'approvals' ? t('appeals.tabs.approvals') : t('appeals.tabs.queue')}
        onOpen={setOpen}
      />
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
                <AppealFiltersBar value={filters} ruleIds={ruleIds} categories={categories} onChange={changeFilters} />
                {tab === 'queue' && body}
              </Flex>
            ),
          },
          ...(access.canApprove
            ? [{ key: 'approvals', label: t('appeals.tabs.approvals'), children: tab === 'approvals' && body }]
            : []),
        ]}
      />
      <AppealDrawer number={open} onClose={() => setOpen(null)} />
    </Flex>
  );
}
