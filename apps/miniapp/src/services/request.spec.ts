import { ApiErrorCode } from '@healthcode/contracts';

import { request as taroRequest, resetTaroFake, storage } from '../../test/taro.fake';
import { initI18n, setLocale } from '../i18n/i18n';
import { isApiRequestError, NETWORK_ERROR, type ApiRequestError } from './api-request-error';
import { buildUrl, request, setUnauthenticatedHandler } from './request';
import { clearActingFor, saveActingFor } from '../session/acting-for-store';
import { clearAccessToken, readAccessToken, saveAccessToken } from './token-store';

async function rejection(promise: Promise<unknown>): Promise<ApiRequestError> {
  try {
    await promise;
  } catch (error) {
    if (isApiRequestError(error)) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('request', () => {
  beforeAll(() => {
    initI18n('en');
  });
  beforeEach(() => {
    resetTaroFake();
    setLocale('en');
    setUnauthenticatedHandler(null);
  });

  it('builds same-origin /api/v1 URLs in the browser build and encodes the query', () => {
    expect(buildUrl('/rules', { region: '330106', empty: '', none: undefined })).toBe('/api/v1/rules?region=330106');
    expect(buildUrl('/me/code')).toBe('/api/v1/me/code');
  });

  it('sends JSON with the bearer token and the locale, and returns the body of a 2xx answer', async () => {
    saveAccessToken('tok-1', 3600);
    taroRequest.mockResolvedValueOnce({ statusCode: 200, data: { color: 'green' }, header: {} });

    await expect(request('POST', '/me/check-ins', { healthy: true })).resolves.toEqual({ color: 'green' });

    expect(taroRequest).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api/v1/me/check-ins',
        method: 'POST',
        data: { healthy: true },
        header: expect.objectContaining({
          Authorization: 'Bearer tok-1',
          'Content-Type': 'application/json',
          'Accept-Language': 'en',
        }),
      }),
    );
  });

  it('names the dependant in X-Acting-For only on calls made for them, while acting for someone', async () => {
    saveAccessToken('tok-9', 3600);
    saveActingFor({ dependantId: '0190f5e2-0000-7000-8000-000000000001', name: '李**' });
    taroRequest.mockResolvedValue({ statusCode: 200, data: {}, header: {} });
    await request('GET', '/me/code', undefined, { actingFor: true });
    await request('DELETE', '/me');
    clearActingFor();
    await request('GET', '/me/code', undefined, { actingFor: true });
    const headers = taroRequest.mock.calls.map((c) => (c[0].header as Record<string, string>)['x-acting-for']);
    expect(headers).toEqual(['0190f5e2-0000-7000-8000-000000000001', undefined, undefined]);
  });

  it('sends no Content-Type without a body (a DELETE with an empty JSON body is malformed)', async () => {
    saveAccessToken('tok-3', 3600);
    taroRequest.mockResolvedValueOnce({ statusCode: 200, data: { receiptId: 'r' }, header: {} });
    await request('DELETE', '/me');
    const header = taroRequest.mock.calls[0][0].header as Record<string, string>;
    expect(Object.keys(header).map((k) => k.toLowerCase())).not.toContain('content-type');
    expect(header.Authorization).toBe('Bearer tok-3');
  });

  it('sends no Authorization header without a token or for anonymous calls', async () => {
    taroRequest.mockResolvedValue({ statusCode: 200, data: {}, header: {} });
    await request('GET', '/rules/changelog');
    saveAccessToken('tok-2', 3600);
    await request('GET', '/rules/changelog', undefined, { anonymous: true });
    for (const call of taroRequest.mock.calls) expect(call[0].header.Authorization).toBeUndefined();
  });

  it('turns an ApiError body into a typed ApiRequestError with field errors', async () => {
    taroRequest.mockResolvedValueOnce({
      statusCode: 400,
      data: {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Check the fields',
        errors: [{ path: 'stays.3.to', message: 'Too late' }, { bogus: 1 }],
      },
    });
    const error = await rejection(request('POST', '/me/declarations', {}));
    expect(error).toMatchObject({ statusCode: 400, code: ApiErrorCode.ValidationFailed, message: 'Check the fields' });
    expect(error.errors).toEqual([{ path: 'stays.3.to', message: 'Too late' }]);
  });

  it('keeps the server message of a refused second check-in', async () => {
    taroRequest.mockResolvedValueOnce({
      statusCode: 409,
      data: { statusCode: 409, code: 'ALREADY_CHECKED_IN', message: 'You already checked in today' },
    });
    const error = await rejection(request('POST', '/me/check-ins', { healthy: true }));
    expect(error.code).toBe(ApiErrorCode.AlreadyCheckedIn);
    expect(error.message).toBe('You already checked in today');
  });

  it('maps a non-API error page to a generic error', async () => {
    taroRequest.mockResolvedValueOnce({ statusCode: 502, data: '<html>Bad gateway</html>' });
    const error = await rejection(request('GET', '/me/code'));
    expect(error).toMatchObject({ statusCode: 502, code: ApiErrorCode.Internal });
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    taroRequest.mockRejectedValueOnce({ errMsg: 'request:fail timeout' });
    const error = await rejection(request('GET', '/me/code'));
    expect(error).toMatchObject({ statusCode: 0, code: NETWORK_ERROR });
  });

  it('forgets a refused token and tells the app shell once', async () => {
    const onUnauthenticated = jest.fn();
    setUnauthenticatedHandler(onUnauthenticated);
    saveAccessToken('stale', 3600);
    taroRequest.mockResolvedValueOnce({
      statusCode: 401,
      data: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in again' },
    });

    const error = await rejection(request('GET', '/me/profile'));

    expect(error.code).toBe(ApiErrorCode.Unauthenticated);
    expect(readAccessToken()).toBeNull();
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });
});

describe('token store', () => {
  beforeEach(resetTaroFake);

  it('stores the token with its expiry and drops it shortly before it expires', () => {
    saveAccessToken('abc', 600, 1_000_000);
    expect(readAccessToken(1_000_000 + 500_000)).toBe('abc');
    expect(readAccessToken(1_000_000 + 590_000)).toBeNull();
    expect(storage.size).toBe(0);
  });

  it('clears the token', () => {
    saveAccessToken('abc', 600);
    clearAccessToken();
    expect(readAccessToken()).toBeNull();
  });
});
