import type { WithdrawalTarget } from '@healthcode/contracts';
import { Button, Card, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

import { WithdrawalReasonField } from '../../imports/components/withdrawal-reason-field';
import { useRequestWithdrawal } from '../../imports/use-request-withdrawal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Values {
  target: WithdrawalTarget;
  id: string;
  reason: string;
}

/** Asks to withdraw one record or a whole import by its id; the API checks the scope and the second person. */
export function RequestForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const ask = useRequestWithdrawal(form);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('withdrawals.request')}</h2>}>
      <Form<Values>
        form={form}
        name="withdrawal-request"
        layout="vertical"
        initialValues={{ target: 'fact' }}
        onFinish={(values) => ask.mutate({ target: values.target, id: values.id.trim(), reason: values.reason.trim() })}
      >
        <Form.Item label={t('imports.withdrawal.target')} name="target">
          <Radio.Group
            options={(['fact', 'import'] as const).map((value) => ({
              value,
              label: t(`imports.withdrawal.targets.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('withdrawals.id')}
          name="id"
          extra={t('withdrawals.idHelp')}
          normalize={(value: string) => value.trim()}
          rules={[{ required: true, pattern: UUID, message: t('withdrawals.idRequired') }]}
        >
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <WithdrawalReasonField />
        <Button danger htmlType="submit" loading={ask.isPending}>
          {t('withdrawals.submit')}
        </Button>
      </Form>
    </Card>
  );
}
