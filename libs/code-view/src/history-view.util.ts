import type { CodeHistoryEntry, Locale } from '@healthcode/contracts';

import { CODE_VIEW_TEXTS } from './code-view-texts.constant';
import type { HistoryLine } from './code-view.model';
import { formatDateTime, formatDay } from './cst-format.util';
import { localized } from './localized.util';

/** The colour history as the resident's history page shows it, and the hotline lookup repeats it. */
export function buildHistoryLines(history: readonly CodeHistoryEntry[], locale: Locale): HistoryLine[] {
  const texts = CODE_VIEW_TEXTS[locale];
  return history.map((entry) => ({
    id: entry.id,
    at: formatDateTime(entry.at),
    colorBefore: entry.colorBefore ? { color: entry.colorBefore, label: texts.colorShort[entry.colorBefore] } : null,
    colorAfter: { color: entry.colorAfter, label: texts.colorShort[entry.colorAfter] },
    cause: localized(entry.causeText, locale),
    greenBy: entry.greenAtAfter && entry.colorAfter !== 'green' ? texts.greenBy(formatDay(entry.greenAtAfter)) : null,
  }));
}
