import type { AppealStatus } from '@healthcode/contracts';

export type DeadlineState = 'on-time' | 'due-soon' | 'breached';

/** The queue's filters: status goes to the server, the rest narrow its answer in the browser. */
export interface AppealFilters {
  status?: AppealStatus;
  mine?: boolean;
  region?: string;
  deadline?: DeadlineState;
  ruleId?: string;
}

export type AppealAction = 'request-info' | 'decide' | 'approve' | 'close' | 'start-review';
