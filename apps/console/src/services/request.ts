import { type ApiError, ApiErrorCode } from '@healthcode/contracts';

import { currentLanguage } from '../i18n/i18n';
import { ApiRequestError, NetworkError } from './request-error';
import { sessionStore } from './session';

export const API_PREFIX = '/api';

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** JSON-encoded unless it is FormData (file uploads). */
  body?: unknown;
  signal?: AbortSignal;
  /** Send no bearer token (the login call itself). */
  anonymous?: boolean;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_PREFIX}${path}${search ? `?${search}` : ''}`;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isApiErrorBody(value: unknown): value is ApiError {
  const v = value as ApiError | undefined;
  return typeof v?.code === 'string' && typeof v.message === 'string';
}

/** The one way the console talks to the API: `/api` prefix, JSON both ways, the staff bearer token. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  const payload = parseJson(await response.text());
  if (response.ok) return payload as T;
  throw toRequestError(response.status, payload, !options.anonymous && Boolean(sessionStore.get()?.accessToken));
}

/** A file the API serves behind the bearer token (evidence, error reports): fetched, never linked. */
export async function requestBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  const response = await send(path, options);
  if (response.ok) return response.blob();
  throw toRequestError(response.status, parseJson(await response.text()), Boolean(sessionStore.get()?.accessToken));
}

function toRequestError(status: number, payload: unknown, authenticated: boolean): Error {
  if (isApiErrorBody(payload)) return new ApiRequestError({ ...payload, statusCode: status }, authenticated);
  // The API always answers errors in JSON; a bare 5xx comes from a proxy that could not reach it.
  if (status >= 500) return new NetworkError(`HTTP ${status} without an API error body`);
  return new ApiRequestError(
    { statusCode: status, code: status === 401 ? ApiErrorCode.Unauthenticated : ApiErrorCode.Internal, message: '' },
    authenticated,
  );
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const { method = 'GET', query, body, signal, anonymous = false } = options;
  const token = anonymous ? undefined : sessionStore.get()?.accessToken;
  // The API words its messages in the language the console is shown in.
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (token) headers.Authorization = `Bearer ${token}`;
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError('fetch failed', { cause: error });
  }

  return response;
}
