import type { CodeReason } from '@healthcode/contracts';

import { colorChangeNotice } from '../code/color-change-notice.util';
import type { ColorChange } from '../notification/notification.service';
import type { HistoryRow } from './range-diff.util';

/**
 * The residents of a range whose colour a re-score changed (a first code is not a change), with what their
 * message says: the first reason shown on their code page, in words, and the green-by date.
 */
export function colorChangesOf(history: readonly HistoryRow[]): ColorChange[] {
  return history
    .filter((h) => h.colorBefore !== null && h.colorBefore !== h.colorAfter)
    .map((h) =>
      colorChangeNotice(
        h.residentId,
        h.colorBefore!,
        h.colorAfter,
        JSON.parse(h.reasonsAfterJson) as CodeReason[],
        h.greenAtAfter,
      ),
    );
}
