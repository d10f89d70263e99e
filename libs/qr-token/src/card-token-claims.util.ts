import type { CardTokenClaims } from './card-token.model';
import { ISSUER_ID_PATTERN } from './code-token-claims.util';
import { CARD_TOKEN_MAX_TTL_SEC } from './qr-token.constant';

export const CARD_TOKEN_CLAIM_NAMES: readonly string[] = ['iss', 'crd', 'nbf', 'exp'];

/** A card id: the same shape as a code id (16-64 base64url characters). */
export const CARD_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const LOOKS_LIKE_PERSONAL_NUMBER = /^[0-9Xx]+$/;

/** Checks a card claim set; names the claim and why, never its value. */
export function findCardClaimProblem(claims: Record<string, unknown>): { claim: string; reason: string } | null {
  const { iss, crd, nbf, exp } = claims;
  if (typeof iss !== 'string' || !ISSUER_ID_PATTERN.test(iss)) {
    return { claim: 'iss', reason: 'must be an issuer id (lowercase letters, digits, dashes)' };
  }
  if (!isCardId(crd)) return { claim: 'crd', reason: 'must be a random card id of 16-64 base64url characters' };
  if (!isEpochSeconds(nbf)) return { claim: 'nbf', reason: 'must be epoch seconds' };
  if (!isEpochSeconds(exp)) return { claim: 'exp', reason: 'must be epoch seconds' };
  if (exp <= nbf) return { claim: 'exp', reason: 'must be after nbf' };
  if (exp - nbf > CARD_TOKEN_MAX_TTL_SEC) {
    return { claim: 'exp', reason: `must be at most ${CARD_TOKEN_MAX_TTL_SEC} s after nbf` };
  }
  return null;
}

export function isCardId(value: unknown): value is string {
  return typeof value === 'string' && CARD_ID_PATTERN.test(value) && !LOOKS_LIKE_PERSONAL_NUMBER.test(value);
}

export function pickCardClaims(claims: Record<string, unknown>): CardTokenClaims {
  return { iss: claims.iss, crd: claims.crd, nbf: claims.nbf, exp: claims.exp } as CardTokenClaims;
}

function isEpochSeconds(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}
