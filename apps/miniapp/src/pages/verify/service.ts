import type { ProfileResponse, VerificationRequest } from '@healthcode/contracts';

import { identityProof } from '../../platform/identity-proof';
import { request } from '../../services/request';

export function fetchProfile(): Promise<ProfileResponse> {
  return request<ProfileResponse>('GET', '/me/profile');
}

/** The host's own steps (face check, authorisation or the dev host), then the server's check of the proof. */
export async function verifyIdentity(profile: ProfileResponse, idNumber: string): Promise<ProfileResponse> {
  const proof: VerificationRequest = await identityProof.prove({
    idType: profile.idType ?? 'resident-id',
    idNumber: idNumber.trim().toUpperCase(),
  });
  return request<ProfileResponse>('POST', '/me/verification', proof);
}
