import { Text, View } from '@tarojs/components';

interface ProgressBarProps {
  done: number;
  total: number;
  /** Accessible name, e.g. the step's text. */
  label: string;
  /** Visible caption, e.g. "3 of 7 done". */
  caption: string;
}

export function ProgressBar({ done, total, label, caption }: ProgressBarProps) {
  const percent = total > 0 ? Math.min(100, Math.max(0, Math.round((done / total) * 100))) : 0;
  return (
    <View className="progress">
      <View
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin="0"
        aria-valuemax={String(total)}
        aria-valuenow={String(done)}
        aria-valuetext={caption}
      >
        <View className="progress__fill" style={{ width: `${percent}%` }} />
      </View>
      <Text className="progress__caption">{caption}</Text>
    </View>
  );
}
