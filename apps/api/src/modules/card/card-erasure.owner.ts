import { Injectable, type OnModuleInit } from '@nestjs/common';

import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { PrintedCardRepository } from './printed-card.repository';

/** A resident's printed cards go with the account (their scan links go with `code_tokens`). */
@Injectable()
export class CardErasureOwner implements OnModuleInit {
  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly cards: PrintedCardRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerErasure({
      kind: 'printedCards',
      order: 21,
      holds: [{ table: 'printed_cards', column: 'resident_id', action: 'delete' }],
      erase: async (manager, residentId) => ({ count: await this.cards.deleteForResident(manager, residentId) }),
    });
  }
}
