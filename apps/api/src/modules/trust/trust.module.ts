import { Module } from '@nestjs/common';

import { CardModule } from '../card/card.module';
import { IssuerDocumentFetcher } from './issuer-document.fetcher';
import { IssuerWellKnownController } from './issuer-well-known.controller';
import { PeerTrustStore } from './peer-trust.store';
import { TrustListController } from './trust-list.controller';
import { TrustListService } from './trust-list.service';
import { TrustPublicationService } from './trust-publication.service';
import { TrustedIssuerRepository } from './trusted-issuer.repository';

/** Mutual recognition: the issuer document, the trust list of peer issuers and the verifier scans use. */
@Module({
  imports: [CardModule],
  controllers: [IssuerWellKnownController, TrustListController],
  providers: [
    IssuerDocumentFetcher,
    PeerTrustStore,
    TrustListService,
    TrustPublicationService,
    TrustedIssuerRepository,
  ],
  exports: [PeerTrustStore],
})
export class TrustModule {}
