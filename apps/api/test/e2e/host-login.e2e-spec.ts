import { alipayKeyPair, type FakeAlipay, type FakeHost, fakeAlipay, fakeWechat } from '../utils/fake-host-servers';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

describe('host super-app login against local fakes of WeChat and Alipay (e2e)', () => {
  let wechat: FakeHost;
  let alipay: FakeAlipay;
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];

  beforeAll(async () => {
    wechat = await fakeWechat('wx-app', 'wx-secret', {
      'wx-code-1': 'openid-alice',
      'wx-code-2': 'openid-alice',
      'wx-code-3': 'openid-bob',
    });
    const keys = alipayKeyPair();
    const alipayOwn = alipayKeyPair();
    alipay = await fakeAlipay(
      '2021000000000001',
      keys.publicKey,
      { 'ali-code-1': 'ali-open-carol', 'ali-code-2': 'ali-open-dave' },
      { alipayPrivateKeyPem: alipayOwn.privateKey },
    );
    ctx = await E2eContext.create({
      env: {
        WECHAT_APP_ID: 'wx-app',
        WECHAT_APP_SECRET: 'wx-secret',
        WECHAT_API_BASE: wechat.url,
        ALIPAY_APP_ID: '2021000000000001',
        ALIPAY_PRIVATE_KEY: keys.privateKey,
        ALIPAY_PUBLIC_KEY: alipayOwn.publicKey,
        ALIPAY_GATEWAY: `${alipay.url}/gateway.do`,
      },
    });
    ({ t, http } = ctx);
  });
  afterAll(async () => {
    await ctx?.close();
    await wechat?.close();
    await alipay?.close();
  });

  const whoAmI = async (token: string) => (await http.get('/api/v1/me/profile', token)).status;

  it('exchanges a WeChat code for a session; the same openid is the same resident', async () => {
    const a = await http.post('/api/v1/auth/host-login', { provider: 'wechat', code: 'wx-code-1' });
    expect(a.status).toBe(200);
    expect(a.body.expiresIn).toBeGreaterThan(0);
    expect(await whoAmI(a.body.accessToken)).toBe(200);
    expect(wechat.requests[0]).toEqual({
      appid: 'wx-app',
      secret: 'wx-secret',
      js_code: 'wx-code-1',
      grant_type: 'authorization_code',
    });
    const again = await http.post('/api/v1/auth/host-login', { provider: 'wechat', code: 'wx-code-2' });
    const subject = (tok: string) => JSON.parse(Buffer.from(tok.split('.')[1], 'base64url').toString()).sub;
    expect(subject(again.body.accessToken)).toBe(subject(a.body.accessToken));
    const bob = await http.post('/api/v1/auth/host-login', { provider: 'wechat', code: 'wx-code-3' });
    expect(subject(bob.body.accessToken)).not.toBe(subject(a.body.accessToken));
  });

  it('refuses a reused or unknown WeChat code with 401 and a message to try again', async () => {
    const reused = await http.post('/api/v1/auth/host-login', { provider: 'wechat', code: 'wx-code-1' });
    expect(reused.status).toBe(401);
    expect(reused.body.message).toMatch(/try again/);
    expect((await http.post('/api/v1/auth/host-login', { provider: 'wechat', code: 'nope' })).status).toBe(401);
  });

  it('exchanges an Alipay auth code through a signed gateway request', async () => {
    const res = await http.post('/api/v1/auth/host-login', { provider: 'alipay', code: 'ali-code-1' });
    expect(res.status).toBe(200);
    const form = alipay.requests[0];
    expect(form).toMatchObject({
      method: 'alipay.system.oauth.token',
      grant_type: 'authorization_code',
      code: 'ali-code-1',
      sign_type: 'RSA2',
      charset: 'utf-8',
      version: '1.0',
    });
    expect(form.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect((await http.post('/api/v1/auth/host-login', { provider: 'alipay', code: 'ali-code-1' })).status).toBe(401);
  });

  it("refuses an Alipay answer whose signature is not Alipay's (401, no account created)", async () => {
    const { createDataSource } = await import('../../src/database/data-source.util');
    const ds = createDataSource(t.databaseUrl, 1);
    await ds.initialize();
    const count = async () => Number((await ds.query('SELECT COUNT(*) n FROM residents'))[0].n);
    const before = await count();
    alipay.forgeSignatures = true;
    try {
      const res = await http.post('/api/v1/auth/host-login', { provider: 'alipay', code: 'ali-code-2' });
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/signature check; log in again/);
      expect(await count()).toBe(before);
    } finally {
      alipay.forgeSignatures = false;
      await ds.destroy();
    }
  });

  it('answers 502 with a clear message when the host cannot be reached', async () => {
    await wechat.close();
    const res = await http.post('/api/v1/auth/host-login', { provider: 'wechat', code: 'wx-code-9' });
    expect(res.status).toBe(502);
    expect(res.body.code).toBe('PROVIDER_FAILED');
    wechat = await fakeWechat('wx-app', 'wx-secret', {});
  });

  it('keeps the host user id out of the database (only its HMAC is stored)', async () => {
    const { createDataSource } = await import('../../src/database/data-source.util');
    const ds = createDataSource(t.databaseUrl, 1);
    await ds.initialize();
    const dump = JSON.stringify(await ds.query('SELECT HEX(host_key) k, host_provider p FROM residents'));
    await ds.destroy();
    expect(dump).not.toContain('openid-alice');
    expect(dump).toContain('wechat');
  });
});
