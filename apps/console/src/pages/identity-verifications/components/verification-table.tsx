import { Badge, Button, Flex, Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../services/date-format.util';
import { regionLabel } from '../../../services/region-label.util';
import type { HotlineVerificationView } from '../types';

// A dot beside plain text: coloured tag text on its tint falls short of 4.5:1 contrast (axe, console e2e).
const STATUS_BADGE = { pending: 'processing', approved: 'success', refused: 'error' } as const;

interface VerificationTableProps {
  items: HotlineVerificationView[];
  caption: string;
  /** The signed-in staff member: nobody decides their own filing. */
  myId: string | undefined;
  /** Supervisors decide pending requests; others see the queue only. */
  canDecide: boolean;
  deciding: string | null;
  onApprove: (row: HotlineVerificationView) => void;
  onRefuse: (row: HotlineVerificationView) => void;
}

export function VerificationTable({
  items,
  caption,
  myId,
  canDecide,
  deciding,
  onApprove,
  onRefuse,
}: VerificationTableProps) {
  const { t } = useTranslation();
  return (
    <Table<HotlineVerificationView>
      rowKey="id"
      size="middle"
      dataSource={items}
      pagination={false}
      title={() => caption}
      columns={[
        {
          title: t('identityVerifications.columns.requestedAt'),
          dataIndex: 'requestedAt',
          render: (iso: string) => formatDateTime(iso),
        },
        { title: t('identityVerifications.columns.idNumber'), dataIndex: 'idNumberMasked' },
        {
          title: t('identityVerifications.columns.document'),
          dataIndex: 'documentType',
          render: (type: HotlineVerificationView['documentType']) => t(`identityVerifications.documentTypes.${type}`),
        },
        { title: t('identityVerifications.columns.reason'), dataIndex: 'reason' },
        { title: t('identityVerifications.columns.callRef'), dataIndex: 'callRef' },
        {
          title: t('identityVerifications.columns.region'),
          dataIndex: 'region',
          render: (code: string) => regionLabel(code),
        },
        {
          title: t('identityVerifications.columns.status'),
          dataIndex: 'status',
          render: (status: HotlineVerificationView['status'], row) => (
            <Flex vertical gap={4}>
              <Badge status={STATUS_BADGE[status]} text={t(`identityVerifications.status.${status}`)} />
              {row.note && <span>{row.note}</span>}
            </Flex>
          ),
        },
        ...(canDecide
          ? [
              {
                title: t('identityVerifications.columns.actions'),
                key: 'actions',
                render: (_: unknown, row: HotlineVerificationView) => {
                  if (row.status !== 'pending') return null;
                  const own = row.requestedBy === myId;
                  const label = t('identityVerifications.rowLabel', { number: row.idNumberMasked });
                  const approve = (
                    <Button
                      type="primary"
                      size="small"
                      disabled={own}
                      loading={deciding === row.id}
                      aria-label={`${t('identityVerifications.approve')} ${label}`}
                      onClick={() => onApprove(row)}
                    >
                      {t('identityVerifications.approve')}
                    </Button>
                  );
                  return (
                    <Flex gap={8} wrap>
                      {own ? <Tooltip title={t('identityVerifications.ownFiling')}>{approve}</Tooltip> : approve}
                      <Button
                        danger
                        size="small"
                        disabled={own}
                        aria-label={`${t('identityVerifications.refuse.action')} ${label}`}
                        onClick={() => onRefuse(row)}
                      >
                        {t('identityVerifications.refuse.action')}
                      </Button>
                      {own && <span>{t('identityVerifications.ownFiling')}</span>}
                    </Flex>
                  );
                },
              },
            ]
          : []),
      ]}
    />
  );
}
