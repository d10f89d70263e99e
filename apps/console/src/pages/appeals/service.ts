import type {
  AppealApprovalRequest,
  AppealDecisionRequest,
  AppealView,
  StaffAppealListResponse,
  StaffAppealView,
} from '@healthcode/contracts';

import { request, requestBlob } from '../../services/request';
import type { AppealFilters } from './types';

export interface AppealListParams extends AppealFilters {
  page?: number;
  pageSize?: number;
}

export const appealsQueryKey = ['appeals'] as const;
export const appealListQueryKey = (params: AppealListParams) => [...appealsQueryKey, 'list', params] as const;
export const appealQueryKey = (number: number) => [...appealsQueryKey, 'detail', number] as const;

/** `GET /api/v1/appeals`: one page of the appeals in the staff member's region scope, filtered and paged by the server. */
export function fetchAppeals(params: AppealListParams, signal?: AbortSignal): Promise<StaffAppealListResponse> {
  const { status, mine, region, deadline, ruleId, category, page, pageSize } = params;
  return request('/v1/appeals', {
    query: {
      status,
      mine: mine ? 'true' : undefined,
      region,
      deadline,
      ruleId,
      category,
      page: page && page > 1 ? page : undefined,
      pageSize,
    },
    signal,
  });
}

/** Opening an appeal is logged to the resident's access log by the server. */
export function fetchAppeal(number: number, signal?: AbortSignal): Promise<StaffAppealView> {
  return request(`/v1/appeals/${number}`, { signal });
}

export function startReview(number: number): Promise<AppealView> {
  return request(`/v1/appeals/${number}/review`, { method: 'POST' });
}

export function requestInfo(number: number, message: string): Promise<AppealView> {
  return request(`/v1/appeals/${number}/request-info`, { method: 'POST', body: { message } });
}

export function decideAppeal(number: number, body: AppealDecisionRequest): Promise<AppealView> {
  return request(`/v1/appeals/${number}/decision`, { method: 'POST', body });
}

export function approveDecision(number: number, body: AppealApprovalRequest): Promise<AppealView> {
  return request(`/v1/appeals/${number}/approval`, { method: 'POST', body });
}

export function closeAppeal(number: number): Promise<AppealView> {
  return request(`/v1/appeals/${number}/close`, { method: 'POST' });
}

export function fetchEvidence(number: number, sha256: string, signal?: AbortSignal): Promise<Blob> {
  return requestBlob(`/v1/appeals/${number}/evidence/${sha256}`, { signal });
}
