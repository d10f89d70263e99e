import type { AuthorityImportKind, AuthorityImportResponse } from '@healthcode/contracts';

import { request, requestBlob } from '../../services/request';

export const importsQueryKey = ['imports'] as const;

export function fetchImports(signal?: AbortSignal): Promise<{ items: AuthorityImportResponse[] }> {
  return request('/v1/admin/imports', { signal });
}

/** Multipart upload (field `file`); the server validates every row and answers with the counts. */
export function uploadImport(kind: AuthorityImportKind, file: File): Promise<AuthorityImportResponse> {
  const body = new FormData();
  body.append('file', file, file.name);
  return request('/v1/admin/imports', { method: 'POST', query: { kind }, body });
}

export function fetchErrorReport(id: string): Promise<Blob> {
  return requestBlob(`/v1/admin/imports/${encodeURIComponent(id)}/errors.csv`);
}
