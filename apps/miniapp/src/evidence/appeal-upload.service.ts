import type { AppealView } from '@healthcode/contracts';

import { buildMultipart } from '../services/multipart.util';
import { request } from '../services/request';
import { type EvidenceFile, sniffEvidenceType } from './evidence-file.util';

/** Posts an appeal form (filing or answer) with its evidence as one multipart request. */
export function postAppealForm(
  path: string,
  fields: Record<string, string | undefined>,
  files: readonly EvidenceFile[],
  options: { actingFor?: boolean } = {},
): Promise<AppealView> {
  const parts = files.map((f) => ({
    field: 'evidence',
    name: f.name,
    mediaType: sniffEvidenceType(f.bytes) ?? 'application/octet-stream',
    bytes: f.bytes,
  }));
  const { body, contentType } = buildMultipart(fields, parts);
  return request<AppealView>('POST', path, body, { contentType, ...options });
}
