import { type OfflineTrustBundle, signIssuerDocument, signTrustList } from '@healthcode/qr-token';
import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CardStatusListService } from '../card/card-status-list.service';
import { Clock } from '../clock/clock';
import { CodeSignerService } from '../keys/code-signer.service';
import { toTrustedIssuer } from './peer-trust.store';
import { TrustedIssuerRepository } from './trusted-issuer.repository';

/**
 * What an offline checkpoint downloads: the keys, the trust list and the printed cards' status list (both signed
 * with a key of `jwks`); `cardStatus` is new with issue #19, so older devices simply ignore it.
 */
export type CheckpointTrustBundle = OfflineTrustBundle & { readonly cardStatus: string };

/** A published trust list is re-signed at most this often (and at once after a change in this process). */
const TRUST_LIST_MAX_AGE_MS = 60_000;

/**
 * What peers and checkpoints download: the issuer document and the trust list, both compact JWS signed with the
 * current code key (verifiable with `/.well-known/jwks.json`), typed so neither can pass for a code token.
 */
@Injectable()
export class TrustPublicationService {
  private trustList: { jws: string; at: number } | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signer: CodeSignerService,
    private readonly repo: TrustedIssuerRepository,
    private readonly clock: Clock,
    private readonly cardStatus: CardStatusListService,
  ) {}

  issuerDocument(baseUrl: string): Promise<string> {
    const base = this.config.issuer.publicUrl ?? baseUrl;
    return signIssuerDocument(
      {
        iss: this.config.issuer.id,
        region: this.config.issuer.region,
        jwks_uri: `${base}/.well-known/jwks.json`,
        contact: this.config.issuer.contact,
        iat: Math.floor(this.clock.now().getTime() / 1000),
      },
      this.signer.keyRing.current,
    );
  }

  async signedTrustList(): Promise<string> {
    const at = performance.now();
    if (this.trustList && at - this.trustList.at < TRUST_LIST_MAX_AGE_MS) return this.trustList.jws;
    const rows = await this.repo.listApproved();
    const jws = await signTrustList(
      {
        iss: this.config.issuer.id,
        region: this.config.issuer.region,
        iat: Math.floor(this.clock.now().getTime() / 1000),
        issuers: rows.map(toTrustedIssuer),
      },
      this.signer.keyRing.current,
    );
    this.trustList = { jws, at };
    return jws;
  }

  async checkpointBundle(): Promise<CheckpointTrustBundle> {
    const [trustList, cardStatus] = await Promise.all([this.signedTrustList(), this.cardStatus.signed()]);
    return { jwks: this.signer.jwks(), trustList, cardStatus };
  }

  /** The printed cards' status list alone (also inside `checkpointBundle`). */
  cardStatusList(): Promise<string> {
    return this.cardStatus.signed();
  }

  invalidate(): void {
    this.trustList = null;
  }
}
