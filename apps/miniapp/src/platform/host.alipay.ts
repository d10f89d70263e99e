import type { HostAdapter } from './host.type';

interface AlipayAuthCodeResult {
  authCode: string;
}

/** The Alipay global; declared here because only this file may touch it. */
declare const my: {
  getAuthCode(options: {
    scopes: string;
    success: (res: AlipayAuthCodeResult) => void;
    fail: (err: unknown) => void;
  }): void;
};

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/** Alipay: absolute API host from the build (`API_BASE`), silent `auth_base` login code. */
export const host: HostAdapter = {
  apiBase: `${API_BASE.replace(/\/+$/, '')}/api`,
  provider: 'alipay',
  asksForDemoName: false,
  loginCode: () =>
    new Promise<string>((resolve, reject) => {
      my.getAuthCode({ scopes: 'auth_base', success: (res) => resolve(res.authCode), fail: reject });
    }),
  // my.request calls `fail` with error 19 and the real `status` and `data` for every non-2xx answer.
  responseFromFailure: (failure) => {
    const f = failure as { status?: unknown; data?: unknown } | null;
    return f && typeof f.status === 'number' && f.status > 0 ? { statusCode: f.status, data: parseBody(f.data) } : null;
  },
};
