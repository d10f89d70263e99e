import type { AppealView, CodeResponse } from '@healthcode/contracts';

import { request } from '../../services/request';
import { openAppealsByReason } from './open-appeals.util';

export function fetchCode(): Promise<CodeResponse> {
  return request<CodeResponse>('GET', '/me/code');
}

/** Appeals still being handled, by the reason they appeal: the code page links to them instead of offering a second one. */
export async function fetchOpenAppeals(): Promise<Map<string, AppealView>> {
  const { items } = await request<{ items: AppealView[] }>('GET', '/me/appeals');
  return openAppealsByReason(items);
}
