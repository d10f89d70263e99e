import { View } from '@tarojs/components';
import { SYMPTOMS, type Symptom } from '@healthcode/contracts';
import { useTranslation } from 'react-i18next';

import { CheckList } from '../../../components/check-list';
import { DateField } from '../../../components/date-field';
import type { FieldErrors } from '../../../forms/field-errors.util';
import type { DeclarationForm } from '../declaration-form.util';

interface SymptomSectionProps {
  symptoms: DeclarationForm['symptoms'];
  errors: FieldErrors;
  onChange: (symptoms: DeclarationForm['symptoms']) => void;
}

/** Tick symptoms; each ticked one asks for its onset date. */
export function SymptomSection({ symptoms, errors, onChange }: SymptomSectionProps) {
  const { t } = useTranslation();
  const ticked = SYMPTOMS.filter((s) => s in symptoms);
  const options = SYMPTOMS.map((value) => ({ value, label: t(`symptom.${value}`) }));

  const setTicked = (values: Symptom[]) => {
    const next: DeclarationForm['symptoms'] = {};
    for (const s of values) next[s] = symptoms[s] ?? null;
    onChange(next);
  };

  return (
    <View className="section">
      <CheckList name="symptoms" label={t('declare.symptoms')} options={options} values={ticked} onChange={setTicked} />
      {ticked.map((symptom) => (
        <DateField
          key={symptom}
          name={`symptoms.${symptom}.onset`}
          label={t('declare.symptomOnset', { symptom: t(`symptom.${symptom}`) })}
          value={symptoms[symptom] ?? null}
          onChange={(onset) => onChange({ ...symptoms, [symptom]: onset })}
          error={errors[`symptoms.${symptom}.onset`] ?? errors[`symptoms.${symptom}.symptom`]}
        />
      ))}
    </View>
  );
}
