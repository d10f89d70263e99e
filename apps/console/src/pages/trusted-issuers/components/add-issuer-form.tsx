import { issuerId, type TrustedIssuerAddRequest } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

import { handleRequestError } from '../../../services/request-error-handler';
import { addIssuer, trustQueryKey } from '../service';
import { JwksField, parsedJwks } from './jwks-field';

interface Values {
  source: 'document' | 'keys';
  issuerId: string;
  documentUrl?: string;
  region?: string;
  contact?: string;
  jwks?: string;
  notBefore: string;
  notAfter: string;
}

/** Calendar days in China Standard Time, as the API wants them: the start of each day. */
const dayStart = (day: string) => `${day}T00:00:00+08:00`;

function toRequest(v: Values): TrustedIssuerAddRequest {
  const window = { notBefore: dayStart(v.notBefore), notAfter: dayStart(v.notAfter) };
  if (v.source === 'document') {
    return { source: 'document', issuerId: v.issuerId.trim(), documentUrl: (v.documentUrl ?? '').trim(), ...window };
  }
  return {
    source: 'keys',
    issuerId: v.issuerId.trim(),
    region: (v.region ?? '').trim(),
    contact: (v.contact ?? '').trim(),
    jwks: parsedJwks(v.jwks) as TrustedIssuerAddRequest extends { jwks: infer J } ? J : never,
    ...window,
  } as TrustedIssuerAddRequest;
}

export function AddIssuerForm({ today }: { today: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form) ?? 'document';
  const add = useMutation({
    mutationFn: (v: Values) => addIssuer(toRequest(v)),
    meta: { inlineErrors: true },
    onError: (error) => handleRequestError(error, { form }),
    onSuccess: () => {
      void message.success(t('trust.added'));
      form.resetFields();
      return queryClient.invalidateQueries({ queryKey: trustQueryKey });
    },
  });
  const required = { required: true, whitespace: true, message: t('trust.required') };
  return (
    <Form
      form={form}
      name="add-issuer"
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={{ source: 'document', notBefore: today }}
      onFinish={(v) => add.mutate(v)}
    >
      <Form.Item label={t('trust.addBy')} name="source">
        <Radio.Group
          options={[
            { value: 'document', label: t('trust.byDocument') },
            { value: 'keys', label: t('trust.byKeys') },
          ]}
        />
      </Form.Item>
      <Form.Item
        label={t('trust.issuerId')}
        name="issuerId"
        extra={t('trust.issuerIdHint')}
        rules={[
          required,
          {
            validator: (_, value) =>
              issuerId().safeParse((value ?? '').trim()).success
                ? Promise.resolve()
                : Promise.reject(new Error(t('trust.issuerIdFormat'))),
          },
        ]}
      >
        <Input maxLength={32} autoComplete="off" />
      </Form.Item>
      {source === 'document' ? (
        <Form.Item
          label={t('trust.documentUrl')}
          name="documentUrl"
          extra={t('trust.documentUrlHint')}
          rules={[required]}
        >
          <Input type="url" inputMode="url" />
        </Form.Item>
      ) : (
        <>
          <Form.Item label={t('trust.region')} name="region" rules={[required]}>
            <Input maxLength={16} />
          </Form.Item>
          <Form.Item label={t('trust.contact')} name="contact" rules={[required, { max: 200 }]}>
            <Input />
          </Form.Item>
          <JwksField />
        </>
      )}
      <Form.Item label={t('trust.notBefore')} name="notBefore" rules={[required]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item label={t('trust.notAfter')} name="notAfter" rules={[required]}>
        <Input type="date" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        {t('trust.submit')}
      </Button>
    </Form>
  );
}
