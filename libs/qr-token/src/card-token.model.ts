import type { CodeTokenErrorCode } from './code-token.model';

/**
 * The signed payload of a printed card's QR code. No colour and nothing personal: which deployment issued it,
 * a random card id that only the issuer can map to a resident, and when it is valid.
 */
export interface CardTokenClaims {
  /** Issuer id of the deployment (`cn-33`). */
  readonly iss: string;
  /** Random card id, base64url (see `generateCodeId`); never a resident id, ID number or phone. */
  readonly crd: string;
  /** Valid from, epoch seconds. */
  readonly nbf: number;
  /** Valid until, epoch seconds; at most `CARD_TOKEN_MAX_TTL_SEC` after `nbf`. */
  readonly exp: number;
}

export type CardTokenErrorCode = Exclude<
  CodeTokenErrorCode,
  'unknown-issuer' | 'issuer-suspended' | 'issuer-outside-validity' | 'issuer-mismatch'
>;

export type CardTokenVerifyResult =
  | { readonly ok: true; readonly claims: CardTokenClaims; readonly kid: string }
  | { readonly ok: false; readonly error: CardTokenErrorCode; readonly message: string };

/** Why a card id is on the status list: revoked (or replaced), or its holder's colour is not green. */
export type CardStatusReason = 'revoked' | 'not-green';

/**
 * What offline checkpoints cache beside the keys, built like a revocation list: only the ids of cards that must
 * not pass. A green card is simply absent, so the list says nothing about green cards (not even how many exist).
 */
export interface CardStatusList {
  readonly iss: string;
  /** When the list was built, epoch seconds: the device shows its age. */
  readonly iat: number;
  readonly revoked: readonly string[];
  readonly notGreen: readonly string[];
}
