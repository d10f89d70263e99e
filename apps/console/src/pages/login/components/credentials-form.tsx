import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, type FormInstance, Input } from 'antd';
import { useTranslation } from 'react-i18next';

import { PASSWORD_MAX_LENGTH, USERNAME_MAX_LENGTH } from '../login-limits.constant';
import type { Credentials } from '../types';

interface CredentialsFormProps {
  initialUsername?: string;
  pending: boolean;
  errorText?: string;
  onSubmit: (values: Credentials, form: FormInstance<Credentials>) => void;
}

export function CredentialsForm({ initialUsername, pending, errorText, onSubmit }: CredentialsFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Credentials>();
  const required = { required: true, whitespace: true, message: t('login.required') };

  return (
    <Form
      form={form}
      name="login"
      layout="vertical"
      requiredMark={false}
      initialValues={{ username: initialUsername }}
      onFinish={(values) => onSubmit({ username: values.username.trim(), password: values.password }, form)}
    >
      <Form.Item label={t('login.username')} name="username" rules={[required]}>
        <Input
          prefix={<UserOutlined aria-hidden />}
          autoComplete="username"
          maxLength={USERNAME_MAX_LENGTH}
          autoFocus
        />
      </Form.Item>
      <Form.Item label={t('login.password')} name="password" rules={[{ ...required, whitespace: false }]}>
        <Input.Password
          prefix={<LockOutlined aria-hidden />}
          autoComplete="current-password"
          maxLength={PASSWORD_MAX_LENGTH}
        />
      </Form.Item>
      {errorText && <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block loading={pending}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
