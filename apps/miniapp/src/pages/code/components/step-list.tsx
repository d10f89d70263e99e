import { Text, View } from '@tarojs/components';
import type { CodeStep, Locale } from '@healthcode/contracts';
import { useTranslation } from 'react-i18next';

import { Heading } from '../../../components/heading';
import { ProgressBar } from '../../../components/progress-bar';
import { localized } from '../../../i18n/localized-text.util';

/** What the resident can do to turn green, with progress where the rules count something. */
export function StepList({ steps, locale }: { steps: readonly CodeStep[]; locale: Locale }) {
  const { t } = useTranslation();
  if (steps.length === 0) return null;
  return (
    <View className="section" aria-label="steps">
      <Heading level={2}>{t('code.steps')}</Heading>
      {steps.map((step) => {
        const text = localized(step.text, locale);
        return (
          <View key={step.id} className="card step" aria-label={`step ${step.id}`}>
            <Text className="step__text">{text}</Text>
            {step.progress && (
              <ProgressBar
                done={step.progress.done}
                total={step.progress.total}
                label={text}
                caption={t('code.stepProgress', { done: step.progress.done, total: step.progress.total })}
              />
            )}
          </View>
        );
      })}
    </View>
  );
}
