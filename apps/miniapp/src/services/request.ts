import Taro from '@tarojs/taro';

import { ACTING_FOR_HEADER } from '@healthcode/contracts';

import { currentLocale } from '../i18n/i18n';
import { host } from '../platform/host';
import { apiErrorFromResponse, networkError } from './api-request-error';
import { readActingFor } from '../session/acting-for-store';
import { clearAccessToken, readAccessToken } from './token-store';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type QueryParams = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  query?: QueryParams;
  /** Skip the bearer token even when one is stored (public endpoints still work signed in). */
  anonymous?: boolean;
  /** Replaces the resident's bearer token (a staff session, or a checkpoint's `Device …` credential). */
  authorization?: string;
  /** For a prepared binary body (multipart uploads); JSON otherwise. */
  contentType?: string;
  /** The path is from the API's origin (e.g. `/.well-known/jwks.json`), not under `/api/v1`. */
  fromOrigin?: boolean;
  /**
   * The call serves the dependant the carer is acting for, when there is one (`X-Acting-For`). Only the routes the
   * API lets a carer use for someone else set it: code, history, declarations, check-ins, appeals, the printed card and
   * its scans.
   */
  actingFor?: boolean;
}

const API_VERSION_PREFIX = '/v1';

let unauthenticatedHandler: (() => void) | null = null;

/** Called once, by the app shell: what to do when the server no longer accepts our token. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

/** `/.well-known/…` lives beside `/api`, on the same origin. */
export function originUrl(path: string): string {
  return `${host.apiBase.replace(/\/api$/, '')}${path}`;
}

export function buildUrl(path: string, query?: QueryParams): string {
  const params = Object.entries(query ?? {})
    .filter(
      (entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== null && entry[1] !== '',
    )
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${host.apiBase}${API_VERSION_PREFIX}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

/**
 * The only way the app talks to the API: JSON in and out, the bearer token attached, and every
 * non-2xx answer (or no answer) rejected as an ApiRequestError.
 */
export async function request<T>(
  method: HttpMethod,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const token = options.anonymous || options.authorization ? null : readAccessToken();
  const header: Record<string, string> = { 'Accept-Language': currentLocale() };
  // No body, no content type: a JSON content type with an empty body is malformed, and servers may refuse it.
  if (body !== undefined) header['Content-Type'] = options.contentType ?? 'application/json';
  if (token) header.Authorization = `Bearer ${token}`;
  if (options.authorization) header.Authorization = options.authorization;
  const acting = options.actingFor && token ? readActingFor() : null;
  if (acting) header[ACTING_FOR_HEADER] = acting.dependantId;
  const url = options.fromOrigin ? originUrl(path) : buildUrl(path, options.query);

  let statusCode: number;
  let data: unknown;
  try {
    const res = await Taro.request({ url, method, data: body as never, header, dataType: 'json' });
    statusCode = res.statusCode;
    data = res.data;
  } catch (failure) {
    const recovered = host.responseFromFailure(failure);
    if (!recovered) throw networkError();
    ({ statusCode, data } = recovered);
  }

  if (statusCode >= 200 && statusCode < 300) return data as T;
  const error = apiErrorFromResponse(statusCode, data);
  if (statusCode === 401 && token) {
    clearAccessToken();
    unauthenticatedHandler?.();
  }
  throw error;
}
