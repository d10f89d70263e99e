import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { wallClock } from '../clock/wall-clock';
import { createRedisClient, type RedisClient } from '../redis/redis-client.util';
import {
  AccessTokenUnavailable,
  type AccessTokenSource,
  type FetchedAccessToken,
  SharedAccessToken,
} from './shared-access-token';

/** `GET /cgi-bin/token?grant_type=client_credential&appid=&secret=` → `{access_token, expires_in}` or `{errcode}`. */
export async function fetchWechatAccessToken(options: {
  appId: string;
  appSecret: string;
  apiBase: string;
  timeoutMs?: number;
}): Promise<FetchedAccessToken> {
  const url = new URL('/cgi-bin/token', options.apiBase);
  url.search = new URLSearchParams({
    grant_type: 'client_credential',
    appid: options.appId,
    secret: options.appSecret,
  }).toString();
  let answer: { access_token?: string; expires_in?: number; errcode?: number };
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
    if (!res.ok) throw new AccessTokenUnavailable(`WeChat answered HTTP ${res.status} for an access token`);
    answer = (await res.json()) as typeof answer;
  } catch (error) {
    if (error instanceof AccessTokenUnavailable) throw error;
    throw new AccessTokenUnavailable('WeChat is unreachable for an access token');
  }
  if (!answer.access_token)
    throw new AccessTokenUnavailable(`WeChat refused an access token (errcode ${answer.errcode ?? 'none'})`);
  return { token: answer.access_token, expiresInSec: answer.expires_in ?? 7200 };
}

/**
 * The WeChat mini-program's access token, one for all API processes and workers (issue #17): the face-check
 * verifier and the subscribe-message sender both take it from here. Alipay needs none (every gateway call is
 * signed with the app's private key).
 */
@Injectable()
export class WechatAccessTokenService implements AccessTokenSource, OnModuleDestroy {
  private readonly logger = new Logger(WechatAccessTokenService.name);
  private readonly client: RedisClient | null;
  private readonly shared: SharedAccessToken | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const wechat = config.hostProviders.wechat;
    if (!wechat) {
      this.client = null;
      this.shared = null;
      return;
    }
    this.client = createRedisClient(config.redis, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: true });
    this.client.on('error', (error: Error) =>
      this.logger.warn({ err: error.message }, 'access-token redis unavailable'),
    );
    this.shared = new SharedAccessToken(
      this.client,
      () => fetchWechatAccessToken(wechat),
      () => wallClock.now().getTime(),
      {
        key: `${config.redis.queuePrefix}:host-token:wechat:${wechat.appId}`,
      },
    );
  }

  token(): Promise<string> {
    if (!this.shared) return Promise.reject(new AccessTokenUnavailable('WeChat is not configured on this server'));
    return this.shared.token();
  }

  async invalidate(stale: string): Promise<void> {
    await this.shared?.invalidate(stale);
  }

  onModuleDestroy(): void {
    this.client?.disconnect();
  }
}
