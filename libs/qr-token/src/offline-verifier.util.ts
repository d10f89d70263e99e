import type { JSONWebKeySet } from 'jose';

import { systemNow } from './clock';
import type { CodeTokenVerifyResult } from './code-token.model';
import { createJwksKeyResolver } from './key-resolver.util';
import { verifyCodeToken } from './verify-code-token.util';

export interface OfflineVerifierOptions {
  /** Seconds; defaults to `CODE_TOKEN_DEFAULT_CLOCK_TOLERANCE_SEC`. */
  readonly clockToleranceSec?: number;
}

export interface OfflineVerifier {
  /** Kids in the cached key set, e.g. to show how fresh the checkpoint's keys are. */
  readonly kids: readonly string[];
  verify(token: unknown, now?: Date): Promise<CodeTokenVerifyResult>;
}

/**
 * For checkpoint scanners without network: verifies against a key set cached earlier from the
 * server's JWKS endpoint. Keys are imported once, on first use. Uses only Web Crypto (through jose),
 * no Node APIs. Pass `now` from the device clock; the tolerance absorbs small clock drift.
 */
export function createOfflineVerifier(
  cachedJwks: JSONWebKeySet,
  options: OfflineVerifierOptions = {},
): OfflineVerifier {
  const snapshot: JSONWebKeySet = {
    keys: Array.isArray(cachedJwks?.keys) ? cachedJwks.keys.map((k) => ({ ...k })) : [],
  };
  const resolveKey = createJwksKeyResolver(snapshot);
  const kids = Object.freeze(snapshot.keys.map((k) => k.kid).filter((kid): kid is string => typeof kid === 'string'));
  return {
    kids,
    verify: (token, now = systemNow()) =>
      verifyCodeToken(token, resolveKey, { now, clockToleranceSec: options.clockToleranceSec }),
  };
}
