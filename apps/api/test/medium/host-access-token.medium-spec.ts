import { loadConfig } from '../../src/config/load-config';
import { WechatAccessTokenService } from '../../src/modules/host-token/wechat-access-token.service';
import { fakeWechatMessages, type FakeMessageServer } from '../utils/fake-message-servers';
import { randomBytes } from 'node:crypto';

/**
 * The WeChat access token is shared through the real Redis: two services (two connections, as two workers or an
 * API process and a worker hold) asking at the same time cause exactly one `GET /cgi-bin/token`.
 */
describe('shared WeChat access token (medium: real Redis, fake WeChat)', () => {
  let wechat: FakeMessageServer;
  const services: WechatAccessTokenService[] = [];

  async function worker(apiBase: string, prefix: string): Promise<WechatAccessTokenService> {
    const config = await loadConfig(
      {
        HC_MODE: 'test',
        DATABASE_URL: 'mysql://root@127.0.0.1:3306/unused',
        QUEUE_PREFIX: prefix,
        WECHAT_APP_ID: 'wx-app',
        WECHAT_APP_SECRET: 'wx-secret',
        WECHAT_API_BASE: apiBase,
      },
      { devKeysFile: null },
    );
    const service = new WechatAccessTokenService(config);
    services.push(service);
    return service;
  }

  afterEach(async () => {
    for (const s of services.splice(0)) s.onModuleDestroy();
    await wechat?.close();
  });

  it('fetches once for two concurrent workers, and both use that token', async () => {
    wechat = await fakeWechatMessages('wx-app', 'wx-secret');
    const prefix = `{hct${randomBytes(4).toString('hex')}}`;
    const [a, b] = [await worker(wechat.url, prefix), await worker(wechat.url, prefix)];
    const tokens = await Promise.all([a.token(), b.token(), a.token(), b.token(), b.token()]);
    expect(new Set(tokens)).toEqual(new Set(['tok-1']));
    expect(wechat.tokenRequests).toHaveLength(1);
    expect(wechat.tokenRequests[0]).toEqual({ grant_type: 'client_credential', appid: 'wx-app', secret: 'wx-secret' });
    // A third process starting later reads the cached token.
    expect(await (await worker(wechat.url, prefix)).token()).toBe('tok-1');
    expect(wechat.tokenRequests).toHaveLength(1);
  });

  it('after WeChat refuses a token, one worker fetches a new one and the other drops only the stale one', async () => {
    wechat = await fakeWechatMessages('wx-app', 'wx-secret');
    const prefix = `{hct${randomBytes(4).toString('hex')}}`;
    const [a, b] = [await worker(wechat.url, prefix), await worker(wechat.url, prefix)];
    expect(await a.token()).toBe('tok-1');
    await a.invalidate('tok-1');
    expect(await Promise.all([a.token(), b.token()])).toEqual(['tok-2', 'tok-2']);
    await b.invalidate('tok-1'); // late news of the old token: the new one stays
    expect(await b.token()).toBe('tok-2');
    expect(wechat.tokenRequests).toHaveLength(2);
  });

  it('refreshes a token before it expires (inside the 5-minute margin), once for all workers', async () => {
    wechat = await fakeWechatMessages('wx-app', 'wx-secret', () => 0, 301);
    const prefix = `{hct${randomBytes(4).toString('hex')}}`;
    const [a, b] = [await worker(wechat.url, prefix), await worker(wechat.url, prefix)];
    expect(await a.token()).toBe('tok-1');
    // 301 s of life is already inside the 300 s margin: the next callers refresh it, one fetch between them.
    await new Promise((r) => setTimeout(r, 1100));
    expect(await Promise.all([a.token(), b.token()])).toEqual(expect.arrayContaining(['tok-2']));
    expect(wechat.tokenRequests).toHaveLength(2);
  });

  it('keeps working on its own token when Redis is unreachable', async () => {
    wechat = await fakeWechatMessages('wx-app', 'wx-secret');
    const config = await loadConfig(
      {
        HC_MODE: 'test',
        DATABASE_URL: 'mysql://root@127.0.0.1:3306/unused',
        REDIS_URL: 'redis://127.0.0.1:1',
        WECHAT_APP_ID: 'wx-app',
        WECHAT_APP_SECRET: 'wx-secret',
        WECHAT_API_BASE: wechat.url,
      },
      { devKeysFile: null },
    );
    const service = new WechatAccessTokenService(config);
    services.push(service);
    expect(await service.token()).toBe('tok-1');
    expect(await service.token()).toBe('tok-1');
    expect(wechat.tokenRequests).toHaveLength(1);
  });
});
