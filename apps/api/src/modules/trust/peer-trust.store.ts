import {
  createTrustedVerifier,
  type IssuedTokenVerifyResult,
  type TokenIssuer,
  type TrustedIssuer,
  type TrustedVerifier,
} from '@healthcode/qr-token';
import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CodeSignerService } from '../keys/code-signer.service';
import type { TrustedIssuerEntity } from './trusted-issuer.entity';
import { TrustedIssuerRepository } from './trusted-issuer.repository';

/** Other API processes see a trust-list change within this long; the process that made it, at once. */
const REFRESH_MS = 5000;

/**
 * The verifier checkpoints' online scans use: own tokens on the single-issuer path, trusted peers' by their
 * pinned keys. Built from the approved trust list and kept per process; a stale copy is served while a fresh
 * one loads, so a scan never waits for the database here (except the very first one, and right after a change
 * made by this process).
 */
@Injectable()
export class PeerTrustStore {
  private current: { verifier: TrustedVerifier; loadedAt: number } | null = null;
  private loading: Promise<TrustedVerifier> | null = null;
  private generation = 0;
  /** This deployment as an issuer (id and region from config). */
  readonly ownIssuer: TokenIssuer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signer: CodeSignerService,
    private readonly repo: TrustedIssuerRepository,
  ) {
    this.ownIssuer = Object.freeze({ iss: config.issuer.id, region: config.issuer.region, own: true });
  }

  /** A token whose kid is not ours: checked against the trust list (own keys are tried again, cheaply, first). */
  async verifyPeer(token: string, at: Date): Promise<IssuedTokenVerifyResult> {
    const verifier = this.verifier();
    return ('then' in verifier ? await verifier : verifier).verify(token, at);
  }

  verifier(): TrustedVerifier | Promise<TrustedVerifier> {
    const current = this.current;
    if (current && performance.now() - current.loadedAt < REFRESH_MS) return current.verifier;
    const load = this.load();
    return current ? current.verifier : load;
  }

  /** After a change in this process: the next scan waits for the new list. */
  invalidate(): void {
    this.generation += 1;
    this.current = null;
    this.loading = null;
  }

  private load(): Promise<TrustedVerifier> {
    if (this.loading) return this.loading;
    const generation = this.generation;
    const loading = this.repo
      .listApproved()
      .then((rows) => {
        const verifier = createTrustedVerifier({
          own: {
            iss: this.config.issuer.id,
            region: this.config.issuer.region,
            resolveKey: (kid) => this.signer.keyRing.resolveKey(kid),
          },
          peers: rows.map(toTrustedIssuer),
        });
        // A load that started before an invalidation must not install the list it read.
        if (generation === this.generation) this.current = { verifier, loadedAt: performance.now() };
        return verifier;
      })
      .finally(() => {
        if (this.loading === loading) this.loading = null;
      });
    this.loading = loading;
    return loading;
  }
}

export function toTrustedIssuer(row: TrustedIssuerEntity): TrustedIssuer {
  return {
    iss: row.issuerId,
    region: row.region,
    jwks: row.jwks,
    status: row.status === 'active' ? 'active' : 'suspended',
    nbf: Math.floor(row.notBefore.getTime() / 1000),
    exp: Math.floor(row.notAfter.getTime() / 1000),
  };
}
