import type { DeclarationRequest, ProfileResponse } from '@healthcode/contracts';

import { request } from '../../services/request';

/** The profile gives the last declared current region, to start the form from. */
export function fetchProfile(): Promise<ProfileResponse> {
  return request<ProfileResponse>('GET', '/me/profile');
}

export function submitDeclaration(body: DeclarationRequest): Promise<unknown> {
  return request<unknown>('POST', '/me/declarations', body);
}
