import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

import { handleRequestError } from '../../../services/request-error-handler';
import { appealsQueryKey, requestInfo } from '../service';

/** Asks the resident for more (a letter, a stamp): the message reaches them word for word. */
export function RequestInfoForm({ appealNumber }: { appealNumber: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ message: string }>();
  const ask = useMutation({
    mutationFn: (text: string) => requestInfo(appealNumber, text.trim()),
    meta: { inlineErrors: true },
    onError: (error) => handleRequestError(error, { form }),
    onSuccess: () => {
      void message.success(t('appeals.requestInfo.sent'));
      form.resetFields();
      return queryClient.invalidateQueries({ queryKey: appealsQueryKey });
    },
  });
  return (
    <Form
      form={form}
      name={`request-info-${appealNumber}`}
      layout="vertical"
      onFinish={(values) => ask.mutate(values.message)}
    >
      <Form.Item
        label={t('appeals.requestInfo.message')}
        name="message"
        rules={[{ required: true, whitespace: true, message: t('login.required') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Button htmlType="submit" loading={ask.isPending}>
        {t('appeals.requestInfo.submit')}
      </Button>
    </Form>
  );
}
