import { request } from '../../services/request';

export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

/** 204 on success; every session of the account ends, this one too. */
export function changePassword(body: ChangePasswordBody): Promise<void> {
  return request<void>('/v1/staff/me/password', { method: 'POST', body });
}
