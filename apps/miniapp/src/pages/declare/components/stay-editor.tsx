import { View } from '@tarojs/components';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../../components/action-button';
import { DateField } from '../../../components/date-field';
import { Heading } from '../../../components/heading';
import { RegionPicker } from '../../../components/region-picker';
import type { FieldErrors } from '../../../forms/field-errors.util';
import type { StayDraft } from '../declaration-form.util';

interface StayEditorProps {
  index: number;
  stay: StayDraft;
  errors: FieldErrors;
  onChange: (stay: StayDraft) => void;
  onRemove: () => void;
}

/** One stay: where, from, to; fields are named `stays.<i>.<field>` like the API's error paths. */
export function StayEditor({ index, stay, errors, onChange, onRemove }: StayEditorProps) {
  const { t } = useTranslation();
  const n = index + 1;
  const path = (field: string) => `stays.${index}.${field}`;
  return (
    <View className="card stay" aria-label={t('declare.stayN', { n })}>
      <Heading level={3}>{t('declare.stayN', { n })}</Heading>
      <RegionPicker
        name={path('region')}
        label={t('declare.stayRegion', { n })}
        value={stay.region}
        onChange={(region) => onChange({ ...stay, region })}
        error={errors[path('region')]}
      />
      <DateField
        name={path('from')}
        label={`${t('declare.stayN', { n })}: ${t('declare.stayFrom')}`}
        value={stay.from}
        onChange={(from) => onChange({ ...stay, from })}
        error={errors[path('from')]}
      />
      <DateField
        name={path('to')}
        label={`${t('declare.stayN', { n })}: ${t('declare.stayTo')}`}
        value={stay.to}
        onChange={(to) => onChange({ ...stay, to })}
        error={errors[path('to')]}
      />
      <ActionButton
        variant="secondary"
        label={t('common.remove')}
        ariaLabel={t('declare.removeStay', { n })}
        onClick={onRemove}
      />
    </View>
  );
}
