import type { CheckInRequest, CodeResponse } from '@healthcode/contracts';

import { request } from '../../services/request';

/** The code's steps say how many check-ins are still needed before green. */
export function fetchCode(): Promise<CodeResponse> {
  return request<CodeResponse>('GET', '/me/code');
}

export function submitCheckIn(body: CheckInRequest): Promise<unknown> {
  return request<unknown>('POST', '/me/check-ins', body);
}
