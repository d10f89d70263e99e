import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

import { handleRequestError } from '../../../services/request-error-handler';
import { createAccount, type CreateStaffValues, staffQueryKey } from '../service';
import { RoleScopeFields } from './role-scope-fields';

const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,63}$/;

export function CreateStaffForm({ scope }: { scope: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateStaffValues>();
  const create = useMutation({
    mutationFn: (values: CreateStaffValues) =>
      createAccount({ ...values, regionScope: values.regionScope ?? '', displayName: values.displayName.trim() }),
    meta: { inlineErrors: true },
    onError: (error) => handleRequestError(error, { form }),
    onSuccess: (result) => {
      void message.success(t(result.grant ? 'staffAdmin.createdPending' : 'staffAdmin.created'));
      form.resetFields();
      return queryClient.invalidateQueries({ queryKey: staffQueryKey });
    },
  });
  return (
    <Form
      form={form}
      name="create-staff"
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={{ role: 'hotline-agent', regionScope: scope }}
      onFinish={(v) => create.mutate(v)}
    >
      <Form.Item
        label={t('staffAdmin.username')}
        name="username"
        normalize={(value: string) => value.trim().toLowerCase()}
        rules={[
          { required: true, message: t('login.required') },
          { pattern: USERNAME_PATTERN, message: t('staffAdmin.usernameFormat') },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('staffAdmin.displayName')}
        name="displayName"
        rules={[{ required: true, whitespace: true, message: t('login.required') }, { max: 64 }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <RoleScopeFields />
      <Form.Item
        label={t('staffAdmin.password')}
        name="password"
        extra={t('staffAdmin.passwordHint')}
        rules={[
          { required: true, message: t('login.required') },
          { min: 12, max: 256 },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('staffAdmin.createSubmit')}
      </Button>
    </Form>
  );
}
