import type { ParamSpec } from '@healthcode/rules';
import { Form, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

/** One rule parameter, with the control its spec calls for (number range, choice, several choices, yes/no). */
export function ParamField({ ruleId, param, spec }: { ruleId: string; param: string; spec: ParamSpec }) {
  const { t } = useTranslation();
  const label = t(`rules.params.${param}`, { defaultValue: param });
  const option = (value: string) => ({ value, label: t(`rules.values.${value}`, { defaultValue: value }) });
  const name = [ruleId, param];
  switch (spec.type) {
    case 'integer':
      return (
        <Form.Item
          label={label}
          name={name}
          rules={[{ required: true, type: 'integer', min: spec.min, max: spec.max }]}
        >
          <InputNumber min={spec.min} max={spec.max} precision={0} />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item label={label} name={name} valuePropName="checked">
          <Switch aria-label={label} />
        </Form.Item>
      );
    case 'enum':
      return (
        <Form.Item label={label} name={name} rules={[{ required: true }]}>
          <Select style={{ minWidth: 120 }} options={spec.values.map(option)} />
        </Form.Item>
      );
    case 'list':
      return (
        <Form.Item label={label} name={name}>
          <Select mode="multiple" style={{ minWidth: 220 }} options={spec.values.map(option)} />
        </Form.Item>
      );
  }
}
