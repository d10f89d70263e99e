import type { AppealView } from '@healthcode/contracts';

import { request } from '../../services/request';

export async function fetchAppeals(): Promise<AppealView[]> {
  const { items } = await request<{ items: AppealView[] }>('GET', '/me/appeals');
  return [...items].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
}
