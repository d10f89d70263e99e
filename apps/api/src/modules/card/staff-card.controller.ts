import {
  type CardView,
  type StaffCardIssueRequest,
  StaffCardIssueRequestSchema,
  type StaffCardPdfQuery,
  StaffCardPdfQuerySchema,
} from '@healthcode/contracts';
import { Body, Controller, Get, Header, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';

import { ApiZodBody } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { StaffOnly } from '../auth/auth.guard';
import { CurrentStaff } from '../auth/current-principal.decorator';
import type { StaffPrincipal } from '../auth/session-token.service';
import { RateLimit } from '../security/rate-limit.decorator';
import { cardPdfFile } from './card-pdf-file.util';
import { CardService } from './card.service';

/** Hotline staff print a card for a verified resident with no phone, found by a lookup; every call is logged. */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('v1/staff/residents/:residentId/card')
@StaffOnly('hotline-agent', 'supervisor')
export class StaffCardController {
  constructor(private readonly cards: CardService) {}

  @Post()
  @ApiZodBody(StaffCardIssueRequestSchema)
  issue(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('residentId') residentId: string,
    @Body(new ZodValidationPipe(StaffCardIssueRequestSchema)) body: StaffCardIssueRequest,
  ): Promise<CardView> {
    return this.cards.issue({ kind: 'staff', staff, callRef: body.callRef }, residentId);
  }

  @Get('pdf')
  @RateLimit('card-pdf')
  @ApiProduces('application/pdf')
  @Header('cache-control', 'no-store')
  pdf(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('residentId') residentId: string,
    @Query(new ZodValidationPipe(StaffCardPdfQuerySchema)) query: StaffCardPdfQuery,
  ): Promise<StreamableFile> {
    return this.cards
      .pdf({ kind: 'staff', staff, callRef: query.callRef }, residentId, query.size)
      .then((pdf) => cardPdfFile(pdf, query.size));
  }
}
