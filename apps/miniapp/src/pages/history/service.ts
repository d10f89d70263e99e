import type { CodeHistoryEntry } from '@healthcode/contracts';

import { request } from '../../services/request';

/** For the dependant the carer acts for, when there is one. */
const ACTING = { actingFor: true } as const;

export async function fetchHistory(): Promise<CodeHistoryEntry[]> {
  const { items } = await request<{ items: CodeHistoryEntry[] }>('GET', '/me/code/history', undefined, ACTING);
  // Newest first, whatever order the server used.
  return [...items].sort((a, b) => b.at.localeCompare(a.at));
}
