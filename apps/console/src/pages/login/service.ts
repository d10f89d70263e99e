import type {
  StaffLoginRequest,
  StaffLoginResponse,
  StaffTotpEnrollment,
  StaffTotpEnrollRequest,
} from '@healthcode/contracts';

import { request } from '../../services/request';

/** Anonymous: a stale token from an earlier session must not ride along. */
export function login(body: StaffLoginRequest): Promise<StaffLoginResponse> {
  return request<StaffLoginResponse>('/v1/staff/login', { method: 'POST', body, anonymous: true });
}

/** For an account without an authenticator (new, or reset by an admin): the secret to scan, after the password. */
export function enrollTotp(body: StaffTotpEnrollRequest): Promise<StaffTotpEnrollment> {
  return request<StaffTotpEnrollment>('/v1/staff/login/enroll', { method: 'POST', body, anonymous: true });
}

/** Revokes the session server-side; best effort, since the console forgets the token either way. */
export function logout(): Promise<void> {
  return request<void>('/v1/staff/logout', { method: 'POST' });
}
