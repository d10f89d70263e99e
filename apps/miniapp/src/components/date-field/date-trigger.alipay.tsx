import { View } from '@tarojs/components';

import type { DateTriggerProps } from './date-trigger.type';

/** The Alipay global; declared here because only this file may touch it. */
declare const my: {
  datePicker(options: {
    format: string;
    currentDate?: string;
    startDate?: string;
    endDate?: string;
    success: (res: { date: string }) => void;
  }): void;
};

/** Alipay's picker component has no date mode: its `my.datePicker` API opens the native one. */
export function DateTrigger({ value, end, onChange, children }: DateTriggerProps) {
  return (
    <View
      onClick={() =>
        my.datePicker({
          format: 'yyyy-MM-dd',
          currentDate: value ?? end,
          startDate: '2019-12-01',
          endDate: end,
          success: (res) => onChange(res.date),
        })
      }
    >
      {children}
    </View>
  );
}
