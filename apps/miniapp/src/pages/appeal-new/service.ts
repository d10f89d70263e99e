import type { AppealCategoriesResponse, AppealView, CodeResponse } from '@healthcode/contracts';

import { postAppealForm } from '../../evidence/appeal-upload.service';
import type { EvidenceFile } from '../../evidence/evidence-file.util';
import { request } from '../../services/request';

/** For the dependant the carer acts for, when there is one. */
const ACTING = { actingFor: true } as const;

export function fetchCode(): Promise<CodeResponse> {
  return request<CodeResponse>('GET', '/me/code', undefined, ACTING);
}

/** The categories the resident (or the dependant) can choose: the list of the region responsible for the code. */
export function fetchAppealCategories(): Promise<AppealCategoriesResponse> {
  return request<AppealCategoriesResponse>('GET', '/me/appeal-categories', undefined, ACTING);
}

export function fileAppeal(
  fields: Record<string, string | undefined>,
  files: readonly EvidenceFile[],
): Promise<AppealView> {
  return postAppealForm('/me/appeals', fields, files, ACTING);
}
