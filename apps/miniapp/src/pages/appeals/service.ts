import type { AppealView } from '@healthcode/contracts';

import { request } from '../../services/request';

/** For the dependant the carer acts for, when there is one. */
const ACTING = { actingFor: true } as const;

export async function fetchAppeals(): Promise<AppealView[]> {
  const { items } = await request<{ items: AppealView[] }>('GET', '/me/appeals', undefined, ACTING);
  return [...items].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
}
