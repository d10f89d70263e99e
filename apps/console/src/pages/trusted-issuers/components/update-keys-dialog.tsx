import type { TrustedIssuerKeyUpdateRequest, TrustedIssuerView } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

import { handleRequestError } from '../../../services/request-error-handler';
import { requestIssuerKeys, trustQueryKey } from '../service';
import { JwksField, parsedJwks } from './jwks-field';

interface Values {
  source: 'document' | 'keys';
  jwks?: string;
  reason: string;
}

/**
 * The peer rotated its keys: fetch them again from its pinned document, or paste them. They wait for a second
 * administrator; the pinned keys stay in force meanwhile.
 */
export function UpdateKeysDialog({ issuer, onClose }: { issuer: TrustedIssuerView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form);
  const run = useMutation({
    mutationFn: (v: Values) =>
      requestIssuerKeys(
        issuer!.id,
        (v.source === 'document'
          ? { source: 'document', reason: v.reason.trim() }
          : { source: 'keys', jwks: parsedJwks(v.jwks), reason: v.reason.trim() }) as TrustedIssuerKeyUpdateRequest,
      ),
    meta: { inlineErrors: true },
    onError: (error) => handleRequestError(error, { form }),
    onSuccess: () => {
      void message.success(t('trust.keysRequested'));
      onClose();
      return queryClient.invalidateQueries({ queryKey: trustQueryKey });
    },
  });
  return (
    <Modal
      open={issuer !== null}
      title={issuer ? t('trust.updateKeysTitle', { issuer: issuer.issuerId }) : ''}
      okText={t('trust.updateKeysSubmit')}
      okButtonProps={{ loading: run.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {issuer && (
        <Form
          form={form}
          name="trust-update-keys"
          layout="vertical"
          initialValues={{ source: issuer.documentUrl ? 'document' : 'keys' }}
          onFinish={(v) => run.mutate(v)}
        >
          <Form.Item label={t('trust.addBy')} name="source">
            <Radio.Group
              options={[
                { value: 'document', label: t('trust.refetchDocument'), disabled: !issuer.documentUrl },
                { value: 'keys', label: t('trust.byKeys') },
              ]}
            />
          </Form.Item>
          {source === 'keys' && <JwksField />}
          <Form.Item
            label={t('trust.reason')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: t('trust.reasonRequired') }, { max: 200 }]}
          >
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
