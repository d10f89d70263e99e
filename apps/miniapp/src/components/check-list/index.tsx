import { Checkbox, CheckboxGroup, Label, Text } from '@tarojs/components';

import { palette } from '../../theme/colors';
import { FormField } from '../form-field';

interface CheckListProps<V extends string> {
  name: string;
  label: string;
  options: readonly { value: V; label: string }[];
  values: readonly V[];
  onChange: (values: V[]) => void;
  error?: string;
}

/** Any-of-several choice as native checkboxes, each row a full-width 44 px target. */
export function CheckList<V extends string>({ name, label, options, values, onChange, error }: CheckListProps<V>) {
  return (
    <FormField name={name} label={label} error={error}>
      <CheckboxGroup name={name} aria-label={label} onChange={(e) => onChange(e.detail.value as V[])}>
        {options.map((option) => (
          <Label key={option.value} className="choice">
            <Checkbox
              value={option.value}
              checked={values.includes(option.value)}
              color={palette.primary}
              aria-label={option.label}
            />
            <Text className="choice__text">{option.label}</Text>
          </Label>
        ))}
      </CheckboxGroup>
    </FormField>
  );
}
