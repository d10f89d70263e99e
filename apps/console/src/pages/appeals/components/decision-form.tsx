import {
  APPEAL_OUTCOMES,
  type AppealDecisionRequest,
  type AppealOutcome,
  type Color,
  DECISION_REASON_MIN,
} from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

import { handleRequestError } from '../../../services/request-error-handler';
import { appealsQueryKey, decideAppeal } from '../service';

interface DecisionValues {
  outcome: AppealOutcome;
  reason: string;
  color?: Color;
  until?: Dayjs;
  /** A raise that applies at once, for under 24 hours unless a second person approves it. */
  emergency?: boolean;
}

/** Builds the request: only "corrected" carries an override, and its until-date is a calendar day. */
export function toDecisionRequest(values: DecisionValues): AppealDecisionRequest {
  const base = { outcome: values.outcome, reason: values.reason.trim() };
  if (values.outcome !== 'corrected') return base;
  return {
    ...base,
    override: { color: values.color as Color, until: (values.until as Dayjs).format('YYYY-MM-DD') },
    ...(values.emergency ? { emergency: true } : {}),
  };
}

/** Upheld, corrected (with the colour and until-date it shows) or rejected, always with a written reason. */
export function DecisionForm({ appealNumber }: { appealNumber: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DecisionValues>();
  const outcome = Form.useWatch('outcome', form);
  const decide = useMutation({
    mutationFn: (values: DecisionValues) => decideAppeal(appealNumber, toDecisionRequest(values)),
    meta: { inlineErrors: true },
    onError: (error) => handleRequestError(error, { form }),
    onSuccess: () => {
      void message.success(t('appeals.decision.saved'));
      form.resetFields();
      return queryClient.invalidateQueries({ queryKey: appealsQueryKey });
    },
  });

  return (
    <Form
      form={form}
      name={`decision-${appealNumber}`}
      layout="vertical"
      onFinish={(values) => decide.mutate(values)}
      initialValues={{ color: 'green' }}
    >
      <Form.Item
        label={t('appeals.decision.outcome')}
        name="outcome"
        rules={[{ required: true, message: t('login.required') }]}
      >
        <Radio.Group options={APPEAL_OUTCOMES.map((value) => ({ value, label: t(`appeals.outcome.${value}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('appeals.decision.reason')}
        name="reason"
        extra={t('appeals.decision.reasonHint', { min: DECISION_REASON_MIN })}
        rules={[
          { required: true, message: t('appeals.decision.reasonRequired') },
          { min: DECISION_REASON_MIN, message: t('appeals.decision.reasonTooShort', { min: DECISION_REASON_MIN }) },
        ]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      {outcome === 'corrected' && (
        <>
          <Form.Item
            label={t('appeals.decision.color')}
            name="color"
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Select
              options={(['green', 'yellow', 'red'] as const).map((value) => ({ value, label: t(`colors.${value}`) }))}
            />
          </Form.Item>
          <Form.Item
            label={t('appeals.decision.until')}
            name="until"
            extra={t('appeals.decision.untilHint')}
            rules={[{ required: true, message: t('login.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="emergency" valuePropName="checked" extra={t('appeals.decision.emergencyHint')}>
            <Checkbox>{t('appeals.decision.emergency')}</Checkbox>
          </Form.Item>
        </>
      )}
      <Button type="primary" htmlType="submit" loading={decide.isPending}>
        {t('appeals.decision.submit')}
      </Button>
    </Form>
  );
}
