import { HOTLINE_DOCUMENT_TYPES } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { handleRequestError } from '../../../services/request-error-handler';
import { fileVerification, identityVerificationsQueryKey } from '../service';
import type { FileVerificationValues } from '../types';

const CALL_REF = /^[A-Za-z0-9-]{4,40}$/;

/** The agent's half: what document was checked, for which number, on which call, and why. */
export function FileVerificationForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FileVerificationValues>();
  const file = useMutation({
    mutationFn: fileVerification,
    meta: { inlineErrors: true },
    onError: (error) => handleRequestError(error, { form, notify: false }),
    onSuccess: () => {
      void message.success(t('identityVerifications.file.filed'));
      form.resetFields();
      return queryClient.invalidateQueries({ queryKey: identityVerificationsQueryKey });
    },
  });
  return (
    <Card title={t('identityVerifications.file.title')} size="small" style={{ maxWidth: 640 }}>
      <Form
        form={form}
        name="file-identity-verification"
        layout="vertical"
        initialValues={{ idType: 'resident-id', documentType: 'resident-id-card' }}
        onFinish={(values) => file.mutate(values)}
      >
        <Form.Item
          label={t('identityVerifications.file.callRef')}
          name="callRef"
          extra={t('lookup.callRefHint')}
          rules={[
            { required: true, whitespace: true, message: t('lookup.purposeRequired') },
            { pattern: CALL_REF, message: t('lookup.callRefHint') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('lookup.idType')} name="idType">
          <Select
            options={(['resident-id', 'passport'] as const).map((value) => ({
              value,
              label: t(`lookup.idTypes.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('identityVerifications.file.idNumber')}
          name="idNumber"
          extra={t('identityVerifications.file.idNumberHint')}
          rules={[{ required: true, whitespace: true, message: t('login.required') }]}
        >
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item label={t('identityVerifications.file.documentType')} name="documentType">
          <Select
            options={HOTLINE_DOCUMENT_TYPES.map((value) => ({
              value,
              label: t(`identityVerifications.documentTypes.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('identityVerifications.file.reason')}
          name="reason"
          extra={t('identityVerifications.file.reasonHint')}
          rules={[
            { required: true, whitespace: true, message: t('login.required') },
            { min: 10, message: t('identityVerifications.file.reasonTooShort') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        {file.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={handleRequestError(file.error, { notify: false })}
          />
        )}
        <Button type="primary" htmlType="submit" loading={file.isPending}>
          {t('identityVerifications.file.submit')}
        </Button>
      </Form>
    </Card>
  );
}
