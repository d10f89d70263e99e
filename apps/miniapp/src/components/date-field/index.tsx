import { Text, View } from '@tarojs/components';
import { cstDate } from '@healthcode/contracts';
import { useTranslation } from 'react-i18next';

import { FormField } from '../form-field';
import { DateTrigger } from './date-trigger';
import { clock } from '../../services/clock';

interface DateFieldProps {
  name: string;
  label: string;
  value: string | null;
  onChange: (date: string) => void;
  error?: string;
}

/** A calendar date up to today (China time), picked with the host's native date picker. */
export function DateField({ name, label, value, onChange, error }: DateFieldProps) {
  const { t } = useTranslation();
  return (
    <FormField name={name} label={label} error={error}>
      <DateTrigger value={value} end={cstDate(clock.now())} onChange={onChange}>
        <View className="picker-trigger" role="button" aria-label={label} aria-invalid={error ? 'true' : undefined}>
          <Text className="picker-trigger__value">{value ?? t('common.chooseDate')}</Text>
        </View>
      </DateTrigger>
    </FormField>
  );
}
