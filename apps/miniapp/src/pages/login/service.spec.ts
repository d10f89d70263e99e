import { request as taroRequest, resetTaroFake } from '../../../test/taro.fake';
import { initI18n } from '../../i18n/i18n';
import { readAccessToken } from '../../services/token-store';
import { signIn } from './service';

describe('signIn (browser demo host)', () => {
  beforeAll(() => initI18n('en'));
  beforeEach(resetTaroFake);

  it('logs in with the dev provider and a dev-<name> code, then stores the token', async () => {
    taroRequest.mockResolvedValueOnce({ statusCode: 200, data: { accessToken: 'tok-9', expiresIn: 3600 } });
    await signIn('  alice ');
    expect(taroRequest).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api/v1/auth/host-login',
        method: 'POST',
        data: { provider: 'dev', code: 'dev-alice' },
      }),
    );
    expect(taroRequest.mock.calls[0][0].header.Authorization).toBeUndefined();
    expect(readAccessToken()).toBe('tok-9');
  });

  it('falls back to the default demo name', async () => {
    taroRequest.mockResolvedValueOnce({ statusCode: 200, data: { accessToken: 't', expiresIn: 60 } });
    await signIn('');
    expect(taroRequest.mock.calls[0][0].data).toEqual({ provider: 'dev', code: 'dev-demo' });
  });

  it('stores nothing when the server refuses', async () => {
    taroRequest.mockResolvedValueOnce({
      statusCode: 403,
      data: { statusCode: 403, code: 'PROVIDER_DISABLED', message: 'Demo sign-in is off' },
    });
    await expect(signIn('bob')).rejects.toMatchObject({ code: 'PROVIDER_DISABLED', message: 'Demo sign-in is off' });
    expect(readAccessToken()).toBeNull();
  });
});
