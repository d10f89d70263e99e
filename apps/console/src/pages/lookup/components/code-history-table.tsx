import type { CodeHistoryEntry, Locale } from '@healthcode/contracts';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';

import { ColorTag } from '../../../components/color-tag';
import { formatDateTime } from '../../../services/date-format.util';

/** The colour history of a code: when it changed, why (in the resident's words) and from what to what. */
export function CodeHistoryTable({ history }: { history: readonly CodeHistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Table<CodeHistoryEntry>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...history]}
      locale={{ emptyText: t('pageState.empty') }}
      columns={[
        { title: t('lookup.record.when'), dataIndex: 'at', render: formatDateTime },
        {
          title: t('lookup.record.cause'),
          dataIndex: 'causeText',
          render: (text: CodeHistoryEntry['causeText']) => text[lang],
        },
        {
          title: t('lookup.record.change'),
          key: 'change',
          render: (_v, row) => (
            <span>
              <ColorTag color={row.colorBefore} /> → <ColorTag color={row.colorAfter} />
            </span>
          ),
        },
      ]}
    />
  );
}
