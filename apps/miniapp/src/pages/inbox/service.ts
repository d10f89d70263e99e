import type { ResidentNotification } from '@healthcode/contracts';

import { request } from '../../services/request';

export async function fetchNotifications(): Promise<ResidentNotification[]> {
  const { items } = await request<{ items: ResidentNotification[] }>('GET', '/me/notifications');
  return [...items].sort((a, b) => b.at.localeCompare(a.at));
}
