import type { CheckpointAdmissionRequest, CheckpointResponse } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

import { handleRequestError } from '../../../services/request-error-handler';
import { checkpointsQueryKey, setAdmission } from '../service';
import { AdmissionFields } from './admission-fields';

/** Changes which colours a registered checkpoint admits; its devices follow at once. Audited by the API. */
export function AdmissionDialog({
  checkpoint,
  onClose,
}: {
  checkpoint: CheckpointResponse | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CheckpointAdmissionRequest>();
  const save = useMutation({
    mutationFn: (values: CheckpointAdmissionRequest) =>
      setAdmission(checkpoint!.id, { admits: values.admits, peerAdmits: values.peerAdmits ?? [] }),
    meta: { inlineErrors: true },
    onError: (error) => handleRequestError(error, { form }),
    onSuccess: () => {
      void message.success(t('checkpoints.admission.saved'));
      onClose();
      return queryClient.invalidateQueries({ queryKey: checkpointsQueryKey });
    },
  });
  return (
    <Modal
      open={checkpoint !== null}
      title={checkpoint ? t('checkpoints.admission.title', { name: checkpoint.name }) : ''}
      okText={t('checkpoints.admission.save')}
      okButtonProps={{ loading: save.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {checkpoint && (
        <Form
          form={form}
          name="checkpoint-admission"
          layout="vertical"
          initialValues={{ admits: checkpoint.admits, peerAdmits: checkpoint.peerAdmits ?? checkpoint.admits }}
          onFinish={(v) => save.mutate(v)}
        >
          <AdmissionFields />
        </Form>
      )}
    </Modal>
  );
}
