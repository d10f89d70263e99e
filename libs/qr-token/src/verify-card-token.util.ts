import type { JSONWebKeySet } from 'jose';

import { findCardClaimProblem, pickCardClaims } from './card-token-claims.util';
import type { CardTokenErrorCode, CardTokenVerifyResult } from './card-token.model';
import type { CodeTokenVerifyOptions } from './code-token.model';
import {
  type CodeTokenSignatureCheck,
  type CompactJwsKind,
  decodeJsonObject,
  isCompactJwsProblem,
  type ParsedCompactJws,
  parseCompactJws,
  parseJsonObject,
  verifyCompactJws,
  verifyCompactJwsWith,
} from './compact-jws.util';
import { createJwksKeyResolver, type CodeTokenKeyResolver } from './key-resolver.util';
import { CARD_TOKEN_TYP, CODE_TOKEN_TYP, QR_TOKEN_MAX_LENGTH } from './qr-token.constant';

/** A card's clock tolerance is the code's: a day-long tolerance would buy nothing on a 90-day card. */
const CARD: CompactJwsKind = {
  typ: CARD_TOKEN_TYP,
  noun: 'Card',
  otherType: 'Not a health card token',
  maxToleranceSec: 3_600,
};

/**
 * What a scanned QR claims to be, from its unverified header: a phone `code`, a printed `card`, or neither.
 * Only picks the verifier; the verifier then checks everything again.
 */
export function tokenTypeOf(token: unknown): 'code' | 'card' | null {
  if (typeof token !== 'string' || token.length > QR_TOKEN_MAX_LENGTH) return null;
  const typ = decodeJsonObject(token.split('.')[0] ?? '')?.typ;
  if (typ === CODE_TOKEN_TYP) return 'code';
  if (typ === CARD_TOKEN_TYP) return 'card';
  return null;
}

/**
 * Verifies a printed card's token with Web Crypto (browsers, the offline checkpoint). Same order as the code
 * verifier: size, shape and header (a code token is refused here by its `typ`), signature, then claims and clock.
 * Never throws because of the token.
 */
export async function verifyCardToken(
  token: unknown,
  keys: JSONWebKeySet | CodeTokenKeyResolver,
  options: CodeTokenVerifyOptions = {},
): Promise<CardTokenVerifyResult> {
  const parsed = parseCompactJws(token, options, CARD);
  if (isCompactJwsProblem(parsed)) return parsed;
  const resolve = typeof keys === 'function' ? keys : createJwksKeyResolver(keys);
  const payload = await verifyCompactJws(parsed, resolve, CARD);
  return isCompactJwsProblem(payload) ? payload : checkPayload(payload, parsed);
}

/** The same checks with a synchronous signature check (node:crypto in the API), as `verifyCodeTokenWith`. */
export function verifyCardTokenWith(
  token: unknown,
  check: CodeTokenSignatureCheck,
  options: CodeTokenVerifyOptions = {},
): CardTokenVerifyResult {
  const parsed = parseCompactJws(token, options, CARD);
  if (isCompactJwsProblem(parsed)) return parsed;
  const payload = verifyCompactJwsWith(parsed, check, CARD);
  return isCompactJwsProblem(payload) ? payload : checkPayload(payload, parsed);
}

function checkPayload(bytes: Uint8Array, parsed: ParsedCompactJws): CardTokenVerifyResult {
  const payload = parseJsonObject(bytes);
  if (!payload) return fail('bad-claims', 'Card payload is not a JSON object');
  const problem = findCardClaimProblem(payload);
  if (problem) return fail('bad-claims', `Invalid claim "${problem.claim}": ${problem.reason}`);
  const claims = pickCardClaims(payload);
  const nowSec = parsed.nowMs / 1000;
  if (nowSec >= claims.exp + parsed.toleranceSec) return fail('expired', 'Card has expired');
  if (claims.nbf > nowSec + parsed.toleranceSec) return fail('not-yet-valid', 'Card is not valid yet');
  return { ok: true, claims, kid: parsed.kid };
}

function fail(error: CardTokenErrorCode, message: string): CardTokenVerifyResult {
  return { ok: false, error, message };
}
