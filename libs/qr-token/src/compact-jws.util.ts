import { base64url, compactVerify, type CryptoKey } from 'jose';

import { systemNow } from './clock';
import type { CodeTokenVerifyOptions } from './code-token.model';
import type { CodeTokenKeyResolver } from './key-resolver.util';
import { CODE_TOKEN_ALG, CODE_TOKEN_DEFAULT_CLOCK_TOLERANCE_SEC, QR_TOKEN_MAX_LENGTH } from './qr-token.constant';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const HEADER_NAMES = new Set(['alg', 'kid', 'typ']);
const MAX_KID_LENGTH = 128;

/**
 * What differs between the signed QR tokens this library verifies (phone codes, printed cards): their `typ`, the
 * word their refusals use, and how much clock tolerance a caller may ask for. Everything else, the order of the
 * checks and their messages, is one piece of knowledge kept here.
 */
export interface CompactJwsKind {
  readonly typ: string;
  /** "Token" or "Card": the first word of the refusals. */
  readonly noun: string;
  /** The refusal for a token of another `typ`, e.g. "Not a health card token". */
  readonly otherType: string;
  readonly maxToleranceSec: number;
}

export type CompactJwsProblem = {
  readonly ok: false;
  readonly error: 'malformed' | 'bad-alg' | 'unknown-kid' | 'bad-signature';
  readonly message: string;
};

export interface ParsedCompactJws {
  readonly token: string;
  readonly kid: string;
  readonly nowMs: number;
  readonly toleranceSec: number;
}

/** Cheap structural check (length and three non-empty base64url parts); proves nothing about validity. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && token.length <= QR_TOKEN_MAX_LENGTH && TOKEN_SHAPE.test(token);
}

/**
 * Size, shape and header (algorithm, type, kid), before any key is touched: `none`, HS256 and RS256 are refused
 * here. Throws only on invalid options.
 */
export function parseCompactJws(
  token: unknown,
  options: CodeTokenVerifyOptions,
  kind: CompactJwsKind,
): ParsedCompactJws | CompactJwsProblem {
  const toleranceSec = options.clockToleranceSec ?? CODE_TOKEN_DEFAULT_CLOCK_TOLERANCE_SEC;
  if (!Number.isFinite(toleranceSec) || toleranceSec < 0 || toleranceSec > kind.maxToleranceSec) {
    throw new RangeError(`clockToleranceSec must be between 0 and ${kind.maxToleranceSec}`);
  }
  const nowMs = (options.now ?? systemNow()).getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid Date');

  if (typeof token !== 'string' || token.length === 0) return problem('malformed', 'Not a token');
  if (token.length > QR_TOKEN_MAX_LENGTH) return problem('malformed', 'Token is too long');
  const parts = token.split('.');
  if (parts.length !== 3) return problem('malformed', 'Token must have three parts');

  const header = decodeJsonObject(parts[0]);
  if (!header) return problem('malformed', 'Unreadable token header');
  if (header.alg !== CODE_TOKEN_ALG) return problem('bad-alg', `Only ${CODE_TOKEN_ALG} tokens are accepted`);
  if (header.typ !== kind.typ) return problem('malformed', kind.otherType);
  if (Object.keys(header).some((name) => !HEADER_NAMES.has(name))) {
    return problem('malformed', 'Unexpected token header parameter');
  }
  const kid = header.kid;
  if (typeof kid !== 'string' || kid.length === 0 || kid.length > MAX_KID_LENGTH) {
    return problem('malformed', 'Token has no usable kid');
  }
  if (!isWellFormedToken(token)) return problem('malformed', 'Token is not base64url');
  return { token, kid, nowMs, toleranceSec };
}

/** The signature with Web Crypto (browsers, the offline checkpoint): the payload's bytes, or why not. */
export async function verifyCompactJws(
  parsed: ParsedCompactJws,
  resolve: CodeTokenKeyResolver,
  kind: CompactJwsKind,
): Promise<Uint8Array | CompactJwsProblem> {
  const key = await resolve(parsed.kid);
  if (!key) return problem('unknown-kid', `${kind.noun} was signed with an unknown key`);
  try {
    return (await compactVerify(parsed.token, key as CryptoKey, { algorithms: [CODE_TOKEN_ALG] })).payload;
  } catch (error) {
    // The header is already vetted, so whatever else jose objects to is the signature itself.
    const code = (error as { code?: unknown } | null)?.code;
    return problem(code === 'ERR_JOSE_ALG_NOT_ALLOWED' ? 'bad-alg' : 'bad-signature', signatureMessage(kind));
  }
}

/**
 * Checks a signature over `signingInput` (the ASCII of `header.payload`) with the key named `kid`:
 * `undefined` when no such key is known. Synchronous, for verifiers that have a synchronous primitive
 * (node:crypto in the API); browsers go through the Web Crypto verifiers (asynchronous).
 */
export type CodeTokenSignatureCheck = (kid: string, signingInput: string, signature: Uint8Array) => boolean | undefined;

/** The signature with a synchronous check (node:crypto in the API): no promise, no thread-pool job per token. */
export function verifyCompactJwsWith(
  parsed: ParsedCompactJws,
  check: CodeTokenSignatureCheck,
  kind: CompactJwsKind,
): Uint8Array | CompactJwsProblem {
  const dot = parsed.token.lastIndexOf('.');
  let signature: Uint8Array;
  let payload: Uint8Array;
  try {
    signature = base64url.decode(parsed.token.slice(dot + 1));
    payload = base64url.decode(parsed.token.slice(parsed.token.indexOf('.') + 1, dot));
  } catch {
    // As jose answers a segment it cannot decode.
    return problem('bad-signature', signatureMessage(kind));
  }
  let valid: boolean | undefined;
  try {
    valid = check(parsed.kid, parsed.token.slice(0, dot), signature);
  } catch {
    valid = false;
  }
  if (valid === undefined) return problem('unknown-kid', `${kind.noun} was signed with an unknown key`);
  if (!valid) return problem('bad-signature', signatureMessage(kind));
  return payload;
}

export function decodeJsonObject(part: string): Record<string, unknown> | null {
  try {
    return parseJsonObject(base64url.decode(part));
  } catch {
    return null;
  }
}

export function parseJsonObject(bytes: Uint8Array): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function isCompactJwsProblem(value: unknown): value is CompactJwsProblem {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

const signatureMessage = (kind: CompactJwsKind) => `${kind.noun} signature is not valid`;

function problem(error: CompactJwsProblem['error'], message: string): CompactJwsProblem {
  return { ok: false, error, message };
}
