import {
  type CardPdfQuery,
  CardPdfQuerySchema,
  type CardRevokeRequest,
  CardRevokeRequestSchema,
  type CardView,
  type MyCardResponse,
} from '@healthcode/contracts';
import { Body, Controller, Get, Header, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { ActsFor } from '../auth/acts-for.decorator';
import { ResidentOnly } from '../auth/auth.guard';
import { CurrentResident } from '../auth/current-principal.decorator';
import type { ResidentPrincipal } from '../auth/session-token.service';
import { RateLimit } from '../security/rate-limit.decorator';
import { cardPdfFile } from './card-pdf-file.util';
import { CardService } from './card.service';

/**
 * The resident's own printed card (or, with `X-Acting-For`, a dependant's: a carer prints the card of a child without
 * a phone); its scans list with the code's in `GET /v1/me/scans`.
 */
@ApiTags('resident')
@ApiBearerAuth()
@Controller('v1/me/card')
@ResidentOnly()
export class CardController {
  constructor(private readonly cards: CardService) {}

  @Get()
  @ActsFor({ purpose: 'read the printed card', scope: 'card' })
  current(@CurrentResident() me: ResidentPrincipal): Promise<MyCardResponse> {
    return this.cards.current({ kind: 'resident', residentId: me.residentId }, me.residentId);
  }

  /** Issues a card; a card already in use is revoked (reissue after a loss). */
  @Post()
  @ActsFor({ purpose: 'issued a printed card', scope: 'card' })
  issue(@CurrentResident() me: ResidentPrincipal): Promise<CardView> {
    return this.cards.issue({ kind: 'resident', residentId: me.residentId }, me.residentId);
  }

  @Post('revoke')
  @HttpCode(200)
  @ActsFor({ purpose: 'revoked the printed card', scope: 'card' })
  @ApiZodBody(CardRevokeRequestSchema)
  revoke(
    @CurrentResident() me: ResidentPrincipal,
    @Body(new ZodValidationPipe(CardRevokeRequestSchema)) body: CardRevokeRequest,
  ): Promise<MyCardResponse> {
    return this.cards.revoke({ kind: 'resident', residentId: me.residentId }, me.residentId, body.reason);
  }

  @Get('pdf')
  @RateLimit('card-pdf')
  @ActsFor({ purpose: 'printed the card', scope: 'card' })
  @ApiProduces('application/pdf')
  @Header('cache-control', 'no-store')
  pdf(
    @CurrentResident() me: ResidentPrincipal,
    @Query(new ZodValidationPipe(CardPdfQuerySchema)) query: CardPdfQuery,
  ): Promise<StreamableFile> {
    return this.cards
      .pdf({ kind: 'resident', residentId: me.residentId }, me.residentId, query.size)
      .then((pdf) => cardPdfFile(pdf, query.size));
  }
}
