import { request } from '../../services/request';
import type { AuditPage, AuditQuery, AuditVerifyResult } from './types';

export const auditQueryKey = (query: AuditQuery) => ['audit', 'list', query] as const;
export const auditVerifyQueryKey = ['audit', 'verify'] as const;

/** Server-side filters and pagination. */
export function fetchAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  return request('/v1/audit', { query: { ...query }, signal });
}

/** Recomputes the whole hash chain on the server and names the first broken entry. */
export function verifyAudit(signal?: AbortSignal): Promise<AuditVerifyResult> {
  return request('/v1/audit/verify', { signal });
}
