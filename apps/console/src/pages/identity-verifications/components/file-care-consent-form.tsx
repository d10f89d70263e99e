import { HOTLINE_DOCUMENT_TYPES } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Collapse, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { handleRequestError } from '../../../services/request-error-handler';
import { fileCareConsent, identityVerificationsQueryKey } from '../service';
import type { CareConsentValues } from '../types';

const CALL_REF = /^[A-Za-z0-9-]{4,40}$/;
const COUNTY = /^\d{6}$/;

/**
 * An adult without a phone consents, on the call, to a family member acting for them (issue #19). The agent checks
 * the adult's papers and files; the request joins the queue below, where a different supervisor's approval
 * verifies the adult and starts the care link.
 */
export function FileCareConsentForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CareConsentValues>();
  const idType = Form.useWatch('idType', form);
  const file = useMutation({
    mutationFn: fileCareConsent,
    meta: { inlineErrors: true },
    onError: (error) => handleRequestError(error, { form, notify: false }),
    onSuccess: () => {
      void message.success(t('identityVerifications.careConsent.filed'));
      form.resetFields();
      return queryClient.invalidateQueries({ queryKey: identityVerificationsQueryKey });
    },
  });
  const required = { required: true, whitespace: true, message: t('login.required') };
  const body = (
    <Form
      form={form}
      name="file-care-consent"
      layout="vertical"
      initialValues={{ idType: 'resident-id', documentType: 'resident-id-card' }}
      onFinish={(values) => file.mutate(values)}
    >
      <Alert
        type="info"
        showIcon
        role="note"
        style={{ marginBottom: 16 }}
        title={t('identityVerifications.careConsent.notice')}
      />
      <Form.Item
        label={t('identityVerifications.careConsent.callRef')}
        name="callRef"
        extra={t('lookup.callRefHint')}
        rules={[required, { pattern: CALL_REF, message: t('lookup.callRefHint') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('identityVerifications.careConsent.carerIdNumber')}
        name="carerIdNumber"
        extra={t('identityVerifications.careConsent.carerHint')}
        rules={[required]}
      >
        <Input autoComplete="off" maxLength={18} />
      </Form.Item>
      <Form.Item label={t('identityVerifications.careConsent.name')} name="name" rules={[required]}>
        <Input autoComplete="off" maxLength={64} />
      </Form.Item>
      <Form.Item label={t('identityVerifications.careConsent.idType')} name="idType">
        <Select
          options={(['resident-id', 'passport'] as const).map((value) => ({
            value,
            label: t(`lookup.idTypes.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item label={t('identityVerifications.careConsent.idNumber')} name="idNumber" rules={[required]}>
        <Input autoComplete="off" maxLength={32} />
      </Form.Item>
      {idType === 'passport' && (
        <Form.Item label={t('identityVerifications.careConsent.birthDate')} name="birthDate" rules={[required]}>
          <Input autoComplete="off" maxLength={10} placeholder="YYYY-MM-DD" />
        </Form.Item>
      )}
      <Form.Item
        label={t('identityVerifications.careConsent.homeRegion')}
        name="homeRegion"
        extra={t('identityVerifications.careConsent.homeRegionHint')}
        rules={[required, { pattern: COUNTY, message: t('identityVerifications.careConsent.homeRegionHint') }]}
      >
        <Input autoComplete="off" maxLength={6} inputMode="numeric" />
      </Form.Item>
      <Form.Item label={t('identityVerifications.careConsent.documentType')} name="documentType">
        <Select
          options={HOTLINE_DOCUMENT_TYPES.map((value) => ({
            value,
            label: t(`identityVerifications.documentTypes.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('identityVerifications.careConsent.reason')}
        name="reason"
        extra={t('identityVerifications.careConsent.reasonHint')}
        rules={[required, { min: 10, message: t('identityVerifications.file.reasonTooShort') }]}
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
        {t('identityVerifications.careConsent.submit')}
      </Button>
    </Form>
  );
  return (
    <Collapse
      style={{ maxWidth: 640 }}
      items={[{ key: 'care', label: t('identityVerifications.careConsent.title'), children: body }]}
    />
  );
}
