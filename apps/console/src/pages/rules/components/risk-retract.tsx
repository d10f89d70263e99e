import type { RiskLevelResponse } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { rememberRun } from '../../../services/recent-runs';
import { regionLabel } from '../../../services/region-label.util';
import { retractRiskLevel } from '../service';

/** Takes back a mistaken decision in force on this region, with a written reason; everyone is re-scored. */
export function RiskRetract({
  decision,
  onRetracted,
}: {
  decision: RiskLevelResponse;
  onRetracted: (runId: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const retract = useMutation({
    mutationFn: (reason: string) => retractRiskLevel(decision.id, reason),
    onSuccess: (result) => {
      void message.success(t('rules.risk.retracted'));
      rememberRun(result.runId, t('rules.risk.retractRun', { region: regionLabel(decision.region) }));
      onRetracted(result.runId);
      setOpen(false);
      form.resetFields();
      return queryClient.invalidateQueries({ queryKey: ['risk-levels'] });
    },
  });
  if (!open)
    return (
      <Button danger onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        {t('rules.risk.retract')}
      </Button>
    );
  return (
    <Form
      form={form}
      name={`retract-${decision.id}`}
      layout="vertical"
      onFinish={(values) => retract.mutate(values.reason.trim())}
    >
      <Form.Item
        label={t('rules.risk.retractReason', {
          level: t(`rules.risk.levels.${decision.level}`),
          date: decision.effectiveFrom.slice(0, 10),
        })}
        name="reason"
        rules={[{ required: true, min: 5, whitespace: true, message: t('rules.risk.retractReasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Flex gap={8}>
        <Button danger type="primary" htmlType="submit" loading={retract.isPending}>
          {t('rules.risk.retractConfirm')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
