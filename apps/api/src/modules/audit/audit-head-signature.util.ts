import type { SigningKey } from '@healthcode/qr-token';
import { type CryptoKey, compactVerify, decodeProtectedHeader, SignJWT } from 'jose';

/** The JWS `typ` of a chain-head signature, so it can never pass for a QR token or a receipt. */
export const AUDIT_HEAD_TYP = 'audit-head+jwt';

export interface SignedHead {
  seq: number;
  hash: string;
}

/** Signs `{seq, hash}` (hash in hex) with the deployment's current key. */
export function signAuditHead(head: SignedHead, iat: number, key: SigningKey): Promise<string> {
  return new SignJWT({ seq: head.seq, hash: head.hash })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: AUDIT_HEAD_TYP })
    .setIssuedAt(iat)
    .sign(key.privateKey);
}

/**
 * The head a signature vouches for, or why it does not: `unknown-key` when its key is no longer in the ring
 * (rotated out: it can be checked against an archived key set), `invalid` when the signature does not verify.
 */
export async function readAuditHeadSignature(
  jws: string,
  resolveKey: (kid: string) => CryptoKey | undefined | Promise<CryptoKey | undefined>,
): Promise<{ ok: true; head: SignedHead } | { ok: false; error: 'unknown-key' | 'invalid' }> {
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(jws);
    if (header.alg !== 'ES256' || header.typ !== AUDIT_HEAD_TYP) return { ok: false, error: 'invalid' };
    kid = header.kid;
  } catch {
    return { ok: false, error: 'invalid' };
  }
  const key = kid ? await resolveKey(kid) : undefined;
  if (!key) return { ok: false, error: 'unknown-key' };
  try {
    const { payload } = await compactVerify(jws, key);
    const claims = JSON.parse(new TextDecoder().decode(payload)) as Partial<SignedHead>;
    if (typeof claims.seq !== 'number' || typeof claims.hash !== 'string') return { ok: false, error: 'invalid' };
    return { ok: true, head: { seq: claims.seq, hash: claims.hash } };
  } catch {
    return { ok: false, error: 'invalid' };
  }
}
