import { type Locale } from '@healthcode/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Divider, Drawer, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ColorTag } from '../../../components/color-tag';
import { PageState } from '../../../components/page-state';
import { useAccess } from '../../../hooks/use-access';
import { formatDate, formatDateTime } from '../../../services/date-format.util';
import { regionLabel } from '../../../services/region-label.util';
import { CodeExplanation } from '../../lookup/components/code-explanation';
import { CodeHistoryTable } from '../../lookup/components/code-history-table';
import { DeclarationTable } from '../../lookup/components/declaration-table';
import { availableActions } from '../appeal-filter.util';
import { appealQueryKey, appealsQueryKey, closeAppeal, fetchAppeal, startReview } from '../service';
import { AppealTimeline } from './appeal-timeline';
import { ApprovalForm } from './approval-form';
import { DecisionForm } from './decision-form';
import { RequestInfoForm } from './request-info-form';

/** One appeal: who (masked), the disputed reason as the resident saw it, the exchange so far, and what to do next. */
export function AppealDrawer({ number, onClose }: { number: number | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const access = useAccess();
  const queryClient = useQueryClient();
  const appeal = useQuery({
    queryKey: appealQueryKey(number ?? 0),
    queryFn: ({ signal }) => fetchAppeal(number as number, signal),
    enabled: number !== null,
  });
  const step = useMutation({
    mutationFn: (action: 'review' | 'close') =>
      action === 'review' ? startReview(number as number) : closeAppeal(number as number),
    onSuccess: (_v, action) => {
      void message.success(action === 'review' ? t('appeals.actions.reviewStarted') : t('appeals.actions.closed'));
      return queryClient.invalidateQueries({ queryKey: appealsQueryKey });
    },
  });
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Locale;
  const data = appeal.data;
  const actions = data ? availableActions(data, access.canApprove) : null;

  return (
    <Drawer
      open={number !== null}
      onClose={onClose}
      size={720}
      title={number !== null ? t('appeals.detail.title', { number }) : ''}
      destroyOnHidden
    >
      <PageState
        loading={appeal.isPending && number !== null}
        error={appeal.error}
        onRetry={() => void appeal.refetch()}
      >
        {data && actions && (
          <Flex vertical gap={16}>
            <section aria-labelledby="appeal-resident">
              <Typography.Title level={2} id="appeal-resident" style={{ fontSize: 16 }}>
                {t('appeals.detail.resident')}
              </Typography.Title>
              <Descriptions size="small" column={2} bordered>
                <Descriptions.Item label={t('appeals.detail.name')}>
                  {data.resident.nameMasked ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('appeals.detail.idNumber')}>
                  {data.resident.idMasked ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('appeals.detail.region')}>{regionLabel(data.region)}</Descriptions.Item>
                <Descriptions.Item label={t('appeals.detail.currentColor')}>
                  <ColorTag color={data.resident.currentColor} />
                </Descriptions.Item>
                <Descriptions.Item label={t('appeals.detail.reference')} span={2}>
                  {/* What a lookup states as its purpose ("Appeal id"): copy it into the lookup form. */}
                  <Typography.Text code copyable={{ text: data.reference }} data-testid="appeal-reference">
                    {data.reference}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            </section>
            <section aria-labelledby="appeal-code">
              <Typography.Title level={2} id="appeal-code" style={{ fontSize: 16 }}>
                {t('lookup.record.code')}
              </Typography.Title>
              {data.code ? (
                <CodeExplanation code={data.code} />
              ) : (
                <Typography.Text type="secondary">{t('pageState.empty')}</Typography.Text>
              )}
            </section>
            <section aria-labelledby="appeal-history">
              <Typography.Title level={2} id="appeal-history" style={{ fontSize: 16 }}>
                {t('lookup.record.history')}
              </Typography.Title>
              <CodeHistoryTable history={data.history} />
            </section>
            <section aria-labelledby="appeal-declarations">
              <Typography.Title level={2} id="appeal-declarations" style={{ fontSize: 16 }}>
                {t('lookup.record.declarations')}
              </Typography.Title>
              <DeclarationTable declarations={data.declarations} />
            </section>
            <section aria-labelledby="appeal-reason">
              <Typography.Title level={2} id="appeal-reason" style={{ fontSize: 16 }}>
                {t('appeals.detail.disputed')}
              </Typography.Title>
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('appeals.detail.asResidentSaw')}>
                  <Flex gap={8} align="center" wrap>
                    <ColorTag color={data.reason.color} />
                    <span>{data.reason.text[lang]}</span>
                  </Flex>
                </Descriptions.Item>
                <Descriptions.Item label={t('appeals.detail.rule')}>
                  {data.ruleId} (v{data.reason.ruleVersion}) · {data.categoryLabel[lang]}
                </Descriptions.Item>
                <Descriptions.Item label={t('appeals.detail.period')}>
                  {formatDate(data.reason.since)} → {formatDate(data.reason.until)}
                </Descriptions.Item>
                <Descriptions.Item label={t('appeals.detail.statement')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{data.statement}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('appeals.detail.deadlines')}>
                  {t('appeals.detail.deadlineText', {
                    first: formatDateTime(data.firstResponseDueAt),
                    decision: formatDateTime(data.decisionDueAt),
                  })}
                </Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('appeals.detail.recordNote')}
              </Typography.Paragraph>
            </section>
            {data.decision && (
              <section aria-labelledby="appeal-decision">
                <Typography.Title level={2} id="appeal-decision" style={{ fontSize: 16 }}>
                  {t('appeals.detail.decision')}
                </Typography.Title>
                <Descriptions size="small" column={1} bordered>
                  <Descriptions.Item label={t('appeals.decision.outcome')}>
                    {t(`appeals.outcome.${data.decision.outcome}`)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('appeals.decision.reason')}>{data.decision.reason}</Descriptions.Item>
                  {data.decision.override && (
                    <Descriptions.Item label={t('appeals.decision.override')}>
                      <ColorTag color={data.decision.override.color} />{' '}
                      {t('appeals.decision.untilText', { until: data.decision.override.until })}
                    </Descriptions.Item>
                  )}
                  <Descriptions.Item label={t('appeals.decision.approval')}>
                    {t(`appeals.approvalState.${data.decision.approval}`)}
                  </Descriptions.Item>
                </Descriptions>
              </section>
            )}
            <section aria-labelledby="appeal-actions">
              <Typography.Title level={2} id="appeal-actions" style={{ fontSize: 16 }}>
                {t('appeals.detail.actions')}
              </Typography.Title>
              <Flex vertical gap={12}>
                {!Object.values(actions).some(Boolean) && (
                  <Typography.Text type="secondary">{t('appeals.actions.none')}</Typography.Text>
                )}
                {(actions.startReview || actions.close) && (
                  <Flex gap={8}>
                    {actions.startReview && (
                      <Button type="primary" loading={step.isPending} onClick={() => step.mutate('review')}>
                        {t('appeals.actions.startReview')}
                      </Button>
                    )}
                    {actions.close && (
                      <Button loading={step.isPending} onClick={() => step.mutate('close')}>
                        {t('appeals.actions.close')}
                      </Button>
                    )}
                  </Flex>
                )}
                {actions.approve && <ApprovalForm appealNumber={data.number} />}
                {actions.decide && <DecisionForm appealNumber={data.number} />}
                {actions.requestInfo && (
                  <>
                    <Divider style={{ margin: '4px 0' }} />
                    <RequestInfoForm appealNumber={data.number} />
                  </>
                )}
              </Flex>
            </section>
            <section aria-labelledby="appeal-timeline">
              <Typography.Title level={2} id="appeal-timeline" style={{ fontSize: 16 }}>
                {t('appeals.detail.timeline')}
              </Typography.Title>
              <AppealTimeline appealNumber={data.number} entries={data.timeline} />
            </section>
          </Flex>
        )}
      </PageState>
    </Drawer>
  );
}
