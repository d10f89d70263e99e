import { APPEAL_DUE_SOON_HOURS, type AppealView } from '@healthcode/contracts';

import type { DeadlineState } from './types';

/** An appeal is "due soon" when its decision is due within this window (the server's queue filter uses the same). */
export const DUE_SOON_MS = APPEAL_DUE_SOON_HOURS * 3600_000;

/** Where an undecided appeal stands against its decision deadline; decided ones are always on time here. */
export function deadlineState(appeal: Pick<AppealView, 'status' | 'decisionDueAt'>, now: number): DeadlineState {
  if (appeal.status === 'decided' || appeal.status === 'closed') return 'on-time';
  const due = Date.parse(appeal.decisionDueAt);
  if (due < now) return 'breached';
  return due - now <= DUE_SOON_MS ? 'due-soon' : 'on-time';
}

/** Decisions that lower a colour and wait for a second person: the supervisors' queue. */
export function awaitingApproval(items: readonly AppealView[]): AppealView[] {
  return items.filter((a) => a.status === 'decided' && a.decision?.approval === 'pending');
}

/** What the staff member may do next, following the appeal's state machine (the server checks again). */
export function availableActions(appeal: Pick<AppealView, 'status' | 'decision'>, canApprove: boolean) {
  const { status } = appeal;
  return {
    startReview: status === 'assigned' || status === 'submitted',
    requestInfo: status === 'assigned' || status === 'in-review',
    decide: status === 'in-review',
    approve: canApprove && status === 'decided' && appeal.decision?.approval === 'pending',
    close: status === 'decided' && appeal.decision?.approval !== 'pending',
  };
}
