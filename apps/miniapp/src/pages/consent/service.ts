import type { ConsentResponse } from '@healthcode/contracts';

import { request } from '../../services/request';

export function fetchConsent(): Promise<ConsentResponse> {
  return request<ConsentResponse>('GET', '/consent');
}
