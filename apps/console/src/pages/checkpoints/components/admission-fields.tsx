import { COLORS } from '@healthcode/contracts';
import { Checkbox, Form } from 'antd';
import { useTranslation } from 'react-i18next';

/** The two colour choices of a checkpoint's admission policy: own codes, and trusted peers' codes. */
export function AdmissionFields() {
  const { t } = useTranslation();
  const options = COLORS.map((value) => ({ value, label: t(`colors.${value}`) }));
  return (
    <>
      <Form.Item
        label={t('checkpoints.admits')}
        name="admits" // A validator rather than `required`: antd would put aria-required on the group's plain div (invalid ARIA).
        rules={[
          {
            validator: (_rule, value?: unknown[]) =>
              value?.length ? Promise.resolve() : Promise.reject(new Error(t('checkpoints.admitsRequired'))),
          },
        ]}
      >
        <Checkbox.Group role="group" aria-label={t('checkpoints.admits')} options={options} />
      </Form.Item>
      <Form.Item label={t('checkpoints.peerAdmits')} name="peerAdmits" extra={t('checkpoints.peerAdmitsHint')}>
        <Checkbox.Group role="group" aria-label={t('checkpoints.peerAdmits')} options={options} />
      </Form.Item>
    </>
  );
}
