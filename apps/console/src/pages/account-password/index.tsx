import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { ApiRequestError } from '../../services/request-error';
import { sessionStore } from '../../services/session';
import { changePassword } from './service';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Change one's own password. The server checks the current password and refuses short, breached or common
 * ones (its message says which); success ends every session, so the console signs in again.
 */
export default function AccountPasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [pending, setPending] = useState(false);

  const submit = async ({ currentPassword, newPassword }: Values) => {
    setPending(true);
    try {
      await changePassword({ currentPassword, newPassword });
      message.success(t('password.changed'));
      navigate('/login', { replace: true });
      sessionStore.clear();
    } catch (error) {
      const fields = error instanceof ApiRequestError ? (error.body.errors ?? []) : [];
      if (fields.length > 0)
        form.setFields(
          fields
            .filter((f) => f.path === 'currentPassword' || f.path === 'newPassword')
            .map((f) => ({ name: f.path as keyof Values, errors: [f.message] })),
        );
      else throw error;
    } finally {
      setPending(false);
    }
  };

  return (
    <Card style={{ maxWidth: 520 }}>
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        {t('password.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('password.intro')}</Typography.Paragraph>
      <Form form={form} name="change-password" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={t('password.current')}
          name="currentPassword"
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          extra={t('password.newHint')}
          rules={[
            { required: true, message: t('password.required') },
            { min: 12, message: t('password.newHint') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
