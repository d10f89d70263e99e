import { Text, Textarea } from '@tarojs/components';

import { FormField } from './index';

interface TextAreaFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxlength: number;
  error?: string;
  hint?: string;
}

/** Several lines of text with a visible character count against the limit. */
export function TextAreaField({ name, label, value, onChange, maxlength, error, hint }: TextAreaFieldProps) {
  return (
    <FormField name={name} label={label} error={error} hint={hint}>
      <Textarea
        className="input textarea"
        name={name}
        value={value}
        maxlength={maxlength}
        autoHeight
        aria-label={label}
        aria-invalid={error ? 'true' : undefined}
        // H5 renders a native <textarea> inside Taro's element: the name must be on it for screen readers.
        nativeProps={{ 'aria-label': label, 'aria-invalid': error ? 'true' : undefined }}
        onInput={(e) => onChange(e.detail.value)}
      />
      <Text className="muted small counter" aria-hidden="true">
        {value.length} / {maxlength}
      </Text>
    </FormField>
  );
}
