import { createServer, type ServerResponse } from 'node:http';
import { createHash, createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';

import { listenLocally, readBody } from './local-http-server';

/**
 * Local fakes of the host super-apps' login servers, speaking their real request formats:
 * WeChat `GET /sns/jscode2session`, Alipay gateway `POST` form with `method=alipay.system.oauth.token` signed RSA2.
 * Each accepts a code once, as the real ones do.
 */
export interface FakeHost {
  url: string;
  requests: Record<string, string>[];
  close: () => Promise<void>;
}

export interface FakeWechat extends FakeHost {
  /** What the resident's face check did in the mini-program (`wx.requestFacialVerify`): WeChat's verify_ret. */
  completeFace(verifyId: string, verifyRet: number): void;
  /** The verify ids WeChat issued, newest last. */
  verifyIds: string[];
}

/**
 * The WeChat API server: `GET /sns/jscode2session` (one use per code), `GET /cgi-bin/token`, and the face-check
 * pair `POST /cityservice/face/identify/getverifyid` and `.../queryverifyinfo`, which checks that out_seq_no, openid
 * and the cert_hash of the identity match what the verify id was issued for, as WeChat does.
 */
export async function fakeWechat(appId: string, secret: string, users: Record<string, string>): Promise<FakeWechat> {
  const used = new Set<string>();
  const requests: Record<string, string>[] = [];
  const accessToken = `at-${randomBytes(6).toString('hex')}`;
  const faces = new Map<string, { outSeqNo: string; openid: string; certHash: string; verifyRet: number | null }>();
  const verifyIds: string[] = [];
  const certHash = (c: Record<string, string>) => {
    const b64 = (v: string) => Buffer.from(v ?? '', 'utf8').toString('base64');
    return createHash('sha256')
      .update(`cert_type=${b64(c.cert_type)}&cert_name=${b64(c.cert_name)}&cert_no=${b64(c.cert_no)}`)
      .digest('hex');
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const q = Object.fromEntries(url.searchParams);
    res.setHeader('content-type', 'application/json');
    const send = (o: object) => res.end(JSON.stringify(o));
    if (req.method === 'POST') {
      let b: Record<string, unknown>;
      try {
        b = JSON.parse(await readBody(req)) as Record<string, unknown>;
      } catch {
        return send({ errcode: 47001, errmsg: 'data format error' });
      }
      requests.push({ path: url.pathname, ...q, body: JSON.stringify(b) });
      if (q.access_token !== accessToken) return send({ errcode: 40001, errmsg: 'invalid credential' });
      if (url.pathname === '/cityservice/face/identify/getverifyid') {
        const cert = b.cert_info as Record<string, string> | undefined;
        if (!/^[A-Za-z0-9_-]{5,32}$/.test(String(b.out_seq_no)) || !cert?.cert_no || !cert.cert_name || !b.openid)
          return send({ errcode: 40097, errmsg: 'invalid args' });
        const verifyId = `vid-${randomBytes(12).toString('hex')}`;
        faces.set(verifyId, {
          outSeqNo: String(b.out_seq_no),
          openid: String(b.openid),
          certHash: certHash(cert),
          verifyRet: null,
        });
        verifyIds.push(verifyId);
        return send({ errcode: 0, errmsg: 'ok', verify_id: verifyId, expires_in: 3600 });
      }
      if (url.pathname === '/cityservice/face/identify/queryverifyinfo') {
        const face = faces.get(String(b.verify_id));
        if (!face) return send({ errcode: 61006, errmsg: 'verify_id not exist' });
        if (face.outSeqNo !== b.out_seq_no || face.openid !== b.openid || face.certHash !== b.cert_hash)
          return send({ errcode: 61007, errmsg: 'verify info not match' });
        return send({ errcode: 0, errmsg: 'ok', verify_ret: face.verifyRet ?? 90002 });
      }
      return res.writeHead(404).end('{}');
    }
    requests.push(q);
    if (url.pathname === '/cgi-bin/token') {
      if (q.appid !== appId || q.secret !== secret || q.grant_type !== 'client_credential')
        return send({ errcode: 40013, errmsg: 'invalid appid' });
      return send({ access_token: accessToken, expires_in: 7200 });
    }
    if (url.pathname !== '/sns/jscode2session' || req.method !== 'GET') return res.writeHead(404).end('{}');
    if (q.appid !== appId || q.secret !== secret || q.grant_type !== 'authorization_code')
      return send({ errcode: 40013, errmsg: 'invalid appid' });
    if (used.has(q.js_code)) return send({ errcode: 40163, errmsg: 'code been used' });
    const openid = users[q.js_code];
    if (!openid) return send({ errcode: 40029, errmsg: 'invalid code' });
    used.add(q.js_code);
    send({ openid, session_key: 'c2Vzc2lvbg==' });
  });
  const url = await listenLocally(server);
  return {
    url,
    requests,
    verifyIds,
    completeFace: (verifyId, verifyRet) => {
      const face = faces.get(verifyId);
      if (face) face.verifyRet = verifyRet;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export function alipayKeyPair() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

export interface FakeAlipay extends FakeHost {
  /** Sign answers with a key that is not Alipay's (a forged answer). */
  forgeSignatures: boolean;
}

/** A certified identity as `alipay.user.info.share` shares it (`cert_type` '0' is a resident ID card). */
export interface AlipayCertifiedUser {
  cert_no: string;
  cert_type?: string;
  is_certified?: 'T' | 'F';
}

/**
 * The Alipay open-platform gateway: checks the app's RSA2 request signature, answers `alipay.system.oauth.token`
 * (one use per code) and `alipay.user.info.share` (for an access token it issued), and signs every answer as
 * Alipay does: `sign` is RSA2 by Alipay's key over the `<method>_response` (or `error_response`) JSON as sent.
 */
export async function fakeAlipay(
  appId: string,
  publicKeyPem: string,
  users: Record<string, string>,
  options: { alipayPrivateKeyPem?: string; certified?: Record<string, AlipayCertifiedUser> } = {},
): Promise<FakeAlipay> {
  const used = new Set<string>();
  const tokens = new Map<string, string>();
  const requests: Record<string, string>[] = [];
  const forger = alipayKeyPair().privateKey;
  const fake = { forgeSignatures: false } as FakeAlipay;
  const answer = (res: ServerResponse, node: string, value: object) => {
    const text = JSON.stringify(value);
    const key = fake.forgeSignatures ? forger : options.alipayPrivateKeyPem;
    const sign = key ? createSign('RSA-SHA256').update(text, 'utf8').sign(key, 'base64') : 'x';
    res.end(`{"${node}":${text},"sign":"${sign}"}`);
  };
  const server = createServer(async (req, res) => {
    const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
    requests.push(form);
    res.setHeader('content-type', 'application/json;charset=utf-8');
    const content = Object.keys(form)
      .filter((k) => k !== 'sign' && form[k] !== '')
      .sort()
      .map((k) => `${k}=${form[k]}`)
      .join('&');
    const signed =
      form.sign && createVerify('RSA-SHA256').update(content, 'utf8').verify(publicKeyPem, form.sign, 'base64');
    const error = (sub_code: string, sub_msg: string) =>
      answer(res, 'error_response', { code: '40002', msg: 'Invalid Arguments', sub_code, sub_msg });
    const methods = ['alipay.system.oauth.token', 'alipay.user.info.share'];
    if (!methods.includes(form.method) || form.app_id !== appId || form.sign_type !== 'RSA2')
      return error('isv.invalid-app-id', 'bad app');
    if (!signed) return error('isv.invalid-signature', 'bad signature');
    if (form.method === 'alipay.user.info.share') {
      const openId = tokens.get(form.auth_token);
      if (!openId) return error('isv.invalid-auth-token', 'invalid auth token');
      const cert = options.certified?.[openId];
      return answer(res, 'alipay_user_info_share_response', {
        code: '10000',
        msg: 'Success',
        open_id: openId,
        is_certified: cert?.is_certified ?? (cert ? 'T' : 'F'),
        ...(cert ? { cert_type: cert.cert_type ?? '0', cert_no: cert.cert_no, user_name: '*' } : {}),
      });
    }
    if (used.has(form.code) || !users[form.code]) return error('isv.code-invalid', 'code invalid');
    used.add(form.code);
    const accessToken = `tok-${randomBytes(8).toString('hex')}`;
    tokens.set(accessToken, users[form.code]);
    answer(res, 'alipay_system_oauth_token_response', {
      open_id: users[form.code],
      access_token: accessToken,
      expires_in: 1296000,
    });
  });
  const url = await listenLocally(server);
  return Object.assign(fake, { url, requests, close: () => new Promise<void>((r) => server.close(() => r())) });
}
