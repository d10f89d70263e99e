/** Queue and job names, shared by producers (API) and consumers (worker). */
export const MAINTENANCE_QUEUE = 'maintenance';
export const EXPIRE_CODES_JOB = 'expire-codes';
/** Repeatable: signs the audit chain head with the deployment's key (audit_head_signatures). */
export const SIGN_AUDIT_HEAD_JOB = 'sign-audit-head';
/** Mass re-scoring: one job per range of resident ids (`rescore:<runId>:<rangeStart>`), cut from the rescore_runs outbox. */
export const RESCORE_QUEUE = 'rescore';
export const RESCORE_RANGE_JOB = 'rescore-range';
/** A nudge from the API after an outbox row commits, so workers dispatch now rather than at their next poll. */
export const RESCORE_DISPATCH_JOB = 'rescore-dispatch';
/** Appeal deadlines: one delayed job per deadline (first response, decision), keyed `<appealId>:<kind>`. */
export const APPEALS_QUEUE = 'appeals';
export const APPEAL_DEADLINE_JOB = 'appeal-deadline';
/** Repeatable: finds breached deadlines whose delayed job was lost (Redis down when the appeal was filed). */
export const APPEAL_DEADLINE_SWEEP_JOB = 'appeal-deadline-sweep';
/** Resident notifications: one job per outbox row, plus a repeatable sweep that re-enqueues rows left pending. */
export const NOTIFICATIONS_QUEUE = 'notifications';
export const SEND_NOTIFICATION_JOB = 'send-notification';
export const SWEEP_OUTBOX_JOB = 'sweep-outbox';
