import { createHash } from 'node:crypto';

import type { SigningKey } from '@healthcode/qr-token';
import { SignJWT } from 'jose';

/** The JWS `typ` of an erasure receipt, so it can never be mistaken for a QR token signed by the same key. */
export const ERASURE_RECEIPT_TYP = 'erasure-receipt+jwt';

export interface ErasureReceiptClaims {
  /** The receipt id (random, not the resident's id). */
  jti: string;
  /** Seconds since the epoch: when the erasure committed. */
  iat: number;
  /** Rows erased per kind. */
  erased: Record<string, number>;
}

/**
 * Signs the receipt as an ES256 compact JWS with the deployment's current signing key (published in
 * `/.well-known/jwks.json`), so anyone can check that this deployment issued it. It names no resident.
 */
export function signErasureReceipt(claims: ErasureReceiptClaims, key: SigningKey): Promise<string> {
  return new SignJWT({ erased: claims.erased })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: ERASURE_RECEIPT_TYP })
    .setJti(claims.jti)
    .setIssuedAt(claims.iat)
    .sign(key.privateKey);
}

/** What the server keeps of a receipt: the sha256 of its compact form. */
export function receiptDigest(signature: string): Buffer {
  return createHash('sha256').update(signature).digest();
}
