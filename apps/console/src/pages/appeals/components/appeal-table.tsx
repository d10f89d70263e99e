import type { AppealView, Locale } from '@healthcode/contracts';
import { Badge, Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../services/date-format.util';
import { regionLabel } from '../../../services/region-label.util';
import { deadlineState } from '../appeal-filter.util';

const DEADLINE_BADGE = { 'on-time': 'default', 'due-soon': 'warning', breached: 'error' } as const;

interface AppealTableProps {
  items: AppealView[];
  now: number;
  caption: string;
  onOpen: (number: number) => void;
  /** Server-side paging; without it the table shows every row it is given. */
  paging?: { page: number; pageSize: number; total: number; onChange: (page: number) => void };
}

export function AppealTable({ items, now, caption, onOpen, paging }: AppealTableProps) {
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Table<AppealView>
      rowKey="number"
      size="middle"
      dataSource={items}
      pagination={
        paging
          ? {
              current: paging.page,
              pageSize: paging.pageSize,
              total: paging.total,
              onChange: paging.onChange,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (total) => t('common.total', { total }),
            }
          : false
      }
      onRow={(row) => ({ onDoubleClick: () => onOpen(row.number) })}
      title={() => caption}
      columns={[
        {
          title: t('appeals.columns.number'),
          dataIndex: 'number',
          render: (number: number) => (
            <Button
              type="link"
              style={{ padding: 0 }}
              onClick={() => onOpen(number)}
              aria-label={t('appeals.open', { number })}
            >
              #{number}
            </Button>
          ),
        },
        {
          title: t('appeals.columns.status'),
          dataIndex: 'status',
          render: (status: AppealView['status']) => <Tag>{t(`appeals.status.${status}`)}</Tag>,
        },
        { title: t('appeals.columns.rule'), dataIndex: 'ruleId' },
        {
          title: t('appeals.columns.category'),
          dataIndex: 'categoryLabel',
          render: (label: AppealView['categoryLabel']) => label[lang],
        },
        { title: t('appeals.columns.region'), dataIndex: 'region', render: (region: string) => regionLabel(region) },
        { title: t('appeals.columns.submitted'), dataIndex: 'submittedAt', render: formatDateTime },
        {
          title: t('appeals.columns.due'),
          dataIndex: 'decisionDueAt',
          render: (due: string, row) => {
            const state = deadlineState(row, now);
            return (
              <Badge
                status={DEADLINE_BADGE[state]}
                text={`${formatDateTime(due)} · ${t(`appeals.deadline.${state}`)}`}
              />
            );
          },
        },
      ]}
    />
  );
}
