import { screen, waitFor } from '@testing-library/react';

import { sessionStore } from '../../services/session';
import { apiError, stubFetch, type StubbedCall } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { staffIdentity } from '../../test/staff-session.fixture';

const LOGIN_URL = '/api/v1/staff/login';
const signedIn = (role: Parameters<typeof staffIdentity>[0] = 'hotline-agent') => ({
  status: 200,
  body: { accessToken: 'jwt-abc', expiresIn: 900, staff: staffIdentity(role) },
});
const emptyStats = {
  status: 200,
  body: { region: '3301', counts: { green: 0, yellow: 0, red: 0 }, children: [], trend: [] },
};

/** Routes stubbed calls: login answers come from `loginReplies` in order, the dashboard gets empty stats. */
function stubApi(...loginReplies: Parameters<Parameters<typeof stubFetch>[0]> extends never ? never : unknown[]) {
  const queue = [...loginReplies];
  return stubFetch((call: StubbedCall) => {
    if (call.url === LOGIN_URL) return (queue.shift() ?? signedIn()) as never;
    return emptyStats;
  });
}

async function fillCredentials(user: ReturnType<typeof renderApp>['user'], password = 's3cret!') {
  await user.type(await screen.findByLabelText('用户名'), 'wang.li');
  await user.type(screen.getByLabelText('密码'), `${password}{Enter}`);
}

describe('login page', () => {
  it('signs in with username and password, submitting with Enter', async () => {
    const { calls } = stubApi(signedIn());
    const { user, router } = renderApp('/login');

    await fillCredentials(user);

    expect(await screen.findByRole('heading', { name: '概览' })).toBeInTheDocument();
    const login = calls.find((call) => call.url === LOGIN_URL)!;
    expect(login).toMatchObject({ method: 'POST', body: { username: 'wang.li', password: 's3cret!' } });
    expect(login.headers.Authorization).toBeUndefined();
    expect(sessionStore.get()).toMatchObject({ accessToken: 'jwt-abc', staff: { role: 'hotline-agent' } });
    expect(router.state.location.pathname).toBe('/dashboard');
  });

  it('asks for the authenticator code when the API answers TOTP_REQUIRED, then signs in', async () => {
    const { calls } = stubApi(apiError(401, 'TOTP_REQUIRED', 'A one-time code is required'), signedIn('supervisor'));
    const { user } = renderApp('/login');

    await fillCredentials(user);
    const code = await screen.findByLabelText('验证码');
    expect(screen.queryByLabelText('密码')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.type(code, '123456{Enter}');

    expect(await screen.findByRole('heading', { name: '概览' })).toBeInTheDocument();
    const logins = calls.filter((call) => call.url === LOGIN_URL).map((call) => call.body);
    expect(logins).toEqual([
      { username: 'wang.li', password: 's3cret!' },
      { username: 'wang.li', password: 's3cret!', totp: '123456' },
    ]);
  });

  it('checks the code format before sending it, and can go back to step one', async () => {
    const { calls } = stubApi(apiError(401, 'TOTP_REQUIRED', 'A one-time code is required'));
    const { user } = renderApp('/login');

    await fillCredentials(user);
    await user.type(await screen.findByLabelText('验证码'), '12ab{Enter}');
    expect(await screen.findByText('请输入 6 位数字')).toBeInTheDocument();
    expect(calls.filter((call) => call.url === LOGIN_URL)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: '返回' }));
    expect(await screen.findByLabelText('用户名')).toHaveValue('wang.li');
    expect(screen.getByLabelText('密码')).toHaveValue('');
  });

  it('shows a wrong code as the API words it', async () => {
    stubApi(
      apiError(401, 'TOTP_REQUIRED', 'A one-time code is required'),
      apiError(401, 'UNAUTHENTICATED', 'Wrong one-time code'),
    );
    const { user } = renderApp('/login');

    await fillCredentials(user);
    await user.type(await screen.findByLabelText('验证码'), '654321{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong one-time code');
    expect(sessionStore.get()).toBeNull();
  });

  it.each([
    ['ACCOUNT_LOCKED', 423, 'Account locked until 10:30 after 5 failed attempts'],
    ['TOO_MANY_REQUESTS', 429, 'Too many attempts: try again in 60 seconds'],
    ['UNAUTHENTICATED', 401, 'Wrong username or password'],
  ])('shows %s as given', async (code, status, message) => {
    stubApi(apiError(status, code, message));
    const { user } = renderApp('/login');

    await fillCredentials(user);

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByLabelText('密码')).toBeInTheDocument();
    expect(sessionStore.get()).toBeNull();
  });

  it('says so clearly when the server cannot be reached', async () => {
    stubFetch(() => new TypeError('Failed to fetch'));
    const { user } = renderApp('/login');

    await fillCredentials(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('无法连接服务器');
  });

  it('puts field errors from the API under the fields', async () => {
    stubApi(
      apiError(400, 'VALIDATION_FAILED', 'The request is invalid', [
        { path: 'username', message: 'At most 64 characters' },
      ]),
    );
    const { user } = renderApp('/login');

    await fillCredentials(user);

    expect(await screen.findByText('At most 64 characters')).toBeInTheDocument();
  });

  it('validates required fields without calling the API', async () => {
    const { fetchMock } = stubApi();
    const { user } = renderApp('/login');

    await user.click(await screen.findByRole('button', { name: '登录' }));

    expect(await screen.findAllByText('请填写此项')).toHaveLength(2);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('switches language, remembers it and updates <html lang>', async () => {
    stubApi();
    const { user } = renderApp('/login');

    await user.click(await screen.findByRole('radio', { name: 'English' }));

    expect(await screen.findByLabelText('Username')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Staff sign-in' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('healthcode.console.language')).toBe('en');
  });

  it('returns to the page that asked for a login', async () => {
    stubApi(signedIn('hotline-agent'));
    const { user, router } = renderApp('/appeals');

    await fillCredentials(user);

    await waitFor(() => expect(router.state.location.pathname).toBe('/appeals'));
  });
});
