import { importJWK, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';

import { CODE_TOKEN_ALG } from './qr-token.constant';

/** Looks a verification key up by kid; undefined when the kid is unknown. */
export type CodeTokenKeyResolver = (kid: string) => Promise<CryptoKey | undefined> | CryptoKey | undefined;

/**
 * A resolver over a key set. Each key is imported at most once, on first use. Keys that could not
 * verify an ES256 token (other types or curves, a different `alg`, `use` other than sig, private
 * keys) are left out, as are keys that fail to import: their kids resolve to undefined.
 */
export function createJwksKeyResolver(jwks: JSONWebKeySet): CodeTokenKeyResolver {
  const jwkByKid = new Map<string, JWK>();
  for (const jwk of Array.isArray(jwks?.keys) ? jwks.keys : []) {
    if (isUsableKey(jwk) && !jwkByKid.has(jwk.kid as string)) jwkByKid.set(jwk.kid as string, jwk);
  }
  const imported = new Map<string, Promise<CryptoKey | undefined>>();
  return (kid) => {
    const jwk = jwkByKid.get(kid);
    if (!jwk) return undefined;
    let key = imported.get(kid);
    if (!key) {
      key = importJWK(jwk, CODE_TOKEN_ALG).then(
        (k) => k as CryptoKey,
        () => undefined,
      );
      imported.set(kid, key);
    }
    return key;
  };
}

function isUsableKey(jwk: JWK): boolean {
  return (
    typeof jwk === 'object' &&
    jwk !== null &&
    typeof jwk.kid === 'string' &&
    jwk.kty === 'EC' &&
    jwk.crv === 'P-256' &&
    jwk.d === undefined &&
    (jwk.alg === undefined || jwk.alg === CODE_TOKEN_ALG) &&
    (jwk.use === undefined || jwk.use === 'sig')
  );
}
