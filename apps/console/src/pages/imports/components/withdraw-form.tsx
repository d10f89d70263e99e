import type { WithdrawalTarget } from '@healthcode/contracts';
import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';

import { useRequestWithdrawal } from '../use-request-withdrawal';
import { WithdrawalReasonField } from './withdrawal-reason-field';

/** Asks to withdraw a record imported in error, with a written reason; a second person approves it. */
export function WithdrawForm({ target, targetId }: { target: WithdrawalTarget; targetId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const ask = useRequestWithdrawal(form);
  return (
    <Form
      form={form}
      name={`withdraw-${targetId}`}
      layout="vertical"
      onFinish={(values) => ask.mutate({ target, id: targetId, reason: values.reason.trim() })}
    >
      <WithdrawalReasonField />
      <Button danger htmlType="submit" loading={ask.isPending}>
        {t('imports.withdrawal.ask')}
      </Button>
    </Form>
  );
}
