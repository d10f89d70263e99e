import type { StaffLoginRequest, StaffLoginResponse } from '@healthcode/contracts';

import { request } from '../../services/request';

/** Anonymous: a stale token from an earlier session must not ride along. */
export function login(body: StaffLoginRequest): Promise<StaffLoginResponse> {
  return request<StaffLoginResponse>('/v1/staff/login', { method: 'POST', body, anonymous: true });
}
