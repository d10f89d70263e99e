import { ApiErrorCode, type ApiError, type FieldError } from '@healthcode/contracts';

/** Not an API code: the request never got an answer (offline, DNS, TLS, timeout). */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export type ClientErrorCode = ApiErrorCode | typeof NETWORK_ERROR;

/**
 * Every failed call rejects with this: the API's own `ApiError` body when there was one.
 * `isApiRequestError` checks a brand rather than `instanceof`, which transpiled Error subclasses break.
 */
export class ApiRequestError extends Error {
  readonly isApiRequestError = true;
  readonly statusCode: number;
  readonly code: ClientErrorCode;
  readonly errors: FieldError[];
  readonly requestId?: string;

  constructor(body: {
    statusCode: number;
    code: ClientErrorCode;
    message: string;
    errors?: FieldError[];
    requestId?: string;
  }) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.statusCode = body.statusCode;
    this.code = body.code;
    this.errors = body.errors ?? [];
    this.requestId = body.requestId;
  }
}

export function isApiRequestError(value: unknown): value is ApiRequestError {
  return (
    typeof value === 'object' && value !== null && (value as { isApiRequestError?: unknown }).isApiRequestError === true
  );
}

function isApiErrorBody(body: unknown): body is ApiError {
  const b = body as Partial<ApiError> | null;
  return typeof b === 'object' && b !== null && typeof b.code === 'string' && typeof b.message === 'string';
}

function isFieldError(value: unknown): value is FieldError {
  const v = value as Partial<FieldError> | null;
  return typeof v === 'object' && v !== null && typeof v.path === 'string' && typeof v.message === 'string';
}

/** Turns a non-2xx answer into an ApiRequestError, keeping the server's message and field errors. */
export function apiErrorFromResponse(statusCode: number, body: unknown): ApiRequestError {
  if (isApiErrorBody(body)) {
    return new ApiRequestError({
      statusCode,
      code: body.code,
      message: body.message,
      errors: Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [],
      requestId: typeof body.requestId === 'string' ? body.requestId : undefined,
    });
  }
  // A proxy or gateway page rather than the API: no message worth showing as it is.
  const code =
    statusCode === 401
      ? ApiErrorCode.Unauthenticated
      : statusCode === 404
        ? ApiErrorCode.NotFound
        : ApiErrorCode.Internal;
  return new ApiRequestError({ statusCode, code, message: `HTTP ${statusCode}` });
}

export function networkError(): ApiRequestError {
  return new ApiRequestError({ statusCode: 0, code: NETWORK_ERROR, message: 'Network error' });
}
