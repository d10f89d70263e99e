import { compactVerify, type CryptoKey, type JSONWebKeySet, type JWK, SignJWT } from 'jose';

import { ISSUER_ID_PATTERN } from './code-token-claims.util';
import { decodeJsonObject, parseJsonObject } from './compact-jws.util';
import { createJwksKeyResolver, type CodeTokenKeyResolver } from './key-resolver.util';
import { CODE_TOKEN_ALG } from './qr-token.constant';
import type { SigningKey } from './signing-key.util';
import type { TrustedIssuer } from './trusted-issuer.model';

/** JWS `typ` of the issuer document: it can never pass for a code token or a trust list. */
export const ISSUER_DOCUMENT_TYP = 'hc-issuer+jwt';
/** JWS `typ` of the published trust list. */
export const TRUST_LIST_TYP = 'hc-trust-list+jwt';

/** What `/.well-known/healthcode-issuer` says, signed with the issuer's current code key. */
export interface IssuerDocument {
  readonly iss: string;
  readonly region: string;
  /** Where the issuer's JWKS lives (same origin as the document). */
  readonly jwks_uri: string;
  /** How to reach the issuer's operators (an e-mail address or a URL). */
  readonly contact: string;
  readonly iat: number;
}

/** The trust list a deployment publishes for its checkpoints, signed with its current code key. */
export interface TrustList {
  /** The publishing deployment (whose own tokens the checkpoints also accept). */
  readonly iss: string;
  readonly region: string;
  readonly iat: number;
  readonly issuers: readonly TrustedIssuer[];
}

export type SignedDocumentError = 'malformed' | 'unknown-kid' | 'bad-signature' | 'bad-contents';
export type SignedDocumentResult<T> = { ok: true; value: T; kid: string } | { ok: false; error: SignedDocumentError };

const MAX_DOCUMENT_LENGTH = 256 * 1024;

export function signIssuerDocument(doc: IssuerDocument, key: SigningKey): Promise<string> {
  return signDocument(ISSUER_DOCUMENT_TYP, { ...doc }, key);
}

export function signTrustList(list: TrustList, key: SigningKey): Promise<string> {
  return signDocument(TRUST_LIST_TYP, { ...list, issuers: list.issuers.map(publicEntry) }, key);
}

/** Reads an issuer document with the issuer's key set (fetched from its `jwks_uri`, or pasted). */
export async function readIssuerDocument(
  jws: unknown,
  keys: JSONWebKeySet | CodeTokenKeyResolver,
): Promise<SignedDocumentResult<IssuerDocument>> {
  const read = await readDocument(ISSUER_DOCUMENT_TYP, jws, keys);
  if (!read.ok) return read;
  const p = read.value;
  const ok =
    isIssuerId(p.iss) &&
    isShortText(p.region, 16) &&
    isShortText(p.jwks_uri, 2048) &&
    isShortText(p.contact, 200) &&
    isEpoch(p.iat);
  return ok ? { ok: true, value: p as unknown as IssuerDocument, kid: read.kid } : { ok: false, error: 'bad-contents' };
}

/** Reads a trust list with the publisher's own key set (the same JWKS that verifies its code tokens). */
export async function readTrustList(
  jws: unknown,
  keys: JSONWebKeySet | CodeTokenKeyResolver,
): Promise<SignedDocumentResult<TrustList>> {
  const read = await readDocument(TRUST_LIST_TYP, jws, keys);
  if (!read.ok) return read;
  const p = read.value;
  if (!isIssuerId(p.iss) || !isShortText(p.region, 16) || !isEpoch(p.iat) || !Array.isArray(p.issuers)) {
    return { ok: false, error: 'bad-contents' };
  }
  const issuers: TrustedIssuer[] = [];
  for (const e of p.issuers as Record<string, unknown>[]) {
    const entry = e ?? {};
    const jwks = entry.jwks as { keys?: unknown } | undefined;
    if (
      !isIssuerId(entry.iss) ||
      !isShortText(entry.region, 16) ||
      (entry.status !== 'active' && entry.status !== 'suspended') ||
      !isEpoch(entry.nbf) ||
      !isEpoch(entry.exp) ||
      !Array.isArray(jwks?.keys)
    ) {
      return { ok: false, error: 'bad-contents' };
    }
    issuers.push({
      iss: entry.iss,
      region: entry.region,
      status: entry.status,
      nbf: entry.nbf,
      exp: entry.exp,
      jwks: { keys: jwks.keys as JWK[] },
    });
  }
  return { ok: true, value: { iss: p.iss, region: p.region, iat: p.iat, issuers }, kid: read.kid };
}

function publicEntry(entry: TrustedIssuer): TrustedIssuer {
  const keys = entry.jwks.keys.map(({ kty, crv, x, y, kid, alg, use }) => ({ kty, crv, x, y, kid, alg, use }));
  return { iss: entry.iss, region: entry.region, status: entry.status, nbf: entry.nbf, exp: entry.exp, jwks: { keys } };
}

/** Signs a typed document (library-internal: each document type has its own `sign…` function). */
export function signDocument(typ: string, payload: Record<string, unknown>, key: SigningKey): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: CODE_TOKEN_ALG, kid: key.kid, typ }).sign(key.privateKey);
}

/** Reads a typed document (library-internal: each document type has its own `read…` function). */
export async function readDocument(
  typ: string,
  jws: unknown,
  keys: JSONWebKeySet | CodeTokenKeyResolver,
  maxLength = MAX_DOCUMENT_LENGTH,
): Promise<{ ok: true; value: Record<string, unknown>; kid: string } | { ok: false; error: SignedDocumentError }> {
  if (typeof jws !== 'string' || jws.length > maxLength) return { ok: false, error: 'malformed' };
  const parts = jws.trim().split('.');
  if (parts.length !== 3) return { ok: false, error: 'malformed' };
  const header = decodeJsonObject(parts[0]);
  if (!header || header.alg !== CODE_TOKEN_ALG || header.typ !== typ || typeof header.kid !== 'string') {
    return { ok: false, error: 'malformed' };
  }
  const resolve = typeof keys === 'function' ? keys : createJwksKeyResolver(keys);
  const key = await resolve(header.kid);
  if (!key) return { ok: false, error: 'unknown-kid' };
  try {
    const { payload } = await compactVerify(parts.join('.'), key as CryptoKey, { algorithms: [CODE_TOKEN_ALG] });
    const value = parseJsonObject(payload);
    return value ? { ok: true, value, kid: header.kid } : { ok: false, error: 'bad-contents' };
  } catch {
    return { ok: false, error: 'bad-signature' };
  }
}

const isIssuerId = (v: unknown): v is string => typeof v === 'string' && ISSUER_ID_PATTERN.test(v);
const isShortText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isEpoch = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
