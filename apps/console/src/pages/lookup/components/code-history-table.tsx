import { buildHistoryLines, type HistoryLine } from '@healthcode/code-view';
import type { CodeHistoryEntry, Locale } from '@healthcode/contracts';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';

import { ColorTag } from '../../../components/color-tag';

/** The colour history in the lines the resident's history page shows (time, change, cause, green-by date). */
export function CodeHistoryTable({ history }: { history: readonly CodeHistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Table<HistoryLine>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={buildHistoryLines(history, lang)}
      locale={{ emptyText: t('pageState.empty') }}
      columns={[
        { title: t('lookup.record.when'), dataIndex: 'at' },
        { title: t('lookup.record.cause'), dataIndex: 'cause' },
        {
          title: t('lookup.record.change'),
          key: 'change',
          render: (_v, row) => (
            <span>
              {row.colorBefore && <ColorTag color={row.colorBefore.color} />}
              {row.colorBefore && ' → '}
              <ColorTag color={row.colorAfter.color} />
            </span>
          ),
        },
        { title: t('lookup.record.greenBy'), dataIndex: 'greenBy', render: (text: string | null) => text ?? '—' },
      ]}
    />
  );
}
