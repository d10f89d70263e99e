import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

import { handleRequestError } from '../../../services/request-error-handler';
import { changeIssuer, type TrustAction, trustQueryKey } from '../service';

export interface PendingChange {
  id: string;
  issuer: string;
  action: TrustAction;
}

/** Asks for the reason the audit log keeps, then suspends, asks to reinstate, or removes. */
export function ReasonDialog({ change, onClose }: { change: PendingChange | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const run = useMutation({
    mutationFn: (reason: string) => changeIssuer(change!.id, change!.action, reason.trim()),
    meta: { inlineErrors: true },
    onError: (error) => handleRequestError(error, { form }),
    onSuccess: () => {
      void message.success(t('trust.done'));
      form.resetFields();
      onClose();
      return queryClient.invalidateQueries({ queryKey: trustQueryKey });
    },
  });
  return (
    <Modal
      open={change !== null}
      title={change ? t('trust.reasonTitle', { action: t(`trust.${change.action}`), issuer: change.issuer }) : ''}
      okText={change ? t(`trust.${change.action}`) : ''}
      okButtonProps={{
        danger: change?.action !== 'reinstate' && change?.action !== 'discardKeys',
        loading: run.isPending,
      }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} name="trust-reason" layout="vertical" onFinish={(v) => run.mutate(v.reason)}>
        <Form.Item
          label={t('trust.reason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('trust.reasonRequired') }, { max: 200 }]}
        >
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
