import { Module } from '@nestjs/common';

import { CardErasureOwner } from './card-erasure.owner';
import { CardPdfService } from './card-pdf.service';
import { CardStatusListService } from './card-status-list.service';
import { CardController } from './card.controller';
import { CardService } from './card.service';
import { PrintedCardRepository } from './printed-card.repository';
import { StaffCardController } from './staff-card.controller';

/** Printed cards (issue #19): issuing, revoking, the PDF, and the status list offline checkpoints cache. */
@Module({
  controllers: [CardController, StaffCardController],
  providers: [CardErasureOwner, CardPdfService, CardService, CardStatusListService, PrintedCardRepository],
  exports: [CardStatusListService, PrintedCardRepository],
})
export class CardModule {}
