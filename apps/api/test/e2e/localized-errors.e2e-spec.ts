import { E2eContext } from '../utils/e2e-context';
import type { TestApp } from '../utils/test-app';

const HAN = /[\u4e00-\u9fff]/;

interface ErrorBody {
  code: string;
  message: string;
  errors: { path: string; message: string }[];
}
const json = async (res: Response) => (await res.json()) as ErrorBody;

/** Every error a person can see is worded in the language the request asks for (Accept-Language). */
describe("errors in the caller's language (e2e)", () => {
  let ctx: E2eContext;
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    ctx = await E2eContext.create();
    ({ t } = ctx);
    ({ token } = await ctx.newResident());
  });
  afterAll(() => ctx?.close());

  const get = (path: string, language?: string) =>
    fetch(`${t.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}`, ...(language ? { 'accept-language': language } : {}) },
    });
  const post = (path: string, body: unknown, language: string) =>
    fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': language },
      body: JSON.stringify(body),
    });

  it('answers a domain error in Chinese or English, with the same code', async () => {
    const zh = await get('/api/v1/me/appeals/987654', 'zh-CN,zh;q=0.9,en;q=0.8');
    const en = await get('/api/v1/me/appeals/987654', 'en-US');
    expect(zh.status).toBe(404);
    expect(zh.headers.get('content-language')).toBe('zh-CN');
    const [zhBody, enBody] = [await json(zh), await json(en)];
    expect(zhBody).toMatchObject({ code: enBody.code, message: '您没有 #987654 号申诉' });
    expect(enBody.message).toBe('You have no appeal #987654');
  });

  it('words validation errors field by field, paths unchanged', async () => {
    const body = { currentRegion: '999999', stays: [{ region: '330106', from: '2020-13-40', to: 3 }], extra: true };
    const zh = await json(await post('/api/v1/me/declarations', body, 'zh-CN'));
    const en = await json(await post('/api/v1/me/declarations', body, 'en'));
    expect(zh.code).toBe('VALIDATION_FAILED');
    expect(zh.errors.map((e: { path: string }) => e.path)).toEqual(en.errors.map((e: { path: string }) => e.path));
    for (const e of zh.errors) expect(e.message).toMatch(HAN);
    expect(zh.message).toMatch(HAN);
    for (const e of en.errors) expect(e.message).not.toMatch(HAN);
  });

  it('words framework errors too: an unknown route and a broken body', async () => {
    expect((await json(await get('/api/v1/no-such-thing', 'zh-CN'))).message).toBe('没有这个接口或资源');
    const broken = await fetch(`${t.baseUrl}/api/v1/me/declarations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': 'zh' },
      body: '{"currentRegion":',
    });
    expect(broken.status).toBe(400);
    expect((await json(broken)).message).toBe('请求体不是有效的 JSON');
  });

  it('speaks English without a usable Accept-Language', async () => {
    expect((await json(await get('/api/v1/me/appeals/1'))).message).toBe('You have no appeal #1');
    expect((await json(await get('/api/v1/me/appeals/1', 'fr-FR'))).message).toBe('You have no appeal #1');
  });
});
