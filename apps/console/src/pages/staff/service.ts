import type {
  ChangeStaffRoleRequest,
  StaffAccountView,
  StaffGrantStatus,
  StaffGrantView,
  StaffRole,
  StaffRoleChangeResult,
} from '@healthcode/contracts';

import { request } from '../../services/request';

export const staffQueryKey = ['staff'] as const;
export const accountsQueryKey = [...staffQueryKey, 'accounts'] as const;
export const grantsQueryKey = [...staffQueryKey, 'grants'] as const;

export interface CreateStaffValues {
  username: string;
  displayName: string;
  role: StaffRole;
  regionScope: string;
  password: string;
}

export function fetchAccounts(signal?: AbortSignal): Promise<{ items: StaffAccountView[] }> {
  return request('/v1/staff/accounts', { signal });
}

export function fetchGrants(
  status: StaffGrantStatus | undefined,
  signal?: AbortSignal,
): Promise<{ items: StaffGrantView[] }> {
  return request('/v1/staff/grants', { query: status ? { status } : {}, signal });
}

export function createAccount(body: CreateStaffValues): Promise<StaffRoleChangeResult> {
  return request('/v1/staff/accounts', { method: 'POST', body });
}

export function changeRole(id: string, body: ChangeStaffRoleRequest): Promise<StaffRoleChangeResult> {
  return request(`/v1/staff/accounts/${id}/role`, { method: 'POST', body });
}

export type AccountAction = 'disable' | 'enable' | 'unlock' | 'reset-totp';

export function accountAction(id: string, action: AccountAction): Promise<StaffAccountView> {
  return request(`/v1/staff/accounts/${id}/${action}`, { method: 'POST' });
}

export function approveGrant(id: string): Promise<StaffGrantView> {
  return request(`/v1/staff/grants/${id}/approve`, { method: 'POST' });
}

export function refuseGrant(id: string, reason: string | undefined): Promise<StaffGrantView> {
  return request(`/v1/staff/grants/${id}/refuse`, { method: 'POST', body: reason ? { reason } : {} });
}
