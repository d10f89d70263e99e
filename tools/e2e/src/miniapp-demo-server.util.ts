import { type RunningServer, startBuiltServer } from './server.util';
import { staffApiToken } from './staff-login.util';

export type DemoServer = RunningServer;

/** The built API and worker in demo mode: one staff account per role, and the worker delivers notifications. */
export function startDemoServer(): Promise<DemoServer> {
  return startBuiltServer({ mode: 'demo', worker: true });
}

/** JSON over HTTP against the running API. */
export function api(baseUrl: string) {
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: token.startsWith('Device ') ? token : `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as any) : null };
  };
  return {
    get: (path: string, token?: string) => call('GET', path, undefined, token),
    post: (path: string, body: unknown, token?: string) => call('POST', path, body, token),
    /** A demo staff session; TOTP accounts get a fresh code from the seeded secret. */
    staffLogin: (username: string, totpSecret?: string) => staffApiToken(baseUrl, username, totpSecret),
    residentLogin: async (demoName: string) => {
      const res = await call('POST', '/api/v1/auth/host-login', { provider: 'dev', code: `dev-${demoName}` });
      if (res.status !== 200 && res.status !== 201)
        throw new Error(`host login: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
  };
}
