import type { AppealCategoriesResponse, AppealView, CodeResponse } from '@healthcode/contracts';

import { postAppealForm } from '../../evidence/appeal-upload.service';
import type { EvidenceFile } from '../../evidence/evidence-file.util';
import { request } from '../../services/request';

export function fetchCode(): Promise<CodeResponse> {
  return request<CodeResponse>('GET', '/me/code');
}

/** The categories the resident can choose: the list of the region responsible for their code. */
export function fetchAppealCategories(): Promise<AppealCategoriesResponse> {
  return request<AppealCategoriesResponse>('GET', '/me/appeal-categories');
}

export function fileAppeal(
  fields: Record<string, string | undefined>,
  files: readonly EvidenceFile[],
): Promise<AppealView> {
  return postAppealForm('/me/appeals', fields, files);
}
