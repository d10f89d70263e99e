import { createSign } from 'node:crypto';

import { type HostProvider, HostCodeRejected, HostUnavailable } from './host-provider.interface';

interface OauthTokenResponse {
  alipay_system_oauth_token_response?: { user_id?: string; open_id?: string; access_token?: string };
  error_response?: { code?: string; msg?: string; sub_code?: string; sub_msg?: string };
}

/** `yyyy-MM-dd HH:mm:ss` in China Standard Time, as the Alipay gateway expects. */
export function gatewayTimestamp(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}

/** RSA2 signature over the sorted `key=value` pairs, excluding `sign` itself and empty values. */
export function alipaySign(params: Record<string, string>, privateKeyPem: string): string {
  const content = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return createSign('RSA-SHA256').update(content, 'utf8').sign(privateKeyPem, 'base64');
}

/** Alipay mini-program login: `alipay.system.oauth.token` with `grant_type=authorization_code` on the gateway. */
export class AlipayHostProvider implements HostProvider {
  readonly name = 'alipay' as const;

  constructor(private readonly options: { appId: string; privateKeyPem: string; gateway: string; timeoutMs?: number }) {}

  async exchange(code: string, now = new Date()): Promise<string> {
    const params: Record<string, string> = {
      app_id: this.options.appId,
      method: 'alipay.system.oauth.token',
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: gatewayTimestamp(now),
      version: '1.0',
      grant_type: 'authorization_code',
      code,
    };
    params.sign = alipaySign(params, this.options.privateKeyPem);
    let body: OauthTokenResponse;
    try {
      const res = await fetch(this.options.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
      if (!res.ok) throw new HostUnavailable(`Alipay answered HTTP ${res.status}`);
      body = (await res.json()) as OauthTokenResponse;
    } catch (error) {
      if (error instanceof HostUnavailable) throw error;
      throw new HostUnavailable('Alipay login service is unreachable');
    }
    if (body.error_response) {
      if (body.error_response.sub_code?.startsWith('isv.code')) throw new HostCodeRejected('Alipay did not accept this login code; try again');
      throw new HostUnavailable(`Alipay login failed (${body.error_response.sub_code ?? body.error_response.code})`);
    }
    const id = body.alipay_system_oauth_token_response?.open_id ?? body.alipay_system_oauth_token_response?.user_id;
    if (!id) throw new HostUnavailable('Alipay answered without a user id');
    return id;
  }
}
