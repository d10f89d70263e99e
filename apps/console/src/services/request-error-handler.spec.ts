import type { FormInstance } from 'antd';

import { signInAs } from '../test/staff-session.fixture';
import { installFeedback } from './feedback';
import { ApiRequestError, NetworkError } from './request-error';
import { handleRequestError } from './request-error-handler';
import { sessionStore } from './session';

const apiFailure = (
  statusCode: number,
  code: string,
  message: string,
  authenticated = true,
  errors?: { path: string; message: string }[],
) => new ApiRequestError({ statusCode, code: code as never, message, errors }, authenticated);

describe('handleRequestError', () => {
  const message = { error: jest.fn(), warning: jest.fn() };
  const notification = { error: jest.fn() };

  beforeEach(() => {
    jest.clearAllMocks();
    installFeedback({ message, notification } as never);
  });
  afterEach(() => installFeedback(undefined));

  it("shows the API's message as it is", () => {
    expect(handleRequestError(apiFailure(409, 'CONFLICT', 'Appeal already decided'))).toBe('Appeal already decided');
    expect(message.error).toHaveBeenCalledWith(expect.objectContaining({ content: 'Appeal already decided' }));
  });

  it('returns the text without a toast when the caller shows it inline', () => {
    expect(handleRequestError(apiFailure(423, 'ACCOUNT_LOCKED', 'Locked'), { notify: false })).toBe('Locked');
    expect(message.error).not.toHaveBeenCalled();
  });

  it('maps field errors onto the form, numeric segments as list indexes', () => {
    const form = { setFields: jest.fn() } as unknown as FormInstance;
    const error = apiFailure(400, 'VALIDATION_FAILED', 'Invalid', true, [
      { path: 'stays.3.to', message: 'Too late' },
      { path: '', message: 'Whole body' },
    ]);

    handleRequestError(error, { form });

    expect(form.setFields).toHaveBeenCalledWith([{ name: ['stays', 3, 'to'], errors: ['Too late'] }]);
    expect(message.error).toHaveBeenCalledWith(expect.objectContaining({ content: 'Invalid' }));
  });

  it('ends the session on a 401 to an authenticated call, once for many failures', () => {
    signInAs('supervisor');
    handleRequestError(apiFailure(401, 'UNAUTHENTICATED', 'jwt expired'), { notify: false });

    expect(sessionStore.get()).toBeNull();
    expect(message.warning).toHaveBeenCalledWith({ key: 'session-expired', content: '登录已过期，请重新登录。' });
  });

  it('leaves the session alone on an anonymous 401 (a failed login)', () => {
    signInAs('supervisor');
    handleRequestError(apiFailure(401, 'UNAUTHENTICATED', 'Wrong password', false), { notify: false });
    expect(sessionStore.get()).not.toBeNull();
  });

  it('reports an unreachable server as a notification', () => {
    handleRequestError(new NetworkError('down'));
    expect(notification.error).toHaveBeenCalledWith(
      expect.objectContaining({ title: '无法连接服务器，请检查网络后重试。' }),
    );
  });
});
