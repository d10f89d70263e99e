/** The only accepted signature algorithm; checked before any key is looked up. */
export const CODE_TOKEN_ALG = 'ES256';

/** Protected-header `typ`: keeps other JWTs signed with the same keys from passing as a health code. */
export const CODE_TOKEN_TYP = 'hc+jwt';

/** A code token is valid for at most this long after `iat` (seconds). */
export const CODE_TOKEN_MAX_TTL_SEC = 300;

/** Default tolerated clock difference between the signer and a checkpoint device (seconds). */
export const CODE_TOKEN_DEFAULT_CLOCK_TOLERANCE_SEC = 30;

/**
 * Longest string the verifier will even look at. A real token is about 330 characters; anything
 * several times that is not ours, and rejecting it early bounds the work done on scanner input.
 */
export const QR_TOKEN_MAX_LENGTH = 1024;

/** Protected-header `typ` of a printed card token: a card can never pass for a code token, nor a code for a card. */
export const CARD_TOKEN_TYP = 'hc-card+jwt';

/** A printed card is valid for 90 days unless the deployment configures otherwise. */
export const CARD_TOKEN_DEFAULT_TTL_SEC = 90 * 86_400;

/** The longest validity a card may be signed with (a year). */
export const CARD_TOKEN_MAX_TTL_SEC = 366 * 86_400;

/** JWS `typ` of the signed status list of non-green and revoked card ids. */
export const CARD_STATUS_LIST_TYP = 'hc-card-status+jwt';
