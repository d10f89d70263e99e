import type { CryptoKey, JSONWebKeySet } from 'jose';

import type { CodeTokenInput, CodeTokenVerifyOptions, CodeTokenVerifyResult } from './code-token.model';
import { buildJwks } from './jwks.util';
import type { CodeTokenKeyResolver } from './key-resolver.util';
import { signCodeToken, type SignCodeTokenOptions } from './sign-code-token.util';
import { generateSigningKey, importSigningKey, type SigningKey } from './signing-key.util';
import { verifyCodeToken } from './verify-code-token.util';

/**
 * The signer's keys: the current key signs, the previous one (if any) still verifies, so tokens
 * issued just before a rotation keep working until they expire. Immutable: `rotate` and
 * `dropPrevious` return new rings.
 */
export class KeyRing {
  private constructor(
    readonly current: SigningKey,
    readonly previous: SigningKey | null,
  ) {}

  static of(current: SigningKey, previous: SigningKey | null = null): KeyRing {
    if (previous && previous.kid === current.kid) throw new Error('Current and previous keys are the same key');
    return new KeyRing(current, previous);
  }

  /** A ring with a freshly generated current key (its private key cannot be exported: use for tests and ephemeral signers). */
  static async generate(): Promise<KeyRing> {
    return new KeyRing(await importSigningKey((await generateSigningKey()).privateJwk), null);
  }

  /**
   * Makes `next` the current key and keeps today's current as previous; the old previous is dropped.
   * Without `next` a key is generated, but its private half then exists only in this process: a
   * signer that persists keys generates with `generateSigningKey`, stores the private JWK, then passes
   * the imported key here.
   */
  async rotate(next?: SigningKey): Promise<KeyRing> {
    const key = next ?? (await importSigningKey((await generateSigningKey()).privateJwk));
    return KeyRing.of(key, this.current);
  }

  /** Ends the overlap: tokens from the previous key stop verifying. */
  dropPrevious(): KeyRing {
    return new KeyRing(this.current, null);
  }

  get kids(): readonly string[] {
    return this.previous ? [this.current.kid, this.previous.kid] : [this.current.kid];
  }

  /** The public key set to publish: current first, then previous. */
  jwks(): JSONWebKeySet {
    return buildJwks(this.previous ? [this.current.publicJwk, this.previous.publicJwk] : [this.current.publicJwk]);
  }

  sign(claims: CodeTokenInput, options?: SignCodeTokenOptions): Promise<string> {
    return signCodeToken(claims, this.current, options);
  }

  verify(token: unknown, options?: CodeTokenVerifyOptions): Promise<CodeTokenVerifyResult> {
    return verifyCodeToken(token, this.resolveKey, options);
  }

  /** Verification keys by kid, without re-importing anything. */
  readonly resolveKey: CodeTokenKeyResolver = (kid: string): CryptoKey | undefined => {
    if (kid === this.current.kid) return this.current.publicKey;
    if (this.previous && kid === this.previous.kid) return this.previous.publicKey;
    return undefined;
  };
}
