import type { ProfileResponse } from '@healthcode/contracts';

import { request } from '../../services/request';
import { readAccessToken } from '../../services/token-store';
import { readAcceptedConsent } from '../../session/consent-store';
import { entryTarget } from '../../session/entry-target.util';

/** Decides the first real page from the stored session and the resident's profile. */
export async function resolveEntry(): Promise<ReturnType<typeof entryTarget>> {
  const acceptedConsent = readAcceptedConsent();
  if (!readAccessToken()) return entryTarget({ signedIn: false, acceptedConsent });
  const profile = await request<ProfileResponse>('GET', '/me/profile');
  return entryTarget({ signedIn: true, registered: profile.registered, acceptedConsent });
}
