import type { RescoreRunResponse } from '@healthcode/contracts';
import type { TFunction } from 'i18next';

import { recentRuns } from './recent-runs';

/**
 * What started a run: the words of the screen that started it in this tab ("330106 → High risk"), otherwise
 * what the server's cause says ("Rules v3 published", "Import #12").
 */
export function runLabel(run: Pick<RescoreRunResponse, 'id' | 'kind' | 'causeRef'>, t: TFunction): string {
  const remembered = recentRuns().find((r) => r.id === run.id);
  if (remembered) return remembered.label;
  const ref = run.causeRef?.split(':')[1] ?? '';
  if (run.kind === 'publish') return t('dashboard.runs.rules', { version: ref });
  if (run.kind === 'import') return t('dashboard.runs.import', { seq: ref });
  return t(`dashboard.runs.kind.${run.kind}`);
}
