import { ID_TYPES } from '@healthcode/contracts';
import { Button, Form, type FormInstance, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import type { LookupFormValues } from '../types';

const CALL_REF = /^[A-Za-z0-9-]{4,40}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The purpose comes first and the search fields stay disabled until it is given. */
export function LookupForm({
  form,
  pending,
  onSubmit,
}: {
  form: FormInstance<LookupFormValues>;
  pending: boolean;
  onSubmit: (values: LookupFormValues) => void;
}) {
  const { t } = useTranslation();
  const purposeKind = Form.useWatch('purposeKind', form);
  const purposeValue = Form.useWatch('purposeValue', form);
  const by = Form.useWatch('by', form);
  const purposeGiven =
    Boolean(purposeValue?.trim()) &&
    (purposeKind === 'appeal' ? UUID.test(purposeValue.trim()) : CALL_REF.test(purposeValue.trim()));

  return (
    <Form
      form={form}
      name="lookup"
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={{ purposeKind: 'hotline-call', by: 'id', idType: 'resident-id' }}
      onFinish={onSubmit}
    >
      <Form.Item label={t('lookup.purposeKind')} name="purposeKind">
        <Radio.Group
          options={[
            { value: 'hotline-call', label: t('lookup.purposeCall') },
            { value: 'appeal', label: t('lookup.purposeAppeal') },
          ]}
        />
      </Form.Item>
      <Form.Item
        label={purposeKind === 'appeal' ? t('lookup.appealId') : t('lookup.callRef')}
        name="purposeValue"
        extra={purposeKind === 'appeal' ? t('lookup.appealIdHint') : t('lookup.callRefHint')}
        rules={[
          { required: true, whitespace: true, message: t('lookup.purposeRequired') },
          {
            pattern: purposeKind === 'appeal' ? UUID : CALL_REF,
            message: purposeKind === 'appeal' ? t('lookup.appealIdHint') : t('lookup.callRefHint'),
          },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <fieldset
        disabled={!purposeGiven}
        style={{ border: 0, padding: 0, margin: 0 }}
        aria-describedby={purposeGiven ? undefined : 'lookup-purpose-first'}
      >
        {!purposeGiven && (
          <p id="lookup-purpose-first" style={{ color: 'rgba(0,0,0,0.65)' }}>
            {t('lookup.purposeFirst')}
          </p>
        )}
        <Form.Item label={t('lookup.by')} name="by">
          <Radio.Group
            disabled={!purposeGiven}
            options={[
              { value: 'id', label: t('lookup.byId') },
              { value: 'phone', label: t('lookup.byPhone') },
            ]}
          />
        </Form.Item>
        {by === 'phone' ? (
          <Form.Item
            label={t('lookup.phone')}
            name="phone"
            rules={[
              { required: true, message: t('login.required') },
              { pattern: /^1\d{10}$/, message: t('lookup.phoneFormat') },
            ]}
          >
            <Input inputMode="tel" autoComplete="off" maxLength={11} disabled={!purposeGiven} />
          </Form.Item>
        ) : (
          <>
            <Form.Item label={t('lookup.idType')} name="idType">
              <Select
                disabled={!purposeGiven}
                options={ID_TYPES.map((value) => ({ value, label: t(`lookup.idTypes.${value}`) }))}
              />
            </Form.Item>
            <Form.Item
              label={t('lookup.idNumber')}
              name="idNumber"
              rules={[{ required: true, whitespace: true, message: t('login.required') }]}
            >
              <Input autoComplete="off" maxLength={32} disabled={!purposeGiven} />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={pending} disabled={!purposeGiven}>
          {t('lookup.submit')}
        </Button>
      </fieldset>
    </Form>
  );
}
