import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** A refusal always says why: the agent and the audit read it. */
export function RefuseModal({
  open,
  pending,
  onCancel,
  onRefuse,
}: {
  open: boolean;
  pending: boolean;
  onCancel: () => void;
  onRefuse: (note: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open={open}
      title={t('identityVerifications.refuse.title')}
      okText={t('identityVerifications.refuse.confirm')}
      okButtonProps={{ danger: true, loading: pending }}
      cancelText={t('identityVerifications.refuse.cancel')}
      onCancel={onCancel}
      onOk={() =>
        // A missing reason is shown under the field; nothing is sent.
        form.validateFields().then(
          (v) => onRefuse(v.note.trim()),
          () => undefined,
        )
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="refuse-identity-verification" preserve={false}>
        <Form.Item
          label={t('identityVerifications.refuse.note')}
          name="note"
          rules={[{ required: true, whitespace: true, message: t('identityVerifications.refuse.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
