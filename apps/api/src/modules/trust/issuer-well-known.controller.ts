import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { Public } from '../auth/auth.guard';
import { RequestBaseUrl } from './request-base-url.decorator';
import { type CheckpointTrustBundle, TrustPublicationService } from './trust-publication.service';

/**
 * Mutual recognition documents, at the root beside `/.well-known/jwks.json`: the signed issuer document peers pin
 * keys from, and the signed trust list checkpoints download (both compact JWS, verifiable with the JWKS).
 */
@ApiTags('public')
@Controller('.well-known')
export class IssuerWellKnownController {
  constructor(private readonly publication: TrustPublicationService) {}

  @Get('healthcode-issuer')
  @Public()
  @Header('content-type', 'application/jwt; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  issuer(@RequestBaseUrl() baseUrl: string): Promise<string> {
    return this.publication.issuerDocument(baseUrl);
  }

  /** One download for an offline checkpoint: the JWKS and the trust list signed with it (`openOfflineTrustBundle`). */
  @Get('healthcode-checkpoint-bundle')
  @Public()
  @Header('cache-control', 'public, max-age=60')
  checkpointBundle(): Promise<CheckpointTrustBundle> {
    return this.publication.checkpointBundle();
  }

  /** The signed status list of printed cards that must not pass (revoked, or holder not green); no green card. */
  @Get('healthcode-card-status')
  @Public()
  @Header('content-type', 'application/jwt; charset=utf-8')
  @Header('cache-control', 'public, max-age=60')
  cardStatus(): Promise<string> {
    return this.publication.cardStatusList();
  }

  @Get('healthcode-trust-list')
  @Public()
  @Header('content-type', 'application/jwt; charset=utf-8')
  @Header('cache-control', 'public, max-age=60')
  trustList(): Promise<string> {
    return this.publication.signedTrustList();
  }
}
