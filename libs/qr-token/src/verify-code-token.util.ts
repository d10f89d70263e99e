import { base64url, compactVerify, type CryptoKey, type JSONWebKeySet } from 'jose';

import { systemNow } from './clock';
import { findClaimProblem, pickClaims } from './code-token-claims.util';
import type { CodeTokenErrorCode, CodeTokenVerifyOptions, CodeTokenVerifyResult } from './code-token.model';
import { createJwksKeyResolver, type CodeTokenKeyResolver } from './key-resolver.util';
import {
  CODE_TOKEN_ALG,
  CODE_TOKEN_DEFAULT_CLOCK_TOLERANCE_SEC,
  CODE_TOKEN_MAX_TTL_SEC,
  CODE_TOKEN_TYP,
  QR_TOKEN_MAX_LENGTH,
} from './qr-token.constant';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const HEADER_NAMES = new Set(['alg', 'kid', 'typ']);
const MAX_KID_LENGTH = 128;

/** Resolvers built for key sets passed straight to `verifyCodeToken`, so each key is imported once. */
const resolverByJwks = new WeakMap<JSONWebKeySet, CodeTokenKeyResolver>();

/** Cheap structural check (length and three non-empty base64url parts); proves nothing about validity. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && token.length <= QR_TOKEN_MAX_LENGTH && TOKEN_SHAPE.test(token);
}

/**
 * Checks a signature over `signingInput` (the ASCII of `header.payload`) with the key named `kid`:
 * `undefined` when no such key is known. Synchronous, for verifiers that have a synchronous primitive
 * (node:crypto in the API); browsers go through `verifyCodeToken` (WebCrypto, asynchronous).
 */
export type CodeTokenSignatureCheck = (kid: string, signingInput: string, signature: Uint8Array) => boolean | undefined;

/**
 * Verifies a scanned code token. Never throws or rejects because of the token: every problem comes
 * back as `{ok: false, error}` with a fixed message that quotes nothing from the token. The order of
 * checks matters: size and shape, then the header's algorithm (so `none`, HS256 and RS256 are refused
 * before any key is touched), then the signature, and only then the claims and the clock.
 * Rejects only on invalid options or when a caller-supplied resolver itself throws.
 */
export async function verifyCodeToken(
  token: unknown,
  keys: JSONWebKeySet | CodeTokenKeyResolver,
  options: CodeTokenVerifyOptions = {},
): Promise<CodeTokenVerifyResult> {
  const parsed = parseCodeToken(token, options);
  if ('ok' in parsed) return parsed;

  const key = await resolverFor(keys)(parsed.kid);
  if (!key) return fail('unknown-kid', 'Token was signed with an unknown key');

  let payloadBytes: Uint8Array;
  try {
    payloadBytes = (await compactVerify(parsed.token, key as CryptoKey, { algorithms: [CODE_TOKEN_ALG] })).payload;
  } catch (error) {
    return fail(mapJoseError(error), 'Token signature is not valid');
  }
  return checkPayload(payloadBytes, parsed);
}

/**
 * The same checks in the same order as `verifyCodeToken`, with the signature checked by `check`
 * (synchronous): no promise, no thread-pool job per token. `check` must verify ES256 over the
 * signing input with the JWS (IEEE P1363, 64-byte) signature encoding.
 */
export function verifyCodeTokenWith(
  token: unknown,
  check: CodeTokenSignatureCheck,
  options: CodeTokenVerifyOptions = {},
): CodeTokenVerifyResult {
  const parsed = parseCodeToken(token, options);
  if ('ok' in parsed) return parsed;
  const dot = parsed.token.lastIndexOf('.');
  let signature: Uint8Array;
  let payloadBytes: Uint8Array;
  try {
    signature = base64url.decode(parsed.token.slice(dot + 1));
    payloadBytes = base64url.decode(parsed.token.slice(parsed.token.indexOf('.') + 1, dot));
  } catch {
    // As jose answers a segment it cannot decode.
    return fail('bad-signature', 'Token signature is not valid');
  }
  let valid: boolean | undefined;
  try {
    valid = check(parsed.kid, parsed.token.slice(0, dot), signature);
  } catch {
    valid = false;
  }
  if (valid === undefined) return fail('unknown-kid', 'Token was signed with an unknown key');
  if (!valid) return fail('bad-signature', 'Token signature is not valid');
  return checkPayload(payloadBytes, parsed);
}

interface ParsedToken {
  readonly token: string;
  readonly kid: string;
  readonly nowMs: number;
  readonly toleranceSec: number;
}

/** Size, shape and header (algorithm, type, kid), before any key is touched. */
function parseCodeToken(token: unknown, options: CodeTokenVerifyOptions): ParsedToken | CodeTokenVerifyResult {
  const toleranceSec = options.clockToleranceSec ?? CODE_TOKEN_DEFAULT_CLOCK_TOLERANCE_SEC;
  if (!Number.isFinite(toleranceSec) || toleranceSec < 0 || toleranceSec > CODE_TOKEN_MAX_TTL_SEC) {
    throw new RangeError(`clockToleranceSec must be between 0 and ${CODE_TOKEN_MAX_TTL_SEC}`);
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
  if (header.typ !== CODE_TOKEN_TYP) return fail('malformed', 'Not a health code token');
  if (Object.keys(header).some((name) => !HEADER_NAMES.has(name))) {
    return fail('malformed', 'Unexpected token header parameter');
  }
  const kid = header.kid;
  if (typeof kid !== 'string' || kid.length === 0 || kid.length > MAX_KID_LENGTH) {
    return fail('malformed', 'Token has no usable kid');
  }
  if (!isWellFormedToken(token)) return fail('malformed', 'Token is not base64url');
  return { token, kid, nowMs, toleranceSec };
}

/** Claims and clock, after the signature. */
function checkPayload(payloadBytes: Uint8Array, parsed: ParsedToken): CodeTokenVerifyResult {
  const payload = parseJsonObject(payloadBytes);
  if (!payload) return fail('bad-claims', 'Token payload is not a JSON object');
  const problem = findClaimProblem(payload);
  if (problem) return fail('bad-claims', `Invalid claim "${problem.claim}": ${problem.reason}`);

  const claims = pickClaims(payload);
  const nowSec = parsed.nowMs / 1000;
  if (nowSec >= claims.exp + parsed.toleranceSec) return fail('expired', 'Token has expired');
  if (claims.iat > nowSec + parsed.toleranceSec) return fail('not-yet-valid', 'Token is not valid yet');
  return { ok: true, claims, kid: parsed.kid };
}

function resolverFor(keys: JSONWebKeySet | CodeTokenKeyResolver): CodeTokenKeyResolver {
  if (typeof keys === 'function') return keys;
  if (typeof keys !== 'object' || keys === null) return () => undefined;
  let resolver = resolverByJwks.get(keys);
  if (!resolver) {
    resolver = createJwksKeyResolver(keys);
    resolverByJwks.set(keys, resolver);
  }
  return resolver;
}

/** The header is already vetted here, so whatever else jose objects to is the signature itself. */
function mapJoseError(error: unknown): CodeTokenErrorCode {
  return (error as { code?: unknown } | null)?.code === 'ERR_JOSE_ALG_NOT_ALLOWED' ? 'bad-alg' : 'bad-signature';
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

function fail(error: CodeTokenErrorCode, message: string): CodeTokenVerifyResult {
  return { ok: false, error, message };
}
