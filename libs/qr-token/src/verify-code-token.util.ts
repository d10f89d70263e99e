import type { JSONWebKeySet } from 'jose';

import { findClaimProblem, pickClaims } from './code-token-claims.util';
import type { CodeTokenErrorCode, CodeTokenVerifyOptions, CodeTokenVerifyResult } from './code-token.model';
import {
  type CodeTokenSignatureCheck,
  type CompactJwsKind,
  isCompactJwsProblem,
  type ParsedCompactJws,
  parseCompactJws,
  parseJsonObject,
  verifyCompactJws,
  verifyCompactJwsWith,
} from './compact-jws.util';
import { createJwksKeyResolver, type CodeTokenKeyResolver } from './key-resolver.util';
import { CODE_TOKEN_MAX_TTL_SEC, CODE_TOKEN_TYP } from './qr-token.constant';

export { type CodeTokenSignatureCheck, isWellFormedToken } from './compact-jws.util';

const CODE: CompactJwsKind = {
  typ: CODE_TOKEN_TYP,
  noun: 'Token',
  otherType: 'Not a health code token',
  maxToleranceSec: CODE_TOKEN_MAX_TTL_SEC,
};

/** Resolvers built for key sets passed straight to `verifyCodeToken`, so each key is imported once. */
const resolverByJwks = new WeakMap<JSONWebKeySet, CodeTokenKeyResolver>();

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
  const parsed = parseCompactJws(token, options, CODE);
  if (isCompactJwsProblem(parsed)) return parsed;
  const payload = await verifyCompactJws(parsed, resolverFor(keys), CODE);
  return isCompactJwsProblem(payload) ? payload : checkPayload(payload, parsed);
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
  const parsed = parseCompactJws(token, options, CODE);
  if (isCompactJwsProblem(parsed)) return parsed;
  const payload = verifyCompactJwsWith(parsed, check, CODE);
  return isCompactJwsProblem(payload) ? payload : checkPayload(payload, parsed);
}

/** Claims and clock, after the signature. */
function checkPayload(payloadBytes: Uint8Array, parsed: ParsedCompactJws): CodeTokenVerifyResult {
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

function fail(error: CodeTokenErrorCode, message: string): CodeTokenVerifyResult {
  return { ok: false, error, message };
}
