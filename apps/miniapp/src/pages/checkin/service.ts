import type { CheckInRequest, CodeResponse } from '@healthcode/contracts';

import { request } from '../../services/request';

/** For the dependant the carer acts for, when there is one. */
const ACTING = { actingFor: true } as const;

/** The code's steps say how many check-ins are still needed before green. */
export function fetchCode(): Promise<CodeResponse> {
  return request<CodeResponse>('GET', '/me/code', undefined, ACTING);
}

export function submitCheckIn(body: CheckInRequest): Promise<unknown> {
  return request<unknown>('POST', '/me/check-ins', body, ACTING);
}
