import type { JSONWebKeySet } from 'jose';

import { readCardStatusList } from './card-status-list.util';
import type { CardStatusReason, CardTokenClaims, CardTokenErrorCode } from './card-token.model';
import { systemNow } from './clock';
import { createJwksKeyResolver } from './key-resolver.util';
import type { SignedDocumentError } from './signed-document.util';
import { verifyCardToken } from './verify-card-token.util';

export type OfflineCardCheck =
  | {
      readonly ok: true;
      readonly claims: CardTokenClaims;
      /** `listed: null`: the card is not on the status list (green when the list was built). */
      readonly listed: CardStatusReason | null;
      /** When the status list was built, epoch seconds: shown as the answer's age. */
      readonly listIssuedAt: number;
    }
  | {
      readonly ok: false;
      readonly error: CardTokenErrorCode | 'other-issuer';
      readonly message: string;
    };

export interface OfflineCardVerifier {
  readonly issuer: string;
  readonly listIssuedAt: number;
  verify(token: unknown, now?: Date): Promise<OfflineCardCheck>;
}

export type OfflineCardVerifierResult =
  { ok: true; verifier: OfflineCardVerifier } | { ok: false; error: SignedDocumentError };

/**
 * Opens a cached card status list (signed with a key of the cached JWKS) for an offline checkpoint: a card token
 * verifies with the same keys, and the list says whether it must be refused. Only the deployment's own cards can be
 * checked offline: a card naming another issuer is refused (`other-issuer`), as no peer's status list is cached.
 */
export async function openOfflineCardVerifier(
  bundle: { readonly jwks: JSONWebKeySet; readonly cardStatus: string },
  options: { clockToleranceSec?: number } = {},
): Promise<OfflineCardVerifierResult> {
  const jwks: JSONWebKeySet = {
    keys: Array.isArray(bundle?.jwks?.keys) ? bundle.jwks.keys.map((k) => ({ ...k })) : [],
  };
  const resolveKey = createJwksKeyResolver(jwks);
  const list = await readCardStatusList(bundle?.cardStatus, resolveKey);
  if (!list.ok) return list;
  const { iss, iat } = list.value;
  const revoked = new Set(list.value.revoked);
  const notGreen = new Set(list.value.notGreen);
  return {
    ok: true,
    verifier: {
      issuer: iss,
      listIssuedAt: iat,
      async verify(token, now = systemNow()) {
        const result = await verifyCardToken(token, resolveKey, { now, clockToleranceSec: options.clockToleranceSec });
        if (!result.ok) return result;
        if (result.claims.iss !== iss) {
          return { ok: false, error: 'other-issuer', message: 'The card was issued elsewhere: scan it online' };
        }
        const { crd } = result.claims;
        const listed = revoked.has(crd) ? 'revoked' : notGreen.has(crd) ? 'not-green' : null;
        return { ok: true, claims: result.claims, listed, listIssuedAt: iat };
      },
    },
  };
}
