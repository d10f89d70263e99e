import { createOfflineVerifier, type JSONWebKeySet, type OfflineVerifier } from '@healthcode/qr-token';

import type { CodeVerifier } from './device.type';

let cached: { jwks: JSONWebKeySet; verifier: OfflineVerifier } | null = null;

/** Browser: Web Crypto exists, so tokens are verified on the device against the cached JWKS. */
export const codeVerifier: CodeVerifier = {
  offline: true,
  verify: (token, jwks, now) => {
    if (cached?.jwks !== jwks) cached = { jwks, verifier: createOfflineVerifier(jwks) };
    return cached.verifier.verify(token, now);
  },
};
