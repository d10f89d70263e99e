import type { NotificationTemplatesResponse } from '@healthcode/contracts';

import { request } from './request';

let cached: Promise<NotificationTemplatesResponse> | null = null;

/** The server's subscribe-message template ids (from its config), loaded once per app run. */
export function fetchNotificationTemplates(): Promise<NotificationTemplatesResponse> {
  cached ??= request<NotificationTemplatesResponse>('GET', '/me/notifications/templates').catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

export function forgetNotificationTemplates(): void {
  cached = null;
}
