import type {
  TrustedIssuerAddRequest,
  TrustedIssuerKeyUpdateRequest,
  TrustedIssuerListResponse,
  TrustedIssuerView,
} from '@healthcode/contracts';

import { request } from '../../services/request';

export const trustQueryKey = ['trusted-issuers'] as const;

export type TrustAction = 'suspend' | 'reinstate' | 'remove' | 'discardKeys';

const ACTION_PATHS: Record<TrustAction, string> = {
  suspend: 'suspend',
  reinstate: 'reinstate',
  remove: 'remove',
  discardKeys: 'keys/discard',
};

export function fetchTrustList(signal?: AbortSignal): Promise<TrustedIssuerListResponse> {
  return request('/v1/admin/trusted-issuers', { signal });
}

export function addIssuer(body: TrustedIssuerAddRequest): Promise<TrustedIssuerView> {
  return request('/v1/admin/trusted-issuers', { method: 'POST', body });
}

export function approveIssuer(id: string): Promise<TrustedIssuerView> {
  return request(`/v1/admin/trusted-issuers/${id}/approve`, { method: 'POST' });
}

/** Suspend, ask to reinstate (back to pending), remove, or drop new keys: each with a reason, for the audit log. */
export function changeIssuer(id: string, action: TrustAction, reason: string): Promise<unknown> {
  return request(`/v1/admin/trusted-issuers/${id}/${ACTION_PATHS[action]}`, { method: 'POST', body: { reason } });
}

/** The peer's new keys, fetched again or pasted: they wait for a second administrator. */
export function requestIssuerKeys(id: string, body: TrustedIssuerKeyUpdateRequest): Promise<TrustedIssuerView> {
  return request(`/v1/admin/trusted-issuers/${id}/keys`, { method: 'POST', body });
}

export function approveIssuerKeys(id: string): Promise<TrustedIssuerView> {
  return request(`/v1/admin/trusted-issuers/${id}/keys/approve`, { method: 'POST' });
}
