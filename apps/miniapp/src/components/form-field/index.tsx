import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface FormFieldProps {
  /** Stable field name; the error text gets the id `field-error-<name>`. */
  name: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}

/** A label, the control, and the field's error right beneath it. */
export function FormField({ name, label, error, hint, children }: FormFieldProps) {
  return (
    <View className={`field${error ? ' field--invalid' : ''}`}>
      <Text className="field__label">{label}</Text>
      {hint && <Text className="field__hint">{hint}</Text>}
      {children}
      {error && (
        <View className="field__error" id={`field-error-${name}`} role="alert">
          <Text>{error}</Text>
        </View>
      )}
    </View>
  );
}
