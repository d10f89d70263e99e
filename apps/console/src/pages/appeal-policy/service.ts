import type { AppealPolicyRequest, AppealPolicyView } from '@healthcode/contracts';

import { request } from '../../services/request';

export interface AppealPolicyList {
  defaults: AppealPolicyView;
  items: AppealPolicyView[];
}

export const appealPoliciesQueryKey = ['appeal-policies'] as const;

/** `GET /api/v1/admin/appeal-policies`: the configured defaults and the per-region rows in the caller's scope. */
export function fetchAppealPolicies(signal?: AbortSignal): Promise<AppealPolicyList> {
  return request('/v1/admin/appeal-policies', { signal });
}

/** `PUT /api/v1/admin/appeal-policies/:regionPrefix`: the deadlines and two-person rule of one region prefix. */
export function saveAppealPolicy(regionPrefix: string, body: AppealPolicyRequest): Promise<AppealPolicyView> {
  return request(`/v1/admin/appeal-policies/${encodeURIComponent(regionPrefix)}`, { method: 'PUT', body });
}
