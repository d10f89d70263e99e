import type { JSONWebKeySet } from 'jose';

import { createJwksKeyResolver } from './key-resolver.util';
import { readTrustList, type SignedDocumentError } from './signed-document.util';
import { createTrustedVerifier, type TrustedVerifier } from './trusted-verifier.util';

/** What an offline checkpoint caches: its deployment's JWKS and the trust list signed with it. */
export interface OfflineTrustBundle {
  readonly jwks: JSONWebKeySet;
  readonly trustList: string;
}

export type OfflineTrustBundleResult =
  | {
      ok: true;
      verifier: TrustedVerifier;
      /** The publishing deployment. */
      issuer: { iss: string; region: string };
      /** When the trust list was signed, epoch seconds: the device shows its age. */
      issuedAt: number;
    }
  | { ok: false; error: SignedDocumentError };

/**
 * Opens a cached bundle: the trust list must be signed by a key of the bundle's own JWKS, and the verifier then
 * accepts own tokens and the list's peers. Web Crypto only, for the H5 checkpoint page.
 */
export async function openOfflineTrustBundle(
  bundle: OfflineTrustBundle,
  options: { clockToleranceSec?: number } = {},
): Promise<OfflineTrustBundleResult> {
  const jwks: JSONWebKeySet = {
    keys: Array.isArray(bundle?.jwks?.keys) ? bundle.jwks.keys.map((k) => ({ ...k })) : [],
  };
  const resolveKey = createJwksKeyResolver(jwks);
  const list = await readTrustList(bundle?.trustList, resolveKey);
  if (!list.ok) return list;
  const { iss, region, iat, issuers } = list.value;
  return {
    ok: true,
    issuer: { iss, region },
    issuedAt: iat,
    verifier: createTrustedVerifier({
      own: { iss, region, resolveKey },
      peers: issuers,
      clockToleranceSec: options.clockToleranceSec,
    }),
  };
}
