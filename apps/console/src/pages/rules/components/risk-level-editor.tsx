import { regionScopeCovers, type RiskLevelRequest, type RiskLevelResponse } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { RunProgress } from '../../../components/run-progress';
import { useRescoreRun } from '../../../components/run-progress/use-rescore-run';
import { rememberRun } from '../../../services/recent-runs';
import { regionLabel } from '../../../services/region-label.util';
import { levelsByRegion, levelToday, type RiskLevel } from '../risk-level.util';
import { previewRiskChanges, setRiskLevels } from '../service';
import { PreviewResult } from './preview-result';
import { RiskRetract } from './risk-retract';

interface RiskLevelEditorProps {
  region: string;
  scope: string;
  history: readonly RiskLevelResponse[];
  now: number;
}

interface RiskFormValues {
  level: RiskLevel;
  effectiveFrom: Dayjs;
}

const toChange = (region: string, values: RiskFormValues): RiskLevelRequest => ({
  region,
  level: values.level,
  effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
});

/** One region's level: preview the effect of a change, then publish it after confirming and follow the re-scoring. */
export function RiskLevelEditor({ region, scope, history, now }: RiskLevelEditorProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RiskFormValues>();
  const [previewRun, setPreviewRun] = useState<string | null>(null);
  const [publishRun, setPublishRun] = useState<string | null>(null);
  const inScope = regionScopeCovers(scope, region);
  const applied = levelToday(history, region, now);
  const currentLevel: RiskLevel = applied?.level ?? 'low';
  // The decision in force set on this very region (as libs/rules resolves it): the one a retraction takes back.
  const ownDecision = levelsByRegion(history, now).get(region)?.current ?? null;

  useEffect(() => {
    // Runs belong to the region on screen; a published level changes currentLevel but keeps its run in view.
    setPreviewRun(null);
    setPublishRun(null);
  }, [region]);
  useEffect(() => {
    // The form starts from the region's level today, so publishing without a change changes nothing.
    form.setFieldsValue({ level: currentLevel, effectiveFrom: dayjs() });
  }, [region, currentLevel, form]);

  const preview = useMutation({
    mutationFn: (values: RiskFormValues) => previewRiskChanges([toChange(region, values)]),
    onSuccess: ({ runId }) => setPreviewRun(runId),
  });
  const publish = useMutation({
    mutationFn: (values: RiskFormValues) => setRiskLevels([toChange(region, values)]),
    onSuccess: (result, values) => {
      void message.success(t('rules.risk.published'));
      setPublishRun(result.runId);
      if (result.runId) rememberRun(result.runId, `${regionLabel(region)} → ${t(`rules.risk.levels.${values.level}`)}`);
      return queryClient.invalidateQueries({ queryKey: ['risk-levels'] });
    },
  });
  const publishProgress = useRescoreRun(publishRun);
  const finished = publishProgress.data?.state === 'finished';
  useEffect(() => {
    // The dashboard and the tree show the new colours once everyone is re-scored.
    if (finished) void queryClient.invalidateQueries({ queryKey: ['stats'] });
  }, [finished, queryClient]);

  const confirmPublish = async () => {
    const values = await form.validateFields();
    modal.confirm({
      title: t('rules.risk.confirmTitle'),
      content: t('rules.risk.confirmText', {
        region: regionLabel(region),
        level: t(`rules.risk.levels.${values.level}`),
        date: values.effectiveFrom.format('YYYY-MM-DD'),
      }),
      okText: t('rules.risk.publish'),
      cancelText: t('common.cancel'),
      onOk: () => publish.mutateAsync(values),
    });
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{regionLabel(region)}</h2>}>
      <Flex vertical gap={12}>
        <Typography.Text>
          {applied
            ? t('rules.risk.applies', {
                level: t(`rules.risk.levels.${applied.level}`),
                region: regionLabel(applied.setOn),
              })
            : t('rules.risk.none')}
        </Typography.Text>
        {!inScope && (
          <Alert
            type="error"
            showIcon
            title={t('rules.risk.outOfScopeTitle')}
            description={t('rules.risk.outOfScope', {
              region: regionLabel(region),
              scope: scope ? regionLabel(scope) : t('header.wholeCountry'),
            })}
          />
        )}
        <Form
          form={form}
          name="risk-level"
          layout="inline"
          disabled={!inScope}
          initialValues={{ level: currentLevel, effectiveFrom: dayjs() }}
          onFinish={(values) => preview.mutate(values)}
        >
          <Form.Item label={t('rules.risk.level')} name="level" rules={[{ required: true }]}>
            <Select
              style={{ width: 120 }}
              options={(['low', 'medium', 'high'] as const).map((value) => ({
                value,
                label: t(`rules.risk.levels.${value}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('rules.risk.effectiveFrom')} name="effectiveFrom" rules={[{ required: true }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Button htmlType="submit" loading={preview.isPending}>
            {t('rules.risk.preview')}
          </Button>
          <Button
            type="primary"
            danger
            loading={publish.isPending}
            onClick={() => void confirmPublish().catch(() => undefined)}
            style={{ marginInlineStart: 8 }}
          >
            {t('rules.risk.publish')}
          </Button>
        </Form>
        {inScope && ownDecision && (
          <RiskRetract key={ownDecision.id} decision={ownDecision} onRetracted={setPublishRun} />
        )}
        {previewRun && <PreviewResult runId={previewRun} />}
        {publishRun && (
          <Card size="small" title={<h3 style={{ fontSize: 15, margin: 0 }}>{t('rules.risk.rescoring')}</h3>}>
            <RunProgress runId={publishRun} label={t('rules.risk.rescoringProgress')} />
            {finished && <Alert style={{ marginTop: 8 }} type="success" showIcon title={t('rules.risk.rescored')} />}
          </Card>
        )}
      </Flex>
    </Card>
  );
}
