import type { CodeResponse } from '@healthcode/contracts';

import { request } from '../../services/request';

export function fetchCode(): Promise<CodeResponse> {
  return request<CodeResponse>('GET', '/me/code');
}
