import type { AppealPolicyRequest } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { handleRequestError } from '../../../services/request-error-handler';
import { appealPoliciesQueryKey, saveAppealPolicy } from '../service';

export type PolicyFormValues = AppealPolicyRequest & { regionPrefix: string };

/** Sets one region prefix's deadlines; the server checks the scope and that the decision is not due first. */
export function PolicyForm({ initial }: { initial: PolicyFormValues }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PolicyFormValues>();
  useEffect(() => form.setFieldsValue(initial), [form, initial]);
  const save = useMutation({
    mutationFn: ({ regionPrefix, ...body }: PolicyFormValues) => saveAppealPolicy(regionPrefix.trim(), body),
    meta: { inlineErrors: true },
    onError: (error) => handleRequestError(error, { form }),
    onSuccess: (saved) => {
      void message.success(t('appealPolicy.saved', { region: saved.regionPrefix }));
      return queryClient.invalidateQueries({ queryKey: appealPoliciesQueryKey });
    },
  });
  return (
    <Form
      form={form}
      name="appeal-policy"
      layout="vertical"
      style={{ maxWidth: 480 }}
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item
        label={t('appealPolicy.regionPrefix')}
        name="regionPrefix"
        extra={t('appealPolicy.regionPrefixHint')}
        rules={[{ required: true, pattern: /^\d{2}(\d{2}){0,2}$/, message: t('appealPolicy.regionPrefixFormat') }]}
      >
        <Input inputMode="numeric" maxLength={6} />
      </Form.Item>
      <Form.Item
        label={t('appealPolicy.firstResponseHours')}
        name="firstResponseHours"
        rules={[
          { required: true, type: 'number', min: 1, max: 720, message: t('appealPolicy.hoursRange', { max: 720 }) },
        ]}
      >
        <InputNumber min={1} max={720} />
      </Form.Item>
      <Form.Item
        label={t('appealPolicy.decisionHours')}
        name="decisionHours"
        rules={[
          { required: true, type: 'number', min: 1, max: 2160, message: t('appealPolicy.hoursRange', { max: 2160 }) },
        ]}
      >
        <InputNumber min={1} max={2160} />
      </Form.Item>
      <Form.Item label={t('appealPolicy.loweringNeedsApproval')} name="loweringNeedsApproval" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('appealPolicy.save')}
      </Button>
    </Form>
  );
}
