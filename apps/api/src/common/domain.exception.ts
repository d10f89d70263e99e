import { ApiErrorCode, type FieldError } from '@healthcode/contracts';

const STATUS: Record<ApiErrorCode, number> = {
  [ApiErrorCode.ValidationFailed]: 400,
  [ApiErrorCode.Unauthenticated]: 401,
  [ApiErrorCode.TotpRequired]: 401,
  [ApiErrorCode.TotpEnrollmentRequired]: 401,
  [ApiErrorCode.InvalidToken]: 401,
  [ApiErrorCode.ScanRejected]: 422,
  [ApiErrorCode.Forbidden]: 403,
  [ApiErrorCode.OutOfScope]: 403,
  [ApiErrorCode.ProviderDisabled]: 403,
  [ApiErrorCode.NotRegistered]: 409,
  [ApiErrorCode.NotFound]: 404,
  [ApiErrorCode.Conflict]: 409,
  [ApiErrorCode.IllegalTransition]: 409,
  [ApiErrorCode.AlreadyCheckedIn]: 409,
  [ApiErrorCode.PayloadTooLarge]: 413,
  [ApiErrorCode.UnsupportedMediaType]: 415,
  [ApiErrorCode.AccountLocked]: 423,
  [ApiErrorCode.TooManyRequests]: 429,
  [ApiErrorCode.IdNumberTaken]: 409,
  [ApiErrorCode.VerificationRequired]: 409,
  [ApiErrorCode.VerificationRefused]: 422,
  [ApiErrorCode.ProviderFailed]: 502,
  [ApiErrorCode.ServiceUnavailable]: 503,
  [ApiErrorCode.DependantNotFound]: 404,
  [ApiErrorCode.CareLinkNotActive]: 409,
  [ApiErrorCode.CareLimitReached]: 409,
  [ApiErrorCode.CareLinkRefused]: 422,
  [ApiErrorCode.ActingForNotAllowed]: 400,
  [ApiErrorCode.Internal]: 500,
};

/**
 * A refusal the caller can act on. Services throw these; the exception filter turns them into the
 * `ApiError` body. Messages never contain personal data.
 */
export class DomainException extends Error {
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainException';
    this.status = STATUS[code];
  }
}
