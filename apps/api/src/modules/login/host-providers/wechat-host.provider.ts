import { type HostProvider, HostCodeRejected, HostUnavailable } from './host-provider.interface';

interface Jscode2SessionResponse {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/**
 * WeChat mini-program login: `GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code`.
 * Codes are single use; errcode 40029 (invalid code) and 40163 (code used) mean "log in again".
 */
export class WechatHostProvider implements HostProvider {
  readonly name = 'wechat' as const;

  constructor(private readonly options: { appId: string; appSecret: string; apiBase: string; timeoutMs?: number }) {}

  async exchange(code: string): Promise<string> {
    const url = new URL('/sns/jscode2session', this.options.apiBase);
    url.search = new URLSearchParams({
      appid: this.options.appId,
      secret: this.options.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    let body: Jscode2SessionResponse;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000) });
      if (!res.ok) throw new HostUnavailable(`WeChat answered HTTP ${res.status}`);
      body = (await res.json()) as Jscode2SessionResponse;
    } catch (error) {
      if (error instanceof HostUnavailable) throw error;
      throw new HostUnavailable('WeChat login service is unreachable');
    }
    if (body.errcode && body.errcode !== 0) {
      if ([40029, 40163, 40226].includes(body.errcode))
        throw new HostCodeRejected('WeChat did not accept this login code; try again');
      throw new HostUnavailable(`WeChat login failed (errcode ${body.errcode})`);
    }
    if (!body.openid) throw new HostUnavailable('WeChat answered without an openid');
    return body.openid;
  }
}
