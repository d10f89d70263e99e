/** A tiny JSON client for e2e tests: real HTTP against the listening app. */
export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export function httpClient(baseUrl: string) {
  const call = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    extraHeaders: Record<string, string> = {},
  ): Promise<HttpResult<T>> => {
    const headers: Record<string, string> = { ...extraHeaders };
    if (body !== undefined) headers['content-type'] = headers['content-type'] ?? 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // leave as text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
  return {
    /** Any method with extra headers (e.g. `X-Acting-For`). */
    send: call,
    get: <T = any>(path: string, token?: string) => call<T>('GET', path, undefined, token),
    post: <T = any>(path: string, body?: unknown, token?: string, headers?: Record<string, string>) =>
      call<T>('POST', path, body, token, headers),
    put: <T = any>(path: string, body?: unknown, token?: string) => call<T>('PUT', path, body, token),
    delete: <T = any>(path: string, token?: string) => call<T>('DELETE', path, undefined, token),
  };
}
