import type { CodeHistoryEntry } from '@healthcode/contracts';

import { request } from '../../services/request';

export async function fetchHistory(): Promise<CodeHistoryEntry[]> {
  const { items } = await request<{ items: CodeHistoryEntry[] }>('GET', '/me/code/history');
  // Newest first, whatever order the server used.
  return [...items].sort((a, b) => b.at.localeCompare(a.at));
}
