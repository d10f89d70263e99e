import type { CodeReason, Color } from '@healthcode/contracts';

import type { ColorChange } from '../notification/color-notice-stager.service';
import { withRegionNames } from './region-names.util';

/**
 * What a colour-change message says, for both colour write paths (bulk range and single resident): the first
 * reason shown on the code page, in words with region names, and the green-by date; neither when it turned green.
 */
export function colorChangeNotice(
  residentId: string,
  fromColor: Color,
  color: Color,
  reasonsAfter: readonly CodeReason[],
  greenAtAfter: string | null,
): ColorChange {
  const reasons = reasonsAfter.filter((r) => !r.suppressed);
  const first = reasons.length > 0 ? withRegionNames({ reasons: [reasons[0]] }).reasons[0] : null;
  return {
    residentId,
    fromColor,
    color,
    reason: color === 'green' || !first ? null : first.text,
    greenBy: color === 'green' ? null : greenAtAfter,
  };
}
