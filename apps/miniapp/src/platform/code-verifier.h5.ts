import {
  createOfflineVerifier,
  type JSONWebKeySet,
  openOfflineTrustBundle,
  type OfflineVerifier,
  type TrustedVerifier,
} from '@healthcode/qr-token';

import type { CodeVerifier } from './device.type';

let cached: { jwks: JSONWebKeySet; trustList?: string; verifier: Promise<OfflineVerifier | TrustedVerifier> } | null =
  null;

/**
 * Browser: Web Crypto exists, so tokens are verified on the device against the cached bundle. With a trust list
 * signed by the cached keys, trusted peers' codes verify too; a list that fails its signature is ignored (own
 * codes only), never trusted.
 */
async function build(jwks: JSONWebKeySet, trustList?: string): Promise<OfflineVerifier | TrustedVerifier> {
  if (trustList) {
    const opened = await openOfflineTrustBundle({ jwks, trustList });
    if (opened.ok) return opened.verifier;
  }
  return createOfflineVerifier(jwks);
}

export const codeVerifier: CodeVerifier = {
  offline: true,
  verify: async (token, keys, now) => {
    if (cached?.jwks !== keys.jwks || cached.trustList !== keys.trustList) {
      cached = { jwks: keys.jwks, trustList: keys.trustList, verifier: build(keys.jwks, keys.trustList) };
    }
    return (await cached.verifier).verify(token, now);
  },
};
