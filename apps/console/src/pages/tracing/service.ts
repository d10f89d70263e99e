import type {
  TracingDecision,
  TracingRequestCreate,
  TracingRequestResponse,
  TracingScan,
  TracingStatus,
} from '@healthcode/contracts';

import { request } from '../../services/request';

export const tracingQueryKey = ['tracing-requests'] as const;

export function fetchRequests(
  status: TracingStatus | undefined,
  signal?: AbortSignal,
): Promise<{ items: TracingRequestResponse[] }> {
  return request('/v1/tracing-requests', { query: status ? { status } : {}, signal });
}

export function createRequest(body: TracingRequestCreate): Promise<TracingRequestResponse> {
  return request('/v1/tracing-requests', { method: 'POST', body });
}

export function decideRequest(id: string, body: TracingDecision): Promise<TracingRequestResponse> {
  return request(`/v1/tracing-requests/${id}/decision`, { method: 'POST', body });
}

/** Audited, and written to the resident's own access log. */
export function fetchScans(
  id: string,
  signal?: AbortSignal,
): Promise<{ request: TracingRequestResponse; items: TracingScan[] }> {
  return request(`/v1/tracing-requests/${id}/scans`, { signal });
}
