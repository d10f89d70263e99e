import type { AppealStatus, AppealView } from '@healthcode/contracts';

const FINISHED: readonly AppealStatus[] = ['decided', 'closed'];

/** The newest unfinished appeal per reason key. */
export function openAppealsByReason(appeals: readonly AppealView[]): Map<string, AppealView> {
  const open = new Map<string, AppealView>();
  for (const a of [...appeals].sort((x, y) => x.submittedAt.localeCompare(y.submittedAt))) {
    if (FINISHED.includes(a.status)) open.delete(a.reasonKey);
    else open.set(a.reasonKey, a);
  }
  return open;
}
