import { createSign, createVerify } from 'node:crypto';
import { createServer } from 'node:http';

import { listenLocally, readBody } from './local-http-server';

/**
 * Local fakes of the host apps' message servers, speaking their real formats:
 * WeChat `GET /cgi-bin/token` + `POST /cgi-bin/message/subscribe/send?access_token=`, and the Alipay gateway
 * form POST of `alipay.open.app.mini.templatemessage.send` signed RSA2. `script` decides each send's answer.
 */
export interface FakeMessageServer {
  url: string;
  /** Every message accepted or refused, as received (JSON body / form fields). */
  sends: Record<string, unknown>[];
  tokenRequests: Record<string, string>[];
  close: () => Promise<void>;
}

/** `script(n)` is the errcode of the n-th send (1-based); 0 accepts it. */
export async function fakeWechatMessages(
  appId: string,
  secret: string,
  script: (n: number) => number = () => 0,
  /** `expires_in` of issued tokens; a token older than that (or replaced by a newer one) is refused with 40001. */
  expiresIn = 7200,
): Promise<FakeMessageServer> {
  const sends: Record<string, unknown>[] = [];
  const tokenRequests: Record<string, string>[] = [];
  let issued = 0;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/cgi-bin/token' && req.method === 'GET') {
      const q = Object.fromEntries(url.searchParams);
      tokenRequests.push(q);
      if (q.grant_type !== 'client_credential' || q.appid !== appId || q.secret !== secret)
        return res.end(JSON.stringify({ errcode: 40013, errmsg: 'invalid appid' }));
      // Like WeChat, the answer takes a moment: concurrent callers that each fetch would each be counted.
      await new Promise((r) => setTimeout(r, 30));
      return res.end(JSON.stringify({ access_token: `tok-${++issued}`, expires_in: expiresIn }));
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      if (!url.searchParams.get('access_token')?.startsWith('tok-'))
        return res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
      const message = JSON.parse(await readBody(req)) as Record<string, unknown>;
      sends.push(message);
      const errcode = script(sends.length);
      return res.end(JSON.stringify({ errcode, errmsg: errcode ? 'refused' : 'ok' }));
    }
    res.writeHead(404).end('{}');
  });
  const url = await listenLocally(server);
  return { url, sends, tokenRequests, close: () => new Promise((r) => server.close(() => r())) };
}

/** `script(n)` is the gateway `code` of the n-th send ('10000' accepts it). */
export async function fakeAlipayMessages(
  appId: string,
  publicKeyPem: string,
  script: (n: number) => string = () => '10000',
  /** Alipay's own key: answers are signed like the real gateway's (RSA2 over the `_response` JSON as sent). */
  alipayPrivateKeyPem?: string,
): Promise<FakeMessageServer> {
  const sends: Record<string, unknown>[] = [];
  const server = createServer(async (req, res) => {
    const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
    res.setHeader('content-type', 'application/json;charset=utf-8');
    const content = Object.keys(form)
      .filter((k) => k !== 'sign' && form[k] !== '')
      .sort()
      .map((k) => `${k}=${form[k]}`)
      .join('&');
    const signed =
      Boolean(form.sign) &&
      createVerify('RSA-SHA256').update(content, 'utf8').verify(publicKeyPem, form.sign, 'base64');
    const answer = (code: string, sub_code?: string) => {
      const text = JSON.stringify({ code, msg: code === '10000' ? 'Success' : 'Business Failed', sub_code });
      const sign = alipayPrivateKeyPem
        ? createSign('RSA-SHA256').update(text, 'utf8').sign(alipayPrivateKeyPem, 'base64')
        : 'x';
      res.end(`{"alipay_open_app_mini_templatemessage_send_response":${text},"sign":"${sign}"}`);
    };
    if (
      form.method !== 'alipay.open.app.mini.templatemessage.send' ||
      form.app_id !== appId ||
      form.sign_type !== 'RSA2'
    )
      return answer('40002', 'isv.invalid-app-id');
    if (!signed) return answer('40002', 'isv.invalid-signature');
    // A subscription message names its receiver and template, a page and the keyword data as a JSON string.
    const biz = JSON.parse(form.biz_content ?? '{}') as Record<string, unknown>;
    if (!(biz.to_user_id || biz.to_open_id) || !biz.user_template_id || typeof biz.data !== 'string')
      return answer('40004', 'isv.invalid-param');
    sends.push(form);
    const code = script(sends.length);
    return answer(code, code === '10000' ? undefined : 'isv.some-error');
  });
  const url = await listenLocally(server);
  return { url, sends, tokenRequests: [], close: () => new Promise((r) => server.close(() => r())) };
}
