/** What a stubbed API call answers: a status and a JSON body, or an error thrown by fetch itself. */
export type StubReply = { status?: number; body?: unknown } | Error;

export interface StubbedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Replaces `fetch`, the console's only network boundary, for one test. The handler sees each call;
 * `calls` records them for assertions. jsdom has no Response class, so replies are minimal look-alikes
 * offering what `services/request.ts` reads (`ok`, `status`, `text()`, `blob()`).
 */
export function stubFetch(handler: (call: StubbedCall) => StubReply | Promise<StubReply>) {
  const calls: StubbedCall[] = [];
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: StubbedCall = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    calls.push(call);
    const reply = await handler(call);
    if (reply instanceof Error) throw reply;
    const status = reply.status ?? 200;
    const text =
      reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return {
      ok: status >= 200 && status < 300,
      status,
      text: async () => text,
      blob: async () => new Blob([text]),
    } as Response;
  });
  globalThis.fetch = fetchMock as typeof fetch;
  return { calls, fetchMock };
}

/** A fetch that never settles, to look at loading states. */
export function stubPendingFetch() {
  return stubFetch(() => new Promise<never>(() => {}));
}

export function apiError(status: number, code: string, message: string, errors?: { path: string; message: string }[]) {
  return { status, body: { statusCode: status, code, message, ...(errors ? { errors } : {}) } };
}
