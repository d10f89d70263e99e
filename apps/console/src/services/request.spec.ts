import { chooseLanguage, currentLanguage } from '../i18n/i18n';
import { apiError, stubFetch } from '../test/fetch-stub';
import { signInAs } from '../test/staff-session.fixture';
import { request } from './request';
import { ApiRequestError, NetworkError } from './request-error';

describe('request', () => {
  it('prefixes /api, drops empty query values and sends JSON with the bearer token', async () => {
    const { calls } = stubFetch(() => ({ body: { ok: true } }));
    signInAs('auditor');

    await expect(
      request('/v1/things', { method: 'POST', query: { a: 1, b: '', c: undefined }, body: { x: 1 } }),
    ).resolves.toEqual({ ok: true });

    expect(calls[0]).toEqual({
      url: '/api/v1/things?a=1',
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLanguage(),
        Authorization: 'Bearer test-token',
        'Content-Type': 'application/json',
      },
      body: { x: 1 },
    });
  });

  it('asks for answers in the language the console is shown in', async () => {
    const { calls } = stubFetch(() => ({ body: {} }));
    await chooseLanguage('en');
    await request('/v1/a');
    await chooseLanguage('zh-CN');
    await request('/v1/b');
    expect(calls.map((call) => call.headers['Accept-Language'])).toEqual(['en', 'zh-CN']);
  });

  it('sends no token on anonymous calls, and none when signed out', async () => {
    const { calls } = stubFetch(() => ({ status: 204 }));
    await expect(request('/v1/a')).resolves.toBeUndefined();
    signInAs('auditor');
    await request('/v1/b', { anonymous: true });
    expect(calls.map((call) => call.headers.Authorization)).toEqual([undefined, undefined]);
  });

  it('turns an ApiError body into an ApiRequestError', async () => {
    stubFetch(() => apiError(409, 'CONFLICT', 'Already decided', [{ path: 'decision', message: 'Taken' }]));
    signInAs('supervisor');

    const error = await request('/v1/x').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      statusCode: 409,
      code: 'CONFLICT',
      message: 'Already decided',
      authenticated: true,
      body: { errors: [{ path: 'decision', message: 'Taken' }] },
    });
  });

  it('treats a refused connection and a bare proxy 5xx as the server being unreachable', async () => {
    stubFetch(() => new TypeError('Failed to fetch'));
    await expect(request('/v1/x')).rejects.toBeInstanceOf(NetworkError);

    stubFetch(() => ({ status: 502, body: '<html>Bad gateway</html>' }));
    await expect(request('/v1/x')).rejects.toBeInstanceOf(NetworkError);
  });

  it('keeps the status of a non-JSON 4xx', async () => {
    stubFetch(() => ({ status: 404, body: 'Not Found' }));
    await expect(request('/v1/x')).rejects.toMatchObject({ statusCode: 404, message: 'HTTP 404' });
  });
});
