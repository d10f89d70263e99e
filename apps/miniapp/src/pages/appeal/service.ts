import type { AppealView } from '@healthcode/contracts';

import { postAppealForm } from '../../evidence/appeal-upload.service';
import type { EvidenceFile } from '../../evidence/evidence-file.util';
import { request } from '../../services/request';

/** For the dependant the carer acts for, when there is one. */
const ACTING = { actingFor: true } as const;

export function fetchAppeal(number: number): Promise<AppealView> {
  return request<AppealView>('GET', `/me/appeals/${number}`, undefined, ACTING);
}

export function answerAppeal(number: number, message: string, files: readonly EvidenceFile[]): Promise<AppealView> {
  return postAppealForm(`/me/appeals/${number}/answer`, { message }, files, ACTING);
}

export function withdrawAppeal(number: number): Promise<AppealView> {
  return request<AppealView>('POST', `/me/appeals/${number}/withdraw`, undefined, ACTING);
}
