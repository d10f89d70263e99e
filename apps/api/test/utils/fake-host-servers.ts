import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createVerify, generateKeyPairSync } from 'node:crypto';

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

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)),
  );
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });
}

export async function fakeWechat(appId: string, secret: string, users: Record<string, string>): Promise<FakeHost> {
  const used = new Set<string>();
  const requests: Record<string, string>[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const q = Object.fromEntries(url.searchParams);
    requests.push(q);
    res.setHeader('content-type', 'application/json');
    if (url.pathname !== '/sns/jscode2session' || req.method !== 'GET') return res.writeHead(404).end('{}');
    if (q.appid !== appId || q.secret !== secret || q.grant_type !== 'authorization_code')
      return res.end(JSON.stringify({ errcode: 40013, errmsg: 'invalid appid' }));
    if (used.has(q.js_code)) return res.end(JSON.stringify({ errcode: 40163, errmsg: 'code been used' }));
    const openid = users[q.js_code];
    if (!openid) return res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
    used.add(q.js_code);
    res.end(JSON.stringify({ openid, session_key: 'c2Vzc2lvbg==' }));
  });
  const url = await listen(server);
  return { url, requests, close: () => new Promise((r) => server.close(() => r())) };
}

export function alipayKeyPair() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

export async function fakeAlipay(
  appId: string,
  publicKeyPem: string,
  users: Record<string, string>,
): Promise<FakeHost> {
  const used = new Set<string>();
  const requests: Record<string, string>[] = [];
  const server = createServer(async (req, res) => {
    const form = Object.fromEntries(new URLSearchParams(await body(req)));
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
      res.end(
        JSON.stringify({ error_response: { code: '40002', msg: 'Invalid Arguments', sub_code, sub_msg }, sign: 'x' }),
      );
    if (form.method !== 'alipay.system.oauth.token' || form.app_id !== appId || form.sign_type !== 'RSA2')
      return error('isv.invalid-app-id', 'bad app');
    if (!signed) return error('isv.invalid-signature', 'bad signature');
    if (used.has(form.code) || !users[form.code]) return error('isv.code-invalid', 'code invalid');
    used.add(form.code);
    res.end(
      JSON.stringify({
        alipay_system_oauth_token_response: { open_id: users[form.code], access_token: 'tok', expires_in: 1296000 },
        sign: 'x',
      }),
    );
  });
  const url = await listen(server);
  return { url, requests, close: () => new Promise((r) => server.close(() => r())) };
}
