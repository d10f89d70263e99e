import type { ApiError, ApiErrorCode } from '@healthcode/contracts';

/** The API answered with an error body (`ApiError`), or with a status we could read. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';

  constructor(
    readonly body: ApiError,
    /** Whether a bearer token went with the request: only then does a 401 mean "session over". */
    readonly authenticated: boolean,
  ) {
    super(body.message || `HTTP ${body.statusCode}`);
  }

  get statusCode(): number {
    return this.body.statusCode;
  }

  get code(): ApiErrorCode {
    return this.body.code;
  }
}

/** No usable answer: offline, DNS, refused connection, or a proxy that could not reach the API. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

export function isApiErrorCode(error: unknown, code: ApiErrorCode): error is ApiRequestError {
  return error instanceof ApiRequestError && error.code === code;
}
