import {
  APPEAL_CATEGORIES,
  APPEAL_CATEGORY_LABEL_MAX,
  APPEAL_CATEGORY_LABELS,
  type AppealCategory,
  type AppealPolicyRequest,
  type Locale,
} from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { handleRequestError } from '../../../services/request-error-handler';
import { appealPoliciesQueryKey, saveAppealPolicy } from '../service';

/** A region's own category as typed: its key and both labels. */
export interface CustomCategoryValues {
  key: string;
  zh: string;
  en: string;
}

export type PolicyFormValues = Omit<AppealPolicyRequest, 'categories'> & {
  regionPrefix: string;
  /** The known categories offered. */
  known: AppealCategory[];
  custom: CustomCategoryValues[];
};

/** The request body: known categories by key, then the region's own with their labels. */
export function toPolicyRequest({
  known,
  custom,
  ...rest
}: Omit<PolicyFormValues, 'regionPrefix'>): AppealPolicyRequest {
  return {
    ...rest,
    categories: [
      ...APPEAL_CATEGORIES.filter((key) => known.includes(key)).map((key) => ({ key })),
      ...custom.map((c) => ({ key: c.key.trim(), label: { 'zh-CN': c.zh.trim(), en: c.en.trim() } })),
    ],
  };
}

const CATEGORY_KEY = /^[a-z][a-z0-9-]{1,23}$/;

/** Sets one region prefix's deadlines; the server checks the scope and that the decision is not due first. */
export function PolicyForm({ initial }: { initial: PolicyFormValues }) {
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PolicyFormValues>();
  useEffect(() => form.setFieldsValue(initial), [form, initial]);
  const save = useMutation({
    mutationFn: ({ regionPrefix, ...values }: PolicyFormValues) =>
      saveAppealPolicy(regionPrefix.trim(), toPolicyRequest(values)),
    meta: { inlineErrors: true },
    onError: (error) => handleRequestError(error, { form }),
    onSuccess: (saved) => {
      void message.success(t('appealPolicy.saved', { region: saved.regionPrefix }));
      return queryClient.invalidateQueries({ queryKey: appealPoliciesQueryKey });
    },
  });
  return (
    <Form
      form={form}
      name="appeal-policy"
      layout="vertical"
      style={{ maxWidth: 640 }}
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item
        label={t('appealPolicy.regionPrefix')}
        name="regionPrefix"
        extra={t('appealPolicy.regionPrefixHint')}
        rules={[{ required: true, pattern: /^\d{2}(\d{2}){0,2}$/, message: t('appealPolicy.regionPrefixFormat') }]}
      >
        <Input inputMode="numeric" maxLength={6} />
      </Form.Item>
      <Form.Item
        label={t('appealPolicy.firstResponseHours')}
        name="firstResponseHours"
        rules={[
          { required: true, type: 'number', min: 1, max: 720, message: t('appealPolicy.hoursRange', { max: 720 }) },
        ]}
      >
        <InputNumber min={1} max={720} />
      </Form.Item>
      <Form.Item
        label={t('appealPolicy.decisionHours')}
        name="decisionHours"
        rules={[
          { required: true, type: 'number', min: 1, max: 2160, message: t('appealPolicy.hoursRange', { max: 2160 }) },
        ]}
      >
        <InputNumber min={1} max={2160} />
      </Form.Item>
      <Form.Item label={t('appealPolicy.loweringNeedsApproval')} name="loweringNeedsApproval" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item label={t('appealPolicy.known')} name="known" extra={t('appealPolicy.categoriesHint')}>
        <Checkbox.Group
          style={{ display: 'grid', gap: 4 }}
          options={APPEAL_CATEGORIES.map((key) => ({ value: key, label: APPEAL_CATEGORY_LABELS[key][lang] }))}
        />
      </Form.Item>
      <Form.List name="custom">
        {(fields, { add, remove }) => (
          <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
            <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('appealPolicy.custom')}</legend>
            {fields.map(({ key, name }) => (
              <Flex key={key} gap={8} align="flex-start" wrap>
                <Form.Item
                  label={t('appealPolicy.customKey', { n: name + 1 })}
                  name={[name, 'key']}
                  rules={[{ required: true, pattern: CATEGORY_KEY, message: t('appealPolicy.customKeyFormat') }]}
                >
                  <Input maxLength={24} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item
                  label={t('appealPolicy.customZh', { n: name + 1 })}
                  name={[name, 'zh']}
                  rules={[{ required: true, whitespace: true, message: t('appealPolicy.labelRequired') }]}
                >
                  <Input maxLength={APPEAL_CATEGORY_LABEL_MAX} style={{ width: 180 }} />
                </Form.Item>
                <Form.Item
                  label={t('appealPolicy.customEn', { n: name + 1 })}
                  name={[name, 'en']}
                  rules={[{ required: true, whitespace: true, message: t('appealPolicy.labelRequired') }]}
                >
                  <Input maxLength={APPEAL_CATEGORY_LABEL_MAX} style={{ width: 180 }} />
                </Form.Item>
                <Button style={{ marginTop: 30 }} onClick={() => remove(name)}>
                  {t('appealPolicy.removeCustom', { n: name + 1 })}
                </Button>
              </Flex>
            ))}
            <Button onClick={() => add({ key: '', zh: '', en: '' })}>{t('appealPolicy.addCustom')}</Button>
          </fieldset>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('appealPolicy.save')}
      </Button>
    </Form>
  );
}
