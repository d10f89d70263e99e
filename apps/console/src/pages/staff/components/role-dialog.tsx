import type { ChangeStaffRoleRequest, StaffAccountView } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { describeRequestError, handleRequestError } from '../../../services/request-error-handler';
import { changeRole, staffQueryKey } from '../service';
import { RoleScopeFields } from './role-scope-fields';

/** Role and scope of one account: applied at once, or asked for (a privileged role waits for a second admin). */
export function RoleDialog({ account, onClose }: { account: StaffAccountView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ChangeStaffRoleRequest>();
  const [errorText, setErrorText] = useState<string>();
  useEffect(() => setErrorText(undefined), [account]);
  const save = useMutation({
    mutationFn: (values: ChangeStaffRoleRequest) =>
      changeRole(account!.id, { role: values.role, regionScope: values.regionScope ?? '' }),
    meta: { inlineErrors: true },
    onError: (error) => {
      handleRequestError(error, { form, notify: false });
      setErrorText(describeRequestError(error));
    },
    onSuccess: (result) => {
      void message.success(t(result.grant ? 'staffAdmin.grantRequested' : 'staffAdmin.roleApplied'));
      onClose();
      return queryClient.invalidateQueries({ queryKey: staffQueryKey });
    },
  });
  return (
    <Modal
      open={account !== null}
      title={account ? t('staffAdmin.roleDialog', { name: account.displayName }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        name="staff-role"
        layout="vertical"
        preserve={false}
        initialValues={account ? { role: account.role, regionScope: account.regionScope } : undefined}
        onFinish={(v) => save.mutate(v)}
      >
        <RoleScopeFields />
      </Form>
      {errorText && <Alert type="error" showIcon title={errorText} />}
    </Modal>
  );
}
