import { createHmac, type KeyObject, timingSafeEqual } from 'node:crypto';

/** The claims a session token carries; anything else in the payload is passed through untouched. */
export interface JwtClaims {
  sub?: string;
  iss?: string;
  typ?: unknown;
  iat?: number;
  exp?: number;
  nbf?: number;
  [claim: string]: unknown;
}

const EXPECTED_HEADER_KEYS = new Set(['alg', 'typ']);

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Verifies a compact HS256 JWT synchronously with node:crypto. jose's `jwtVerify` goes through WebCrypto,
 * whose async HMAC (a thread-pool job and key re-wrapping per call) was the largest frame of every
 * authenticated request; this does the same checks in a few microseconds:
 * header exactly `{alg: "HS256"[, typ]}` (no `crit`, no other algorithm), constant-time signature
 * comparison, a JSON-object payload, `iss` equal to `issuer`, `exp` required and in the future, `nbf` and `iat`
 * numeric when present. Returns null on any failure: the caller gives every failure the same answer.
 */
export function verifyHs256Jwt(token: string, key: KeyObject, issuer: string, nowSeconds: number): JwtClaims | null {
  if (token.length > 4096) return null;
  const first = token.indexOf('.');
  const second = token.indexOf('.', first + 1);
  if (first <= 0 || second <= first + 1 || token.indexOf('.', second + 1) !== -1) return null;
  const header = decodeJson(token.slice(0, first));
  if (!header || header.alg !== 'HS256' || Object.keys(header).some((k) => !EXPECTED_HEADER_KEYS.has(k))) return null;
  const signature = Buffer.from(token.slice(second + 1), 'base64url');
  const expected = createHmac('sha256', key).update(token.slice(0, second)).digest();
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null;
  const claims = decodeJson(token.slice(first + 1, second)) as JwtClaims | null;
  if (!claims || claims.iss !== issuer) return null;
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return null;
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > nowSeconds)) return null;
  if (claims.iat !== undefined && typeof claims.iat !== 'number') return null;
  return claims;
}

const HS256_HEADER = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');

/** Signs claims as a compact HS256 JWT (`{alg: "HS256"}` header), synchronously; the pair of `verifyHs256Jwt`. */
export function signHs256Jwt(claims: JwtClaims, key: KeyObject): string {
  const signingInput = `${HS256_HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${signingInput}.${createHmac('sha256', key).update(signingInput).digest('base64url')}`;
}
