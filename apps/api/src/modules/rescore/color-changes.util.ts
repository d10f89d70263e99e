import type { CodeReason } from '@healthcode/contracts';

import { withRegionNames } from '../code/region-names.util';
import type { ColorChange } from '../notification/notification.service';
import type { HistoryRow } from './range-diff.util';

/**
 * The residents of a range whose colour a re-score changed (a first code is not a change), with what their
 * message says: the first reason shown on their code page, in words, and the green-by date.
 */
export function colorChangesOf(history: readonly HistoryRow[]): ColorChange[] {
  return history
    .filter((h) => h.colorBefore !== null && h.colorBefore !== h.colorAfter)
    .map((h) => {
      const reasons = (JSON.parse(h.reasonsAfterJson) as CodeReason[]).filter((r) => !r.suppressed);
      const first = reasons.length > 0 ? withRegionNames({ reasons: [reasons[0]] }).reasons[0] : null;
      return {
        residentId: h.residentId,
        fromColor: h.colorBefore!,
        color: h.colorAfter,
        reason: h.colorAfter === 'green' || !first ? null : first.text,
        greenBy: h.colorAfter === 'green' ? null : h.greenAtAfter,
      };
    });
}
