import type { AppealStatus } from '@healthcode/contracts';

/** Everything that moves an appeal; each event is allowed from a fixed set of states and leads to one state. */
export const APPEAL_EVENTS = [
  'assign',
  'start-review',
  'request-info',
  'provide-info',
  'decide',
  'refuse-approval',
  'close',
  'withdraw',
] as const;
export type AppealEvent = (typeof APPEAL_EVENTS)[number];

interface Transition {
  from: readonly AppealStatus[];
  to: AppealStatus;
}

/**
 * The appeal lifecycle, in one place:
 * submitted → assigned → in-review ⇄ needs-info → decided (upheld | corrected | rejected) → closed.
 * An agent may ask for information straight after assignment; a supervisor who refuses to approve a
 * lowering decision sends it back to review; a resident may withdraw until a decision is made.
 */
export const APPEAL_TRANSITIONS: Readonly<Record<AppealEvent, Transition>> = {
  assign: { from: ['submitted'], to: 'assigned' },
  'start-review': { from: ['assigned'], to: 'in-review' },
  'request-info': { from: ['assigned', 'in-review'], to: 'needs-info' },
  'provide-info': { from: ['needs-info'], to: 'in-review' },
  decide: { from: ['in-review'], to: 'decided' },
  'refuse-approval': { from: ['decided'], to: 'in-review' },
  close: { from: ['decided'], to: 'closed' },
  withdraw: { from: ['submitted', 'assigned', 'in-review', 'needs-info'], to: 'closed' },
};

export class IllegalAppealTransition extends Error {
  constructor(
    readonly current: AppealStatus,
    readonly event: AppealEvent,
  ) {
    super(`This appeal is ${current}: it cannot ${event.replace('-', ' ')} now`);
    this.name = 'IllegalAppealTransition';
  }
}

export function canTransition(current: AppealStatus, event: AppealEvent): boolean {
  return APPEAL_TRANSITIONS[event].from.includes(current);
}

/** The state after `event`, or an `IllegalAppealTransition` naming the current state. */
export function nextAppealStatus(current: AppealStatus, event: AppealEvent): AppealStatus {
  if (!canTransition(current, event)) throw new IllegalAppealTransition(current, event);
  return APPEAL_TRANSITIONS[event].to;
}

/** Appeals in these states still hold their reason: a second appeal on it is refused. */
export function isOpen(status: AppealStatus): boolean {
  return status !== 'closed' && status !== 'decided';
}
