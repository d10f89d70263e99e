import type { TrustedIssuerAddRequest, TrustedIssuerListResponse, TrustedIssuerView } from '@healthcode/contracts';

import { request } from '../../services/request';

export const trustQueryKey = ['trusted-issuers'] as const;

export type TrustAction = 'suspend' | 'reinstate' | 'remove';

export function fetchTrustList(signal?: AbortSignal): Promise<TrustedIssuerListResponse> {
  return request('/v1/admin/trusted-issuers', { signal });
}

export function addIssuer(body: TrustedIssuerAddRequest): Promise<TrustedIssuerView> {
  return request('/v1/admin/trusted-issuers', { method: 'POST', body });
}

export function approveIssuer(id: string): Promise<TrustedIssuerView> {
  return request(`/v1/admin/trusted-issuers/${id}/approve`, { method: 'POST' });
}

/** Suspend, ask to reinstate (back to pending) or remove: each with a reason, for the audit log. */
export function changeIssuer(id: string, action: TrustAction, reason: string): Promise<unknown> {
  return request(`/v1/admin/trusted-issuers/${id}/${action}`, { method: 'POST', body: { reason } });
}
