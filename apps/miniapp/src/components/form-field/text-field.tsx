import { Input } from '@tarojs/components';

import { FormField } from './index';

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  maxlength?: number;
  placeholder?: string;
  password?: boolean;
}

export function TextField({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  maxlength,
  placeholder,
  password,
}: TextFieldProps) {
  return (
    <FormField name={name} label={label} error={error} hint={hint}>
      <Input
        className="input"
        name={name}
        type={type}
        password={password}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        aria-label={label}
        aria-invalid={error ? 'true' : undefined}
        // H5 renders a native <input> inside Taro's element: the name must be on that input for screen readers.
        nativeProps={{ 'aria-label': label, 'aria-invalid': error ? 'true' : undefined }}
        onInput={(e) => onChange(e.detail.value)}
      />
    </FormField>
  );
}
