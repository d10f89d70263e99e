import type { ReactNode } from 'react';

export interface DateTriggerProps {
  /** `YYYY-MM-DD` or null when nothing is chosen yet. */
  value: string | null;
  /** Latest selectable date, `YYYY-MM-DD`. */
  end: string;
  onChange: (date: string) => void;
  children: ReactNode;
}
