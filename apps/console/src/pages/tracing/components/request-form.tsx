import type { TracingRequestCreate } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

import { handleRequestError } from '../../../services/request-error-handler';
import { createRequest, tracingQueryKey } from '../service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function TracingRequestForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TracingRequestCreate>();
  const create = useMutation({
    mutationFn: (v: TracingRequestCreate) =>
      createRequest({
        residentId: v.residentId.trim().toLowerCase(),
        caseReference: v.caseReference.trim(),
        justification: v.justification.trim(),
      }),
    meta: { inlineErrors: true },
    onError: (error) => handleRequestError(error, { form }),
    onSuccess: () => {
      void message.success(t('tracing.submitted'));
      form.resetFields();
      return queryClient.invalidateQueries({ queryKey: tracingQueryKey });
    },
  });
  return (
    <Form
      form={form}
      name="tracing-request"
      layout="vertical"
      style={{ maxWidth: 560 }}
      onFinish={(v) => create.mutate(v)}
    >
      <Form.Item
        label={t('tracing.residentId')}
        name="residentId"
        extra={t('tracing.residentIdHint')}
        rules={[
          { required: true, message: t('login.required') },
          { pattern: UUID, message: t('tracing.residentIdFormat') },
        ]}
      >
        <Input autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Form.Item
        label={t('tracing.caseReference')}
        name="caseReference"
        rules={[{ required: true, whitespace: true, message: t('login.required') }, { max: 64 }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('tracing.justification')}
        name="justification"
        rules={[{ required: true, whitespace: true, message: t('login.required') }, { max: 500 }]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('tracing.submit')}
      </Button>
    </Form>
  );
}
