import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The written reason a withdrawal needs (shown to the residents concerned), as both withdrawal forms ask it. */
export function WithdrawalReasonField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={t('imports.withdrawal.reason')}
      name="reason"
      extra={t('imports.withdrawal.reasonHelp')}
      rules={[{ required: true, min: 5, whitespace: true, message: t('imports.withdrawal.reasonRequired') }]}
    >
      <Input.TextArea rows={2} maxLength={300} />
    </Form.Item>
  );
}
