import { DataSource } from 'typeorm';

import { createDataSource } from '../../src/database/data-source.util';
import { wechatCertHash } from '../../src/modules/verification/verifiers/wechat-cert-hash.util';
import {
  alipayKeyPair,
  type AlipayCertifiedUser,
  type FakeAlipay,
  fakeAlipay,
  type FakeWechat,
  fakeWechat,
} from '../utils/fake-host-servers';
import { CONSENT_VERSION, validResidentId } from '../utils/resident.factory';
import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

/**
 * Identity proofing through the hosts, against local fakes speaking their real formats: Alipay real-name
 * certification (signed gateway answers) and WeChat's face-plus-ID check (getVerifyId / queryVerifyInfo).
 */
describe('identity verification through Alipay and WeChat (e2e)', () => {
  const numbers = { a: validResidentId(), b: validResidentId(), c: validResidentId(), w: validResidentId() };
  const certified: Record<string, AlipayCertifiedUser> = {
    'ali-a': { cert_no: numbers.a },
    'ali-b': { cert_no: validResidentId() },
    'ali-c': { cert_no: numbers.c, is_certified: 'F' },
  };
  let alipay: FakeAlipay;
  let wechat: FakeWechat;
  let ctx: E2eContext;
  let t: TestApp;
  let http: E2eContext['http'];
  let db: DataSource;

  beforeAll(async () => {
    const app = alipayKeyPair();
    const own = alipayKeyPair();
    alipay = await fakeAlipay(
      '2021000000000002',
      app.publicKey,
      {
        'login-a': 'ali-a',
        'login-b': 'ali-b',
        'login-c': 'ali-c',
        'login-d': 'ali-d',
        'auth-a': 'ali-a',
        'auth-a2': 'ali-a',
        'auth-b': 'ali-b',
        'auth-c': 'ali-c',
      },
      { alipayPrivateKeyPem: own.privateKey, certified },
    );
    wechat = await fakeWechat('wx-gov', 'wx-secret', {
      'wx-login-1': 'openid-w',
      'wx-login-2': 'openid-w',
      'wx-login-3': 'openid-o',
      'wx-login-4': 'openid-o',
      'wx-other': 'openid-someone-else',
      'wx-login-f1': 'openid-f',
      'wx-login-f2': 'openid-f',
      'wx-thief': 'openid-thief',
    });
    ctx = await E2eContext.create({
      now: '2020-02-20T02:00:00Z',
      env: {
        ALIPAY_APP_ID: '2021000000000002',
        ALIPAY_PRIVATE_KEY: app.privateKey,
        ALIPAY_PUBLIC_KEY: own.publicKey,
        ALIPAY_GATEWAY: `${alipay.url}/gateway.do`,
        WECHAT_APP_ID: 'wx-gov',
        WECHAT_APP_SECRET: 'wx-secret',
        WECHAT_API_BASE: wechat.url,
      },
    });
    ({ t, db, http } = ctx);
    db = createDataSource(t.databaseUrl, 2);
    await db.initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await ctx?.close();
    await alipay?.close();
    await wechat?.close();
  });

  const signUp = async (provider: 'alipay' | 'wechat', code: string, idNumber: string) => {
    const login = await http.post('/api/v1/auth/host-login', { provider, code });
    expect(login.status).toBe(200);
    const token = login.body.accessToken as string;
    const put = await http.put(
      '/api/v1/me/profile',
      {
        consentVersion: CONSENT_VERSION,
        name: '孙八',
        idType: 'resident-id',
        idNumber,
        phone: '13612345678',
        homeRegion: '330106',
      },
      token,
    );
    expect(put.status).toBe(200);
    return token;
  };
  const state = async (token: string) => (await http.get('/api/v1/me/profile', token)).body.verification;
  const snapshot = async () =>
    (
      await db.query(
        `SELECT (SELECT COUNT(*) FROM identity_events) e, (SELECT COUNT(*) FROM resident_codes) c,
           (SELECT GROUP_CONCAT(verification_state ORDER BY id) FROM residents) s`,
      )
    )[0];

  describe('Alipay real-name certification', () => {
    it('verifies the certified number, checking both signed answers, and issues the code', async () => {
      const token = await signUp('alipay', 'login-a', numbers.a);
      const res = await http.post('/api/v1/me/verification', { method: 'alipay', authCode: 'auth-a' }, token);
      expect(res.status).toBe(200);
      expect(res.body.verification).toMatchObject({ state: 'verified', method: 'alipay' });
      const share = alipay.requests.find((r) => r.method === 'alipay.user.info.share');
      expect(share).toMatchObject({ sign_type: 'RSA2', charset: 'utf-8' });
      expect(share?.auth_token).toMatch(/^tok-/);
      expect((await http.get('/api/v1/me/code', token)).body.color).toBe('green');
      // The certified number is never stored in clear.
      expect(JSON.stringify(await db.query('SELECT * FROM identity_events'))).not.toContain(numbers.a);
    });

    it('refuses a certification of a different number than the profile (422), changing nothing', async () => {
      const token = await signUp('alipay', 'login-b', numbers.b);
      const before = await snapshot();
      const res = await http.post('/api/v1/me/verification', { method: 'alipay', authCode: 'auth-b' }, token);
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(/different ID number than the one in your profile/);
      expect(await snapshot()).toEqual(before);
      // The same authorisation again is a replay: Alipay refuses it, and so do we.
      const replay = await http.post('/api/v1/me/verification', { method: 'alipay', authCode: 'auth-b' }, token);
      expect(replay.status).toBe(422);
      expect(replay.body.message).toMatch(/already used/);
      expect(await snapshot()).toEqual(before);
    });

    it("refuses an authorisation granted by another Alipay account, and answers whose signature is not Alipay's", async () => {
      const token = await signUp('alipay', 'login-d', validResidentId());
      const before = await snapshot();
      const other = await http.post('/api/v1/me/verification', { method: 'alipay', authCode: 'auth-a2' }, token);
      expect(other.status).toBe(422);
      expect(other.body.message).toMatch(/different Alipay account/);
      alipay.forgeSignatures = true;
      try {
        const forged = await http.post('/api/v1/me/verification', { method: 'alipay', authCode: 'auth-x' }, token);
        expect(forged.status).toBe(422);
        expect(forged.body.message).toMatch(/signature check; nothing was changed/);
      } finally {
        alipay.forgeSignatures = false;
      }
      expect(await snapshot()).toEqual(before);
      expect((await state(token)).state).toBe('unverified');
    });

    it('marks the number rejected when the Alipay account has no real-name certification', async () => {
      const token = await signUp('alipay', 'login-c', numbers.c);
      const res = await http.post('/api/v1/me/verification', { method: 'alipay', authCode: 'auth-c' }, token);
      expect(res.status).toBe(422);
      expect(await state(token)).toMatchObject({
        state: 'rejected',
        rejectedReason: 'your Alipay account has no real-name certification',
      });
      const code = await http.get('/api/v1/me/code', token);
      expect(code.status).toBe(409);
      expect(code.body.message).toMatch(/could not be verified \(your Alipay account has no real-name certification\)/);
    });
  });

  describe("WeChat's face-plus-ID check", () => {
    it('starts a face check bound to the profile identity and confirms the result with WeChat', async () => {
      const token = await signUp('wechat', 'wx-login-1', numbers.w);
      const start = await http.post('/api/v1/me/verification/wechat', { code: 'wx-login-2' }, token);
      expect(start.status).toBe(200);
      const { verifyId } = start.body;
      const issued = wechat.requests.find((r) => r.path === '/cityservice/face/identify/getverifyid');
      const sent = JSON.parse(issued?.body ?? '{}');
      expect(sent).toMatchObject({
        cert_info: { cert_type: 'IDENTITY_CARD', cert_name: '孙八', cert_no: numbers.w },
        openid: 'openid-w',
      });
      // Not done yet in the mini-program: WeChat says cancelled, nothing changes.
      const early = await http.post('/api/v1/me/verification', { method: 'wechat', verifyId }, token);
      expect(early.status).toBe(422);
      expect((await state(token)).state).toBe('unverified');

      wechat.completeFace(verifyId, 10000);
      const done = await http.post('/api/v1/me/verification', { method: 'wechat', verifyId }, token);
      expect(done.status).toBe(200);
      expect(done.body.verification).toMatchObject({ state: 'verified', method: 'wechat' });
      const query = wechat.requests.filter((r) => r.path === '/cityservice/face/identify/queryverifyinfo').pop();
      expect(JSON.parse(query?.body ?? '{}')).toEqual({
        verify_id: verifyId,
        out_seq_no: sent.out_seq_no,
        cert_hash: wechatCertHash({ cert_type: 'IDENTITY_CARD', cert_name: '孙八', cert_no: numbers.w }),
        openid: 'openid-w',
      });

      // A replay of that verify id: after an ID change it is for another number; after changing back, already used.
      const profile = {
        consentVersion: CONSENT_VERSION,
        name: '孙八',
        idType: 'resident-id',
        phone: '13612345678',
        homeRegion: '330106',
      };
      let session = (await http.put('/api/v1/me/profile', { ...profile, idNumber: validResidentId() }, token)).body
        .session.accessToken as string;
      const other = await http.post('/api/v1/me/verification', { method: 'wechat', verifyId }, session);
      expect(other.status).toBe(422);
      expect(other.body.message).toMatch(/different ID number/);
      session = (await http.put('/api/v1/me/profile', { ...profile, idNumber: numbers.w }, session)).body.session
        .accessToken;
      const before = await snapshot();
      const replay = await http.post('/api/v1/me/verification', { method: 'wechat', verifyId }, session);
      expect(replay.status).toBe(422);
      expect(replay.body.message).toMatch(/already used/);
      expect(await snapshot()).toEqual(before);
    });

    it("refuses a forged verify id, another WeChat user's login code, and marks a failed face check rejected", async () => {
      const token = await signUp('wechat', 'wx-login-f1', validResidentId());
      const before = await snapshot();
      const forged = await http.post('/api/v1/me/verification', { method: 'wechat', verifyId: 'vid-forged' }, token);
      expect(forged.status).toBe(422);
      expect(forged.body.message).toMatch(/not started from your account/);
      const stranger = await http.post('/api/v1/me/verification/wechat', { code: 'wx-other' }, token);
      expect(stranger.status).toBe(422);
      expect(stranger.body.message).toMatch(/different WeChat account/);
      expect(await snapshot()).toEqual(before);

      const start = await http.post('/api/v1/me/verification/wechat', { code: 'wx-login-f2' }, token);
      wechat.completeFace(start.body.verifyId, 90011);
      const failed = await http.post(
        '/api/v1/me/verification',
        { method: 'wechat', verifyId: start.body.verifyId },
        token,
      );
      expect(failed.status).toBe(422);
      expect(await state(token)).toMatchObject({ state: 'rejected' });
    });

    it("refuses to confirm another resident's face check", async () => {
      const owner = await signUp('wechat', 'wx-login-3', validResidentId());
      const start = await http.post('/api/v1/me/verification/wechat', { code: 'wx-login-4' }, owner);
      expect(start.status).toBe(200);
      wechat.completeFace(start.body.verifyId, 10000);
      // A resident of WeChat too, but a different one (another openid).
      const thief = await signUp('wechat', 'wx-thief', validResidentId());
      const before = await snapshot();
      const res = await http.post(
        '/api/v1/me/verification',
        { method: 'wechat', verifyId: start.body.verifyId },
        thief,
      );
      expect(res.status).toBe(422);
      expect(await snapshot()).toEqual(before);
    });
  });
});
