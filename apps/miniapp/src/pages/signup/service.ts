import type { ProfileResponse, ProfileUpsertRequest } from '@healthcode/contracts';

import { request } from '../../services/request';

export function fetchProfile(): Promise<ProfileResponse> {
  return request<ProfileResponse>('GET', '/me/profile');
}

export function saveProfile(body: ProfileUpsertRequest): Promise<ProfileResponse> {
  return request<ProfileResponse>('PUT', '/me/profile', body);
}
