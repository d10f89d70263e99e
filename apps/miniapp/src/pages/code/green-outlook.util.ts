import type { CodeResponse, Locale } from '@healthcode/contracts';

import { daysFromToday, formatDay } from '../../format/date-format.util';
import { localized } from '../../i18n/localized-text.util';

export type GreenOutlook =
  | { kind: 'none' }
  | { kind: 'date'; date: string; days: number }
  | { kind: 'today' }
  | { kind: 'condition'; text: string };

/** When a yellow or red code turns green: a date when the rules know it, otherwise the condition. */
export function greenOutlook(
  code: Pick<CodeResponse, 'color' | 'greenAt' | 'greenWhen'>,
  locale: Locale,
  now: Date,
): GreenOutlook {
  if (code.color === 'green') return { kind: 'none' };
  if (code.greenAt) {
    const days = daysFromToday(code.greenAt, now);
    return days <= 0 ? { kind: 'today' } : { kind: 'date', date: formatDay(code.greenAt), days };
  }
  const text = localized(code.greenWhen, locale);
  return text ? { kind: 'condition', text } : { kind: 'none' };
}
