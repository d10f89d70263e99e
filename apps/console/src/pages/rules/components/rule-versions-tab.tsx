import type { Locale, RuleSetAdminView } from '@healthcode/contracts';
import { useQuery } from '@tanstack/react-query';
import { Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageState } from '../../../components/page-state';
import { formatDateTime } from '../../../services/date-format.util';
import { fetchRuleSets, ruleSetsQueryKey } from '../service';
import { RuleSetDiff } from './rule-set-diff';
import { versionLabel } from './version-label';

/** Every rule set (published, previewed, drafts); tick any two to compare them side by side. */
export function RuleVersionsTab() {
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const list = useQuery({ queryKey: ruleSetsQueryKey, queryFn: ({ signal }) => fetchRuleSets(signal) });
  const [picked, setPicked] = useState<string[]>([]);
  const items = list.data?.items ?? [];
  const chosen = picked.map((id) => items.find((r) => r.id === id)).filter((r): r is RuleSetAdminView => Boolean(r));
  // Oldest on the left.
  const [left, right] = [...chosen].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <PageState
      loading={list.isPending}
      error={list.error}
      onRetry={() => void list.refetch()}
      empty={items.length === 0}
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('rules.versions.pickTwo')}</Typography.Text>
        <Table<RuleSetAdminView>
          rowKey="id"
          size="small"
          dataSource={items}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          rowSelection={{
            selectedRowKeys: picked,
            onChange: (keys) => setPicked(keys.map(String).slice(-2)),
            getCheckboxProps: (row) => ({ 'aria-label': t('rules.versions.pick', { version: versionLabel(row, t) }) }),
            hideSelectAll: true,
          }}
          columns={[
            { title: t('rules.versions.version'), key: 'version', render: (_v, row) => versionLabel(row, t) },
            {
              title: t('rules.versions.statusLabel'),
              dataIndex: 'status',
              render: (s: RuleSetAdminView['status']) => <Tag>{t(`rules.versions.status.${s}`)}</Tag>,
            },
            {
              title: t('rules.versions.changelog'),
              dataIndex: 'changelog',
              render: (c: RuleSetAdminView['changelog']) => c[lang],
            },
            { title: t('rules.versions.effectiveAt'), dataIndex: 'effectiveAt', render: formatDateTime },
            { title: t('rules.versions.publishedAt'), dataIndex: 'publishedAt', render: formatDateTime },
          ]}
        />
        {left && right && <RuleSetDiff left={left} right={right} />}
      </Flex>
    </PageState>
  );
}
