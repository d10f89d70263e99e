export type CodeColour = 'green' | 'yellow' | 'red';

/**
 * The signed payload. Deliberately nothing personal: `cid` is a random code id that only the server
 * can map back to a resident.
 */
export interface CodeTokenClaims {
  /** Random code id, base64url (see `generateCodeId`); never a resident id, ID number or phone. */
  readonly cid: string;
  readonly col: CodeColour;
  /** Issued at, epoch seconds. */
  readonly iat: number;
  /** Expiry, epoch seconds; at most `CODE_TOKEN_MAX_TTL_SEC` after `iat`. */
  readonly exp: number;
  /** Version of the rule set that produced the colour. */
  readonly rsv: number;
  /** Code version: bumped on every colour change, so a scanner can spot a superseded token. */
  readonly cv?: number;
  /**
   * Issuer id of the deployment that signed the token (`cn-33`). Tokens signed before issuer ids existed carry
   * none and are read as the verifier's own issuer's; a peer's token must carry its issuer id.
   */
  readonly iss?: string;
}

/** What `signCodeToken` takes: `iat` defaults to now and `exp` to `iat + CODE_TOKEN_MAX_TTL_SEC`. */
export type CodeTokenInput = Omit<CodeTokenClaims, 'iat' | 'exp'> & { readonly iat?: number; readonly exp?: number };

export type CodeTokenErrorCode =
  | 'malformed'
  | 'bad-signature'
  | 'unknown-kid'
  | 'bad-alg'
  | 'expired'
  | 'not-yet-valid'
  | 'bad-claims'
  /** Issuer checks (`createTrustedVerifier`): an issuer not on the trust list, one suspended, one outside its window. */
  | 'unknown-issuer'
  | 'issuer-suspended'
  | 'issuer-outside-validity'
  /** The token names an issuer other than the one whose key signed it. */
  | 'issuer-mismatch';

export type CodeTokenVerifyResult =
  | { readonly ok: true; readonly claims: CodeTokenClaims; readonly kid: string }
  | { readonly ok: false; readonly error: CodeTokenErrorCode; readonly message: string };

export interface CodeTokenVerifyOptions {
  /** Defaults to the current time. */
  readonly now?: Date;
  /** Defaults to `CODE_TOKEN_DEFAULT_CLOCK_TOLERANCE_SEC`; at most `CODE_TOKEN_MAX_TTL_SEC`. */
  readonly clockToleranceSec?: number;
}
