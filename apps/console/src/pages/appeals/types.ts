import type { AppealDeadlineFilter, AppealStatus } from '@healthcode/contracts';

export type DeadlineState = 'on-time' | 'due-soon' | 'breached';

/** The queue's filters: all go to the server, which pages the answer. */
export interface AppealFilters {
  status?: AppealStatus;
  mine?: boolean;
  region?: string;
  deadline?: AppealDeadlineFilter;
  ruleId?: string;
  category?: string;
}

export type AppealAction = 'request-info' | 'decide' | 'approve' | 'close' | 'start-review';
