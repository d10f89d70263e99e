import { residentIdCheckDigit } from '@healthcode/contracts';

import { verifyOverHttp } from './dev-verification';
import type { httpClient } from './http-client';

let counter = 0;

/** A valid 18-character resident ID (Hangzhou Xihu district, born 1990-01-01) with a correct check digit. */
export function validResidentId(serial = ++counter): string {
  const first17 = `33010619900101${String(serial % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

export const CONSENT_VERSION = '2026-11-v1';

/**
 * Logs a new resident in through the dev provider and signs them up, returning their token. Unless
 * `verified: false`, the dev host then certifies their ID number and they verify through it, as the demo does.
 */
export async function newResident(
  http: ReturnType<typeof httpClient>,
  overrides: Record<string, unknown> = {},
  options: { verified?: boolean } = {},
) {
  const name = `r${Date.now().toString(36)}${++counter}`;
  const login = await http.post('/api/v1/auth/host-login', { provider: 'dev', code: `dev-${name}` });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  const token = login.body.accessToken as string;
  const idNumber = validResidentId();
  const profile = {
    consentVersion: CONSENT_VERSION,
    name: '张三',
    idType: 'resident-id',
    idNumber,
    phone: '13812345678',
    homeRegion: '330106',
    ...overrides,
  };
  const put = await http.put('/api/v1/me/profile', profile, token);
  if (put.status !== 200) throw new Error(`sign-up failed: ${JSON.stringify(put.body)}`);
  if (options.verified !== false)
    await verifyOverHttp(http, token, name, String(profile.idNumber), profile.idType as 'resident-id' | 'passport');
  return { token, idNumber: profile.idNumber as string, profile, hostUser: name };
}
