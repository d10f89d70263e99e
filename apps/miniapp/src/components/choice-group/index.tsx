import { Label, Radio, RadioGroup, Text } from '@tarojs/components';

import { palette } from '../../theme/colors';
import { FormField } from '../form-field';

interface ChoiceGroupProps<V extends string> {
  name: string;
  label: string;
  options: readonly { value: V; label: string }[];
  value: V | null;
  onChange: (value: V) => void;
  error?: string;
}

/** One-of-several choice as native radio buttons, each row a full-width 44 px target. */
export function ChoiceGroup<V extends string>({ name, label, options, value, onChange, error }: ChoiceGroupProps<V>) {
  return (
    <FormField name={name} label={label} error={error}>
      <RadioGroup name={name} aria-label={label} onChange={(e) => onChange(e.detail.value as V)}>
        {options.map((option) => (
          <Label key={option.value} className="choice">
            <Radio
              value={option.value}
              checked={value === option.value}
              color={palette.primary}
              aria-label={option.label}
            />
            <Text className="choice__text">{option.label}</Text>
          </Label>
        ))}
      </RadioGroup>
    </FormField>
  );
}
