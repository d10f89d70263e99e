import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

import { CODE_TOKEN_ALG } from './qr-token.constant';

/** A freshly generated key pair in JWK form, for storing (the private JWK is a secret). */
export interface GeneratedSigningKey {
  readonly kid: string;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

/** A parsed signing key, ready to sign and verify. Parse once and keep it: importing is the slow part. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
}

/** A new ES256 (P-256) key pair; its kid is the RFC 7638 SHA-256 thumbprint of the public key. */
export async function generateSigningKey(): Promise<GeneratedSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(CODE_TOKEN_ALG, { extractable: true });
  const publicJwk = toPublicJwk(await exportJWK(publicKey));
  const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: CODE_TOKEN_ALG, use: 'sig' };
  return { kid, privateJwk, publicJwk: { ...publicJwk, kid } };
}

/**
 * Parses a stored private JWK. The kid is the key's thumbprint; a JWK carrying a different kid is
 * refused rather than trusted, so a kid always identifies exactly one key.
 */
export async function importSigningKey(privateJwk: JWK): Promise<SigningKey> {
  if (privateJwk.kty !== 'EC' || privateJwk.crv !== 'P-256' || typeof privateJwk.d !== 'string') {
    throw new TypeError('A code signing key must be a private EC P-256 JWK');
  }
  if (privateJwk.alg !== undefined && privateJwk.alg !== CODE_TOKEN_ALG) {
    throw new TypeError(`A code signing key must be for ${CODE_TOKEN_ALG}`);
  }
  const publicJwk = toPublicJwk(privateJwk);
  const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
  if (privateJwk.kid !== undefined && privateJwk.kid !== kid) {
    throw new TypeError('The JWK kid is not the thumbprint of its key');
  }
  const [privateKey, publicKey] = await Promise.all([
    importJWK(privateJwk, CODE_TOKEN_ALG, { extractable: false }),
    importJWK(publicJwk, CODE_TOKEN_ALG),
  ]);
  return {
    kid,
    privateKey: privateKey as CryptoKey,
    publicKey: publicKey as CryptoKey,
    publicJwk: { ...publicJwk, kid },
  };
}

/** The public members of an EC key plus alg/use; never carries `d`. */
export function toPublicJwk(jwk: JWK): JWK {
  const { kty, crv, x, y, kid } = jwk;
  if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string') {
    throw new TypeError('Expected an EC P-256 JWK');
  }
  return { kty, crv, x, y, ...(kid === undefined ? {} : { kid }), alg: CODE_TOKEN_ALG, use: 'sig' };
}
