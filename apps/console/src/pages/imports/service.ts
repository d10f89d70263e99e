import type {
  AuthorityImportKind,
  AuthorityImportResponse,
  WithdrawalRequest,
  WithdrawalResponse,
} from '@healthcode/contracts';

import { request, requestBlob } from '../../services/request';

export const importsQueryKey = ['imports'] as const;
export const withdrawalsQueryKey = ['withdrawals'] as const;

export function fetchImports(signal?: AbortSignal): Promise<{ items: AuthorityImportResponse[] }> {
  return request('/v1/admin/imports', { signal });
}

/** Multipart upload (field `file`); the server validates every row and stages the good ones. */
export function uploadImport(kind: AuthorityImportKind, file: File): Promise<AuthorityImportResponse> {
  const body = new FormData();
  body.append('file', file, file.name);
  return request('/v1/admin/imports', { method: 'POST', query: { kind }, body });
}

/** A second staff member applies ('approve') or drops ('reject') a staged import. */
export function decideImport(id: string, decision: 'approve' | 'reject'): Promise<AuthorityImportResponse> {
  return request(`/v1/admin/imports/${encodeURIComponent(id)}/${decision}`, { method: 'POST' });
}

export function fetchErrorReport(id: string): Promise<Blob> {
  return requestBlob(`/v1/admin/imports/${encodeURIComponent(id)}/errors.csv`);
}

export function fetchWithdrawals(signal?: AbortSignal): Promise<{ items: WithdrawalResponse[] }> {
  return request('/v1/admin/withdrawals', { signal });
}

export function requestWithdrawal(body: WithdrawalRequest): Promise<WithdrawalResponse> {
  return request('/v1/admin/withdrawals', { method: 'POST', body });
}

export function approveWithdrawal(id: string): Promise<WithdrawalResponse> {
  return request(`/v1/admin/withdrawals/${encodeURIComponent(id)}/approve`, { method: 'POST' });
}
