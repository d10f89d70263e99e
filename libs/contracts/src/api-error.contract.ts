/** Every 4xx/5xx body the API sends has this shape, so both front ends can show `message` as it is. */
export enum ApiErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  OutOfScope = 'OUT_OF_SCOPE',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  AccountLocked = 'ACCOUNT_LOCKED',
  TotpRequired = 'TOTP_REQUIRED',
  /** The password was right; the account has no authenticator yet: enroll one (POST /v1/staff/login/enroll), then send its code. */
  TotpEnrollmentRequired = 'TOTP_ENROLLMENT_REQUIRED',
  NotRegistered = 'NOT_REGISTERED',
  AlreadyCheckedIn = 'ALREADY_CHECKED_IN',
  ProviderDisabled = 'PROVIDER_DISABLED',
  ProviderFailed = 'PROVIDER_FAILED',
  /** Something this server needs for the request is missing or down (e.g. the printed card's font): try later. */
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  InvalidToken = 'INVALID_TOKEN',
  /** A scanned QR token was refused (malformed, forged, expired, unknown key or code); counted as a rejected scan. */
  ScanRejected = 'SCAN_REJECTED',
  /** The ID number is bound to another live account (same answer whatever that account holds). */
  IdNumberTaken = 'ID_NUMBER_TAKEN',
  /** No code until the profile's ID number is verified; the message says how. */
  VerificationRequired = 'VERIFICATION_REQUIRED',
  /** A host verification was forged, replayed, badly signed or for another person: nothing changed. */
  VerificationRefused = 'VERIFICATION_REFUSED',
  /** Acting for someone who is not (or no longer) your dependant, or a link that is not yours: same answer as missing. */
  DependantNotFound = 'DEPENDANT_NOT_FOUND',
  /** The care link is pending (waiting for the dependant) or removed. */
  CareLinkNotActive = 'CARE_LINK_NOT_ACTIVE',
  /** A carer already has the most dependants, or a dependant the most carers, this deployment allows. */
  CareLimitReached = 'CARE_LIMIT_REACHED',
  /** Not a valid care link: yourself, an adult through the minor route, a minor through the adult route. */
  CareLinkRefused = 'CARE_LINK_REFUSED',
  /** `X-Acting-For` on a route a carer cannot use for someone else (profile changes, erasure, care links). */
  ActingForNotAllowed = 'ACTING_FOR_NOT_ALLOWED',
  Internal = 'INTERNAL',
}

export interface FieldError {
  /** Dotted path of the offending field, e.g. `stays.3.to`. Empty for whole-body errors. */
  path: string;
  message: string;
}

export interface ApiError {
  statusCode: number;
  code: ApiErrorCode;
  message: string;
  errors?: FieldError[];
  requestId?: string;
}
