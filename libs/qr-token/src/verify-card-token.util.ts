import { base64url, compactVerify, type CryptoKey, type JSONWebKeySet } from 'jose';

import { findCardClaimProblem, pickCardClaims } from './card-token-claims.util';
import type { CardTokenErrorCode, CardTokenVerifyResult } from './card-token.model';
import { systemNow } from './clock';
import type { CodeTokenVerifyOptions } from './code-token.model';
import { createJwksKeyResolver, type CodeTokenKeyResolver } from './key-resolver.util';
import {
  CARD_TOKEN_TYP,
  CODE_TOKEN_ALG,
  CODE_TOKEN_DEFAULT_CLOCK_TOLERANCE_SEC,
  CODE_TOKEN_TYP,
  QR_TOKEN_MAX_LENGTH,
} from './qr-token.constant';
import type { CodeTokenSignatureCheck } from './verify-code-token.util';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const HEADER_NAMES = new Set(['alg', 'kid', 'typ']);
const MAX_KID_LENGTH = 128;
/** A card's clock tolerance is the code's: a day-long tolerance would buy nothing on a 90-day card. */
const MAX_TOLERANCE_SEC = 3_600;

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
  const parsed = parseCardToken(token, options);
  if ('ok' in parsed) return parsed;
  const resolve = typeof keys === 'function' ? keys : createJwksKeyResolver(keys);
  const key = await resolve(parsed.kid);
  if (!key) return fail('unknown-kid', 'Card was signed with an unknown key');
  let payload: Uint8Array;
  try {
    payload = (await compactVerify(parsed.token, key as CryptoKey, { algorithms: [CODE_TOKEN_ALG] })).payload;
  } catch {
    return fail('bad-signature', 'Card signature is not valid');
  }
  return checkPayload(payload, parsed);
}

/** The same checks with a synchronous signature check (node:crypto in the API), as `verifyCodeTokenWith`. */
export function verifyCardTokenWith(
  token: unknown,
  check: CodeTokenSignatureCheck,
  options: CodeTokenVerifyOptions = {},
): CardTokenVerifyResult {
  const parsed = parseCardToken(token, options);
  if ('ok' in parsed) return parsed;
  const dot = parsed.token.lastIndexOf('.');
  let valid: boolean | undefined;
  let payload: Uint8Array;
  try {
    const signature = base64url.decode(parsed.token.slice(dot + 1));
    payload = base64url.decode(parsed.token.slice(parsed.token.indexOf('.') + 1, dot));
    valid = check(parsed.kid, parsed.token.slice(0, dot), signature);
  } catch {
    return fail('bad-signature', 'Card signature is not valid');
  }
  if (valid === undefined) return fail('unknown-kid', 'Card was signed with an unknown key');
  if (!valid) return fail('bad-signature', 'Card signature is not valid');
  return checkPayload(payload, parsed);
}

interface ParsedCard {
  readonly token: string;
  readonly kid: string;
  readonly nowSec: number;
  readonly toleranceSec: number;
}

function parseCardToken(token: unknown, options: CodeTokenVerifyOptions): ParsedCard | CardTokenVerifyResult {
  const toleranceSec = options.clockToleranceSec ?? CODE_TOKEN_DEFAULT_CLOCK_TOLERANCE_SEC;
  if (!Number.isFinite(toleranceSec) || toleranceSec < 0 || toleranceSec > MAX_TOLERANCE_SEC) {
    throw new RangeError(`clockToleranceSec must be between 0 and ${MAX_TOLERANCE_SEC}`);
  }
  const nowMs = (options.now ?? systemNow()).getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid Date');
  if (typeof token !== 'string' || token.length === 0) return fail('malformed', 'Not a token');
  if (token.length > QR_TOKEN_MAX_LENGTH) return fail('malformed', 'Token is too long');
  const parts = token.split('.');
  if (parts.length !== 3) return fail('malformed', 'Token must have three parts');
  const header = decodeJsonObject(parts[0]);
  if (!header) return fail('malformed', 'Unreadable token header');
  if (header.alg !== CODE_TOKEN_ALG) return fail('bad-alg', `Only ${CODE_TOKEN_ALG} tokens are accepted`);
  if (header.typ !== CARD_TOKEN_TYP) return fail('malformed', 'Not a health card token');
  if (Object.keys(header).some((name) => !HEADER_NAMES.has(name))) {
    return fail('malformed', 'Unexpected token header parameter');
  }
  const kid = header.kid;
  if (typeof kid !== 'string' || kid.length === 0 || kid.length > MAX_KID_LENGTH) {
    return fail('malformed', 'Token has no usable kid');
  }
  if (!TOKEN_SHAPE.test(token)) return fail('malformed', 'Token is not base64url');
  return { token, kid, nowSec: nowMs / 1000, toleranceSec };
}

function checkPayload(bytes: Uint8Array, parsed: ParsedCard): CardTokenVerifyResult {
  const payload = parseJsonObject(bytes);
  if (!payload) return fail('bad-claims', 'Card payload is not a JSON object');
  const problem = findCardClaimProblem(payload);
  if (problem) return fail('bad-claims', `Invalid claim "${problem.claim}": ${problem.reason}`);
  const claims = pickCardClaims(payload);
  if (parsed.nowSec >= claims.exp + parsed.toleranceSec) return fail('expired', 'Card has expired');
  if (claims.nbf > parsed.nowSec + parsed.toleranceSec) return fail('not-yet-valid', 'Card is not valid yet');
  return { ok: true, claims, kid: parsed.kid };
}

function decodeJsonObject(part: string): Record<string, unknown> | null {
  try {
    return parseJsonObject(base64url.decode(part));
  } catch {
    return null;
  }
}

function parseJsonObject(bytes: Uint8Array): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function fail(error: CardTokenErrorCode, message: string): CardTokenVerifyResult {
  return { ok: false, error, message };
}
