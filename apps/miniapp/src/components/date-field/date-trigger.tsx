import { Picker } from '@tarojs/components';

import type { DateTriggerProps } from './date-trigger.type';

/** H5 and WeChat: the date mode of the picker component. Alipay: see date-trigger.alipay.tsx. */
export function DateTrigger({ value, end, onChange, children }: DateTriggerProps) {
  return (
    <Picker
      mode="date"
      value={value ?? end}
      start="2019-12-01"
      end={end}
      onChange={(e) => onChange(String(e.detail.value))}
    >
      {children}
    </Picker>
  );
}
