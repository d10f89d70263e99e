import { TRACING_STATUSES, type TracingRequestResponse, type TracingStatus } from '@healthcode/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '../../components/page-header';
import { PageState } from '../../components/page-state';
import { useSession } from '../../hooks/use-session';
import { TracingRequestForm } from './components/request-form';
import { ScansDrawer } from './components/scans-drawer';
import { decideRequest, fetchRequests, tracingQueryKey } from './service';

const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;
type Filter = TracingStatus | 'all';

/**
 * Contact-tracing requests: a hotline agent or supervisor asks for one confirmed case's scans, a different
 * supervisor approves or refuses, and the requester or approver reads the scans (audited, in the resident's
 * access log). Agents see their own requests; supervisors every request of their scope.
 */
export default function TracingPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const staff = useSession()?.staff;
  const isSupervisor = staff?.role === 'supervisor';
  const [filter, setFilter] = useState<Filter>('all');
  const [refusing, setRefusing] = useState<TracingRequestResponse | null>(null);
  const [note, setNote] = useState('');
  const [reading, setReading] = useState<TracingRequestResponse | null>(null);
  const status = filter === 'all' ? undefined : filter;
  const list = useQuery({
    queryKey: [...tracingQueryKey, status ?? 'all'],
    queryFn: ({ signal }) => fetchRequests(status, signal),
  });
  const decide = useMutation({
    mutationFn: ({ id, approve, text }: { id: string; approve: boolean; text?: string }) =>
      decideRequest(id, { approve, ...(text?.trim() ? { note: text.trim() } : {}) }),
    onSuccess: (_r, v) => {
      void message.success(t(v.approve ? 'tracing.approved' : 'tracing.refused'));
      setRefusing(null);
      setNote('');
      return queryClient.invalidateQueries({ queryKey: tracingQueryKey });
    },
  });
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('tracing.title')} subtitle={t('tracing.subtitle')} />
      <Card title={heading(t('tracing.requests'))}>
        <Flex vertical gap={12}>
          <Segmented<Filter>
            aria-label={t('tracing.filter')}
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: t('tracing.all') },
              ...TRACING_STATUSES.map((s) => ({ value: s, label: t(`tracing.statuses.${s}`) })),
            ]}
          />
          <PageState
            loading={list.isPending}
            error={list.error}
            onRetry={() => void list.refetch()}
            empty={list.data?.items.length === 0}
            emptyDescription={t('tracing.empty')}
          >
            <Table<TracingRequestResponse>
              size="small"
              rowKey="id"
              dataSource={list.data?.items}
              scroll={{ x: true }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('tracing.caseReference'), dataIndex: 'caseReference' },
                { title: t('tracing.justification'), dataIndex: 'justification' },
                {
                  title: t('tracing.requestedBy'),
                  key: 'by',
                  render: (_v, r) => (
                    <>
                      {r.requestedBy === staff?.id ? t('tracing.you') : t('tracing.colleague')}
                      <br />
                      <Typography.Text type="secondary">{when(r.requestedAt)}</Typography.Text>
                    </>
                  ),
                },
                {
                  title: t('tracing.status'),
                  key: 'status',
                  render: (_v, r) => (
                    <Flex vertical gap={2} align="flex-start">
                      <Tag>{t(`tracing.statuses.${r.status}`)}</Tag>
                      {r.decidedAt && <Typography.Text type="secondary">{when(r.decidedAt)}</Typography.Text>}
                      {r.note && <span>{r.note}</span>}
                    </Flex>
                  ),
                },
                {
                  title: t('tracing.actions'),
                  key: 'actions',
                  render: (_v, r) => {
                    if (r.status === 'approved' && (r.requestedBy === staff?.id || r.decidedBy === staff?.id))
                      return (
                        <Button
                          size="small"
                          onClick={() => setReading(r)}
                          aria-label={t('tracing.scansNamed', { ref: r.caseReference })}
                        >
                          {t('tracing.scans')}
                        </Button>
                      );
                    if (r.status !== 'pending' || !isSupervisor) return null;
                    if (r.requestedBy === staff?.id)
                      return <Typography.Text type="secondary">{t('tracing.ownRequest')}</Typography.Text>;
                    return (
                      <Space>
                        <Popconfirm
                          title={t('tracing.approveConfirm', { ref: r.caseReference })}
                          okText={t('common.confirm')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => decide.mutateAsync({ id: r.id, approve: true })}
                        >
                          <Button
                            size="small"
                            type="primary"
                            aria-label={t('tracing.approveNamed', { ref: r.caseReference })}
                          >
                            {t('tracing.approve')}
                          </Button>
                        </Popconfirm>
                        <Button
                          size="small"
                          danger
                          onClick={() => setRefusing(r)}
                          aria-label={t('tracing.refuseNamed', { ref: r.caseReference })}
                        >
                          {t('tracing.refuse')}
                        </Button>
                      </Space>
                    );
                  },
                },
              ]}
            />
          </PageState>
        </Flex>
      </Card>
      <Card title={heading(t('tracing.request'))}>
        <TracingRequestForm />
      </Card>
      <Modal
        open={refusing !== null}
        title={refusing ? t('tracing.refuseTitle', { ref: refusing.caseReference }) : ''}
        okText={t('tracing.refuse')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={decide.isPending}
        onOk={() => refusing && decide.mutate({ id: refusing.id, approve: false, text: note })}
        onCancel={() => setRefusing(null)}
      >
        <Form layout="vertical">
          <Form.Item label={t('tracing.note')} htmlFor="tracing-refuse-note">
            <Input.TextArea
              id="tracing-refuse-note"
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
      <ScansDrawer request={reading} onClose={() => setReading(null)} />
    </Flex>
  );
}
