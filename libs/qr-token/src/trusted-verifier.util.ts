import { base64url } from 'jose';

import { systemNow } from './clock';
import { ISSUER_ID_PATTERN } from './code-token-claims.util';
import type { CodeTokenVerifyResult } from './code-token.model';
import { createJwksKeyResolver, type CodeTokenKeyResolver } from './key-resolver.util';
import type { IssuedTokenVerifyResult, TokenIssuer, TrustedIssuer } from './trusted-issuer.model';
import { verifyCodeToken } from './verify-code-token.util';

export interface TrustedVerifierOptions {
  /** This deployment: its issuer id, region and keys (a KeyRing's `resolveKey`, or a resolver over its JWKS). */
  readonly own: { readonly iss: string; readonly region: string; readonly resolveKey: CodeTokenKeyResolver };
  /** The trust list's entries (active and suspended). */
  readonly peers: readonly TrustedIssuer[];
  readonly clockToleranceSec?: number;
}

export interface TrustedVerifier {
  /** Issuer ids on the list, active or not. */
  readonly issuers: readonly string[];
  verify(token: unknown, now?: Date): Promise<IssuedTokenVerifyResult>;
}

const MESSAGES = {
  'unknown-issuer': 'The code comes from an issuer this checkpoint does not trust',
  'issuer-suspended': "Trust in the code's issuer is suspended",
  'issuer-outside-validity': "The trust list entry for the code's issuer is not valid at this time",
  'issuer-mismatch': 'The code names an issuer other than the one whose key signed it',
} as const;

/**
 * Verifies tokens from this deployment and from trusted peers. Own tokens take exactly the single-issuer path
 * (`verifyCodeToken` with the own keys): only when the kid is not one of ours is the token's unverified `iss` read,
 * and then solely to pick the one peer whose pinned keys may verify it, or to say why none may. A peer's key can
 * never vouch for another issuer's token (the signed `iss` must equal the entry whose key matched), and a key
 * the peer added after pinning is an unknown kid.
 */
export function createTrustedVerifier(options: TrustedVerifierOptions): TrustedVerifier {
  const own: TokenIssuer = { iss: options.own.iss, region: options.own.region, own: true };
  const peers = new Map<string, { entry: TrustedIssuer; issuer: TokenIssuer; resolveKey: CodeTokenKeyResolver }>();
  for (const entry of options.peers) {
    if (entry.iss === own.iss || peers.has(entry.iss)) continue;
    peers.set(entry.iss, {
      entry,
      issuer: { iss: entry.iss, region: entry.region, own: false },
      resolveKey: createJwksKeyResolver(entry.jwks),
    });
  }
  const tolerance = options.clockToleranceSec;

  return {
    issuers: Object.freeze([...peers.keys()]),
    async verify(token, now = systemNow()) {
      const result = await verifyCodeToken(token, options.own.resolveKey, { now, clockToleranceSec: tolerance });
      if (result.ok || result.error !== 'unknown-kid') return withOwnIssuer(result, own);

      const claimed = unverifiedIssuer(token as string);
      if (claimed === null || claimed === own.iss) return result;
      const peer = peers.get(claimed);
      if (!peer) return fail('unknown-issuer');
      if (peer.entry.status !== 'active') return fail('issuer-suspended', peer.issuer);
      const nowSec = now.getTime() / 1000;
      if (nowSec < peer.entry.nbf || nowSec >= peer.entry.exp) return fail('issuer-outside-validity', peer.issuer);

      const peerResult = await verifyCodeToken(token, peer.resolveKey, { now, clockToleranceSec: tolerance });
      if (!peerResult.ok) return { ...peerResult, issuer: peer.issuer };
      if (peerResult.claims.iss !== peer.entry.iss) return fail('issuer-mismatch', peer.issuer);
      return { ...peerResult, issuer: peer.issuer };
    },
  };
}

/**
 * The verdict on a token checked with the verifier's own keys: its issuer is the own one (a token without `iss`
 * counts as own); an own-key token naming another issuer is `issuer-mismatch`. For callers that verify own tokens
 * on a faster path (the API's node:crypto check) and send only unknown kids to `createTrustedVerifier`.
 */
export function withOwnIssuer(result: CodeTokenVerifyResult, own: TokenIssuer): IssuedTokenVerifyResult {
  if (!result.ok) return result;
  if (result.claims.iss !== undefined && result.claims.iss !== own.iss) return fail('issuer-mismatch');
  return { ...result, issuer: own };
}

/** The `iss` a token claims, read without trusting it (the signature decides later); null when absent or odd. */
function unverifiedIssuer(token: string): string | null {
  try {
    const payload: unknown = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1] ?? '')));
    const iss = (payload as { iss?: unknown } | null)?.iss;
    return typeof iss === 'string' && ISSUER_ID_PATTERN.test(iss) ? iss : null;
  } catch {
    return null;
  }
}

function fail(error: keyof typeof MESSAGES, issuer?: TokenIssuer): IssuedTokenVerifyResult {
  return { ok: false, error, message: MESSAGES[error], ...(issuer ? { issuer } : {}) };
}
