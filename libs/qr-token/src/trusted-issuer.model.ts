import type { JSONWebKeySet } from 'jose';

import type { CodeTokenClaims, CodeTokenErrorCode } from './code-token.model';

/** A peer deployment this one trusts, as published in a trust list and cached by checkpoints. */
export interface TrustedIssuer {
  /** Issuer id (`cn-34`), the `iss` claim of its tokens. */
  readonly iss: string;
  /** GB/T 2260 (or other) region code of the issuer, shown next to the colour. */
  readonly region: string;
  /** The issuer's public keys, pinned when the entry was added: a key the peer adds later is not trusted. */
  readonly jwks: JSONWebKeySet;
  /** A suspended issuer stays on the list so that checkpoints can say why its codes are refused. */
  readonly status: 'active' | 'suspended';
  /** Validity window, epoch seconds. */
  readonly nbf: number;
  readonly exp: number;
}

/** Who issued a verified token. `own` is this deployment (a token without `iss` counts as its own). */
export interface TokenIssuer {
  readonly iss: string;
  readonly region: string;
  readonly own: boolean;
}

export type IssuedTokenVerifyResult =
  | { readonly ok: true; readonly claims: CodeTokenClaims; readonly kid: string; readonly issuer: TokenIssuer }
  | {
      readonly ok: false;
      readonly error: CodeTokenErrorCode;
      readonly message: string;
      /** The issuer the token claims (only once it was found on the trust list), for the device's operator. */
      readonly issuer?: TokenIssuer;
    };
