import type { JSONWebKeySet, JWK } from 'jose';

import { toPublicJwk } from './signing-key.util';

/**
 * The key set to publish (and to cache on checkpoint devices). During a rotation it holds two keys.
 * Only public members are copied, so a private JWK passed by mistake is never published.
 */
export function buildJwks(publicJwks: readonly JWK[]): JSONWebKeySet {
  const byKid = new Map<string, JWK>();
  for (const jwk of publicJwks) {
    if (typeof jwk.kid !== 'string' || jwk.kid === '') throw new TypeError('Every published key needs a kid');
    if (!byKid.has(jwk.kid)) byKid.set(jwk.kid, toPublicJwk(jwk));
  }
  return { keys: [...byKid.values()] };
}
