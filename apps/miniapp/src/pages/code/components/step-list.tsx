import { Text, View } from '@tarojs/components';
import type { StepLine } from '@healthcode/code-view';

import { Heading } from '../../../components/heading';
import { ProgressBar } from '../../../components/progress-bar';

/** What the resident can do to turn green, with progress where the rules count something. */
export function StepList({ heading, steps }: { heading: string; steps: readonly StepLine[] }) {
  if (steps.length === 0) return null;
  return (
    <View className="section" aria-label="steps">
      <Heading level={2}>{heading}</Heading>
      {steps.map((step) => (
        <View key={step.id} className="card step" aria-label={`step ${step.id}`}>
          <Text className="step__text">{step.text}</Text>
          {step.progress && (
            <ProgressBar
              done={step.progress.done}
              total={step.progress.total}
              label={step.text}
              caption={step.progress.caption}
            />
          )}
        </View>
      ))}
    </View>
  );
}
