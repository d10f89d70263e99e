import type { WithdrawalTarget } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

import { requestWithdrawal, withdrawalsQueryKey } from '../service';

/** Asks to withdraw a record imported in error, with a written reason; a second person approves it. */
export function WithdrawForm({ target, targetId }: { target: WithdrawalTarget; targetId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const ask = useMutation({
    mutationFn: (reason: string) => requestWithdrawal({ target, id: targetId, reason }),
    onSuccess: () => {
      void message.success(t('imports.withdrawal.requested'));
      form.resetFields();
      return queryClient.invalidateQueries({ queryKey: withdrawalsQueryKey });
    },
  });
  return (
    <Form
      form={form}
      name={`withdraw-${targetId}`}
      layout="vertical"
      onFinish={(values) => ask.mutate(values.reason.trim())}
    >
      <Form.Item
        label={t('imports.withdrawal.reason')}
        name="reason"
        extra={t('imports.withdrawal.reasonHelp')}
        rules={[{ required: true, min: 5, whitespace: true, message: t('imports.withdrawal.reasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
      <Button danger htmlType="submit" loading={ask.isPending}>
        {t('imports.withdrawal.ask')}
      </Button>
    </Form>
  );
}
