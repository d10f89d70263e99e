import type { CodeColour, CodeTokenClaims } from './code-token.model';
import { CODE_TOKEN_MAX_TTL_SEC } from './qr-token.constant';

export const CODE_TOKEN_CLAIM_NAMES: readonly string[] = ['cid', 'col', 'iat', 'exp', 'rsv', 'cv', 'iss'];

const COLOURS: readonly CodeColour[] = ['green', 'yellow', 'red'];
/** An issuer id: lowercase letters, digits and dashes, such as `cn-33` or `eu-de`. */
export const ISSUER_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,31}$/;
const CODE_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
/** Digits (and the ID check character X) only: what an ID or phone number pasted in as `cid` looks like. */
const LOOKS_LIKE_PERSONAL_NUMBER = /^[0-9Xx]+$/;

/** A claim problem: the claim's name and why, never its value. */
export interface ClaimProblem {
  readonly claim: string;
  readonly reason: string;
}

/** Checks the claim set (names come from the caller, who decides how strict to be about extra names). */
export function findClaimProblem(claims: Record<string, unknown>): ClaimProblem | null {
  const { cid, col, iat, exp, rsv, cv, iss } = claims;
  if (typeof cid !== 'string' || !CODE_ID_PATTERN.test(cid)) {
    return { claim: 'cid', reason: 'must be 16-64 base64url characters' };
  }
  if (LOOKS_LIKE_PERSONAL_NUMBER.test(cid)) {
    return { claim: 'cid', reason: 'must be a random code id, not a number' };
  }
  if (!COLOURS.includes(col as CodeColour)) return { claim: 'col', reason: 'must be green, yellow or red' };
  if (!isEpochSeconds(iat)) return { claim: 'iat', reason: 'must be epoch seconds' };
  if (!isEpochSeconds(exp)) return { claim: 'exp', reason: 'must be epoch seconds' };
  if (exp <= iat) return { claim: 'exp', reason: 'must be after iat' };
  if (exp - iat > CODE_TOKEN_MAX_TTL_SEC) {
    return { claim: 'exp', reason: `must be at most ${CODE_TOKEN_MAX_TTL_SEC} s after iat` };
  }
  if (!isCounter(rsv)) return { claim: 'rsv', reason: 'must be a non-negative integer' };
  if (cv !== undefined && !isCounter(cv)) return { claim: 'cv', reason: 'must be a non-negative integer' };
  if (iss !== undefined && (typeof iss !== 'string' || !ISSUER_ID_PATTERN.test(iss))) {
    return { claim: 'iss', reason: 'must be an issuer id (lowercase letters, digits, dashes)' };
  }
  return null;
}

/** Copies only the known claims, so nothing unexpected travels on. */
export function pickClaims(claims: Record<string, unknown>): CodeTokenClaims {
  const picked = {
    cid: claims.cid,
    col: claims.col,
    iat: claims.iat,
    exp: claims.exp,
    rsv: claims.rsv,
    ...(claims.cv === undefined ? {} : { cv: claims.cv }),
    ...(claims.iss === undefined ? {} : { iss: claims.iss }),
  };
  return picked as CodeTokenClaims;
}

function isEpochSeconds(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

function isCounter(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
