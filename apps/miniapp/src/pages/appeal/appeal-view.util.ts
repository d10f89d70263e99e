import type { AppealTimelineEntry, AppealView } from '@healthcode/contracts';

/** The staff question the resident must answer now, or null when nothing is asked. */
export function openInfoRequest(appeal: AppealView): AppealTimelineEntry | null {
  if (appeal.status !== 'needs-info') return null;
  for (let i = appeal.timeline.length - 1; i >= 0; i--) {
    if (appeal.timeline[i].type === 'info-requested') return appeal.timeline[i];
  }
  return null;
}

/** Oldest first, as a story reads. */
export function timelineInOrder(appeal: AppealView): AppealTimelineEntry[] {
  return [...appeal.timeline].sort((a, b) => a.at.localeCompare(b.at));
}

/** Whether a decision already changed the code, is waiting for a second person, or was refused. */
export function decisionEffect(appeal: AppealView): 'none' | 'applied' | 'pending-approval' | 'refused' {
  const d = appeal.decision;
  if (!d || !d.override) return 'none';
  if (d.approval === 'pending') return 'pending-approval';
  if (d.approval === 'refused') return 'refused';
  return 'applied';
}

/** A resident may withdraw until a decision is made (the server's state machine says the same). */
export function canWithdraw(appeal: AppealView): boolean {
  return ['submitted', 'assigned', 'in-review', 'needs-info'].includes(appeal.status);
}
