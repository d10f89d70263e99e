import {
  createOfflineVerifier,
  type JSONWebKeySet,
  openOfflineCardVerifier,
  type OfflineCardVerifier,
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

let cachedCards: { jwks: JSONWebKeySet; cardStatus: string; verifier: Promise<OfflineCardVerifier | null> } | null =
  null;

/** A card status list that fails its signature opens nothing: cards are then refused offline, never passed. */
async function buildCards(jwks: JSONWebKeySet, cardStatus: string): Promise<OfflineCardVerifier | null> {
  const opened = await openOfflineCardVerifier({ jwks, cardStatus });
  return opened.ok ? opened.verifier : null;
}

export const codeVerifier: CodeVerifier = {
  offline: true,
  verify: async (token, keys, now) => {
    if (cached?.jwks !== keys.jwks || cached.trustList !== keys.trustList) {
      cached = { jwks: keys.jwks, trustList: keys.trustList, verifier: build(keys.jwks, keys.trustList) };
    }
    return (await cached.verifier).verify(token, now);
  },
  verifyCard: async (token, keys, now) => {
    if (!keys.cardStatus) return { ok: false, error: 'no-card-status' };
    if (cachedCards?.jwks !== keys.jwks || cachedCards.cardStatus !== keys.cardStatus) {
      cachedCards = { jwks: keys.jwks, cardStatus: keys.cardStatus, verifier: buildCards(keys.jwks, keys.cardStatus) };
    }
    const verifier = await cachedCards.verifier;
    return verifier ? verifier.verify(token, now) : { ok: false, error: 'no-card-status' };
  },
};
