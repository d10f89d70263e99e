import type { AppealView, CodeResponse } from '@healthcode/contracts';

import { request } from '../../services/request';

/** For the dependant the carer acts for, when there is one. */
const ACTING = { actingFor: true } as const;
import { openAppealsByReason } from './open-appeals.util';

export function fetchCode(): Promise<CodeResponse> {
  return request<CodeResponse>('GET', '/me/code', undefined, ACTING);
}

/** Appeals still being handled, by the reason they appeal: the code page links to them instead of offering a second one. */
export async function fetchOpenAppeals(): Promise<Map<string, AppealView>> {
  const { items } = await request<{ items: AppealView[] }>('GET', '/me/appeals', undefined, ACTING);
  return openAppealsByReason(items);
}
