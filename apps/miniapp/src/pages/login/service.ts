import { HostLoginRequestSchema, type AccessTokenResponse } from '@healthcode/contracts';

import { host } from '../../platform/host';
import { request } from '../../services/request';
import { saveAccessToken } from '../../services/token-store';

/** Host login: a one-time code from WeChat / Alipay (or `dev-<name>` in the browser demo) for a token. */
export async function signIn(demoName: string): Promise<void> {
  const body = HostLoginRequestSchema.parse({ provider: host.provider, code: await host.loginCode(demoName) });
  const { accessToken, expiresIn } = await request<AccessTokenResponse>('POST', '/auth/host-login', body, {
    anonymous: true,
  });
  saveAccessToken(accessToken, expiresIn);
}
