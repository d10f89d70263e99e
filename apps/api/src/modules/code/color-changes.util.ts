import type { ColorChange } from '../notification/color-notice-stager.service';
import { colorChangeNotice } from './color-change-notice.util';
import type { HistoryRow } from './code-diff.util';

/**
 * The residents of a code write whose colour changed (a first code is not a change), with what their message
 * says: the first reason shown on their code page, in words, and the green-by date.
 */
export function colorChangesOf(history: readonly HistoryRow[]): ColorChange[] {
  return history
    .filter((h) => h.colorBefore !== null && h.colorBefore !== h.colorAfter)
    .map((h) => colorChangeNotice(h.residentId, h.colorBefore!, h.colorAfter, h.reasonsAfter, h.greenAtAfter));
}
